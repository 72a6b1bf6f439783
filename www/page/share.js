// Share links and one-file snapshots: the state out, and back in from untrusted links with strict checks.
import { decode_share, encode_share, share_link_limit } from '../../pkg/indicator_lens.js';
import { $, download } from './dom.js';
import { loadedFiles } from './files.js';
import { loadFiles } from './loading.js';
import { currentSpec, restoreControls } from './spec.js';
import { state } from './state.js';
import { setStatus } from './status.js';
import { selectTab } from './tabs.js';
import { VIEWS } from './views.js';

/** The type of the script element in which a snapshot carries its state and data. */
const SNAPSHOT_TYPE = 'application/x-indicator-lens-snapshot';

/** The state a link or snapshot carries. */
function shareState() {
  return { view: state.view, spec: currentSpec(), suppress_below: $('suppress-small').checked ? 5 : 0 };
}

/** Files to share: none while small-number suppression is on (raw files would carry the small counts). */
function filesToShare() {
  // Files over the sharing size limit are streamed but not kept as bytes: they cannot travel in a link.
  return $('suppress-small').checked ? [] : loadedFiles.filter((f) => f.bytes && f.bytes.byteLength > 0);
}

function encodeState(files, limit) {
  return encode_share(shareState(), files.map((f) => f.name), files.map((f) => new Uint8Array(f.bytes)), limit);
}

/** Wires the share buttons; `pageSource` is the page exactly as loaded, the template of a snapshot. */
export function wireSharing(pageSource) {
  $('share-link').addEventListener('click', async () => {
    const base = location.href.split('#')[0];
    const files = filesToShare();
    let fragment;
    let note = files.length ? 'The link holds the view and the data.' : 'The link holds the view only (small-number suppression is on): the recipient drops the files.';
    try {
      fragment = encodeState(files, share_link_limit());
    } catch (error) {
      fragment = encodeState([], share_link_limit());
      note = `${error.message}. This link holds the view only.`;
    }
    const link = `${base}#${fragment}`;
    $('share-output').value = link;
    $('share-status').textContent = note;
    try { await navigator.clipboard.writeText(link); $('share-status').textContent += ' Copied to the clipboard.'; } catch { /* the link is shown to copy by hand */ }
  });
  $('save-snapshot').addEventListener('click', () => {
    const files = filesToShare();
    const fragment = encodeState(files, Number.MAX_SAFE_INTEGER);
    // The fragment is base64url and `=&` only, so it cannot close the script element that holds it.
    if (!/^[A-Za-z0-9_=&-]*$/.test(fragment)) throw new Error('unexpected characters in the snapshot state');
    const withoutOld = pageSource.replace(new RegExp(`<script type="${SNAPSHOT_TYPE}"[^>]*>[^<]*<\\/script>`), '');
    // The last </body> is the document's own: the code above it mentions the tag too.
    const end = withoutOld.lastIndexOf('</body>');
    const snapshot = `${withoutOld.slice(0, end)}<script type="${SNAPSHOT_TYPE}" id="snapshot-data">${fragment}<\/script>\n${withoutOld.slice(end)}`;
    download('indicator-lens-snapshot.html', new Blob([snapshot], { type: 'text/html' }));
    $('share-status').textContent = files.length ? 'Saved: the file holds the page, the data and this view.' : 'Saved: the file holds the page and this view; small-number suppression kept the data out.';
  });
}

/** Opens what this page was opened with: a snapshot's state (in the page) or a link's (in the fragment), if any. */
export function openShared() {
  const snapshotData = document.querySelector(`script[type="${SNAPSHOT_TYPE}"]`);
  if (snapshotData) return restoreShared(snapshotData.textContent.trim(), 'snapshot');
  if (location.hash.startsWith('#v=')) return restoreShared(location.hash, 'link');
  return Promise.resolve();
}

/** Opens a link's or snapshot's state: untrusted, so every failure ends in a message and an empty page. */
async function restoreShared(fragment, source) {
  let shared;
  try {
    shared = decode_share(fragment);
  } catch (error) {
    setStatus(`This ${source} could not be opened: ${error.message}`, true);
    return;
  }
  if (VIEWS.some((v) => v.id === shared.state.view)) selectTab(shared.state.view);
  restoreControls(shared.state.spec);
  $('suppress-small').checked = shared.state.suppress_below > 0;
  if (shared.files.length) {
    await loadFiles(shared.files.map((f) => ({ name: f.name, bytes: f.bytes.buffer.slice(f.bytes.byteOffset, f.bytes.byteOffset + f.bytes.byteLength) })));
  } else {
    setStatus(`This ${source} holds a view without data: drop the files it was made from to see it.`);
  }
}
