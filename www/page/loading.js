// Loading files: drop, picker and samples into the worker (streamed), Cancel, re-reads and clearing.
import { SAMPLES } from 'inline:samples';
import { channel } from './channel.js';
import { $, element, option } from './dom.js';
import { loadedFiles, keepFile, sourceOf, readForSharing } from './files.js';
import { renderReports } from './report.js';
import { state } from './state.js';
import { setStatus, showProgress } from './status.js';
import { selectTab } from './tabs.js';
import { rebuildView } from './view.js';
import { VIEWS } from './views.js';

/** Loads files ({ name, file } from a drop or the picker, or { name, bytes }) in the worker, which
 * streams each File itself, and refreshes everything. */
export async function loadFiles(files, { remember = true } = {}) {
  if (!files.length) return;
  const batch = remember ? files.map(keepFile) : files;
  if (remember) loadedFiles.push(...batch);
  activeBatch = batch;
  setStatus(`Reading ${files.length} file${files.length > 1 ? 's' : ''}…`);
  showCancel(true);
  try {
    performance.mark('il:load-start');
    const { reports, catalogue } = await channel.call('stream', { sources: batch.map(sourceOf) }, showProgress);
    performance.mark('il:loaded');
    activeBatch = null;
    showCancel(false);
    renderReports(reports, rereadAll);
    state.catalogue = catalogue;
    const usable = state.catalogue.observations > 0;
    $('views-section').hidden = !usable;
    $('share-section').hidden = !usable;
    const failed = reports.filter((r) => r.error);
    setStatus(failed.length
      ? `${failed.length} file${failed.length > 1 ? 's' : ''} could not be used: ${failed.map((r) => `${r.file}: ${r.error}`).join('; ')}`
      : `Loaded ${state.catalogue.observations} observations.`, failed.length > 0);
    if (usable) await rebuildView();
    for (const entry of batch) readForSharing(entry);
  } catch (error) {
    // A cancelled load is reported by cancelLoad once the earlier files are back.
    if (!error.cancelled) setStatus(error.message, true);
  } finally {
    if (activeBatch === batch) activeBatch = null;
    showCancel(false);
    $('progress-row').hidden = true;
  }
}

/** The files of the load in progress (null when none), for Cancel. */
let activeBatch = null;

/** Shows or hides the Cancel button beside the progress bar (created on first use). */
function showCancel(visible) {
  let button = $('cancel-load');
  if (!button) {
    button = element('button', 'Cancel');
    button.type = 'button';
    button.id = 'cancel-load';
    button.addEventListener('click', cancelLoad);
    $('progress-row').append(button);
  }
  button.hidden = !visible;
}

/** Stops the load in progress: the worker is ended and restarted, and the files loaded before are read again. */
async function cancelLoad() {
  const batch = activeBatch;
  if (!batch) return;
  activeBatch = null;
  for (const entry of channel.pending.values()) entry.reject(Object.assign(new Error('Loading cancelled.'), { cancelled: true }));
  channel.pending.clear();
  channel.worker.terminate();
  channel.start();
  loadedFiles.splice(loadedFiles.indexOf(batch[0]), batch.length);
  if (loadedFiles.length) {
    setStatus('Loading cancelled: reading the files loaded before again…');
    try {
      await channel.call('stream', { sources: loadedFiles.map(sourceOf) }, showProgress);
    } catch (error) {
      setStatus(error.message, true);
      return;
    }
  }
  $('progress-row').hidden = true;
  setStatus('Loading cancelled.');
}

/** Reads every loaded file again, in order, after the user corrected how one of them is read. */
async function rereadAll(index, options) {
  loadedFiles[index].options = options;
  await channel.call('clear');
  await loadFiles(loadedFiles, { remember: false });
}

/** The dropped or picked files as they are: the worker reads each with `File.stream()`. */
async function readDropped(fileList) {
  return Array.from(fileList, (file) => ({ name: file.name, file }));
}

/** Forgets every loaded file, here and in the worker. */
async function clearAll() {
  loadedFiles.length = 0;
  await channel.call('clear');
  renderReports([], rereadAll);
  $('views-section').hidden = true;
  $('share-section').hidden = true;
}

export function wireLoading() {
  const zone = $('drop-zone');
  const input = $('file-input');
  zone.addEventListener('click', () => input.click());
  zone.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); input.click(); } });
  zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', async (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    await loadFiles(await readDropped(e.dataTransfer.files));
  });
  input.addEventListener('change', async () => {
    await loadFiles(await readDropped(input.files));
    input.value = '';
  });
  const samples = $('sample-select');
  for (const s of SAMPLES) samples.append(option(s.name, s.title));
  $('sample-button').addEventListener('click', async () => {
    const sample = SAMPLES.find((s) => s.name === samples.value);
    await clearAll();
    if (sample.view && VIEWS.some((v) => v.id === sample.view)) selectTab(sample.view);
    await loadFiles(sample.files.map((f) => ({ name: f.name, bytes: new TextEncoder().encode(f.text).buffer })));
  });
  $('clear-button').addEventListener('click', async () => {
    await clearAll();
    setStatus('All files cleared.');
  });
}
