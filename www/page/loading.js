// Loading files: drop, picker and samples into the worker (streamed), Cancel, re-reads and clearing.

/** Loads files ({ name, file } from a drop or the picker, or { name, bytes }) in the worker, which
 * streams each File itself, and refreshes everything. */
async function loadFiles(files, { remember = true } = {}) {
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
    renderReports(reports);
    state.catalogue = catalogue;
    const usable = state.catalogue.observations > 0;
    $('views-section').hidden = !usable;
    $('share-section').hidden = !usable;
    const failed = reports.filter((r) => r.error);
    setStatus(failed.length
      ? `${failed.length} file${failed.length > 1 ? 's' : ''} could not be used: ${failed.map((r) => `${r.file}: ${r.error}`).join('; ')}`
      : `Loaded ${state.catalogue.observations} observations.`, failed.length > 0);
    if (usable) { buildControls(); await refreshView(); }
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

/** Files up to this size are also kept as bytes, for share links and snapshots. */
const SHARE_BYTES_LIMIT = 64 * 1024 * 1024;

/** The record kept of a loaded file: the File itself (read again on a re-run) and, once read, its bytes. */
function keepFile(f) {
  if (f.file) return { name: f.name, file: f.file, bytes: new ArrayBuffer(0), options: f.options };
  return { name: f.name, bytes: f.bytes.slice(0), options: f.options };
}

/** What the worker is sent for a kept file: the File (the worker streams it) or the bytes. */
function sourceOf(entry) {
  const source = entry.file ? { name: entry.name, file: entry.file } : { name: entry.name, bytes: entry.bytes };
  if (entry.options) source.options = entry.options;
  return source;
}

/** Reads a dropped file's bytes after its load, for sharing (never during it: the worker streams the file). */
function readForSharing(entry) {
  if (!entry.file || entry.file.size > SHARE_BYTES_LIMIT) return;
  entry.file.arrayBuffer().then((bytes) => { entry.bytes = bytes; }, () => {});
}

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
  renderReports([]);
  $('views-section').hidden = true;
  $('share-section').hidden = true;
}

function wireLoading() {
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
