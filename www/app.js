// indicator-lens page: wires the drop zone, worker, controls, charts and exports. Data only ever
// reaches the DOM through textContent and DOM nodes, never as HTML.
/* global WASM_BASE64, WORKER_SOURCE, SAMPLES, initSync, draw_view, svg_of_view, encode_share, decode_share, share_link_limit */

/** The page exactly as loaded, before any change: the template of a one-file snapshot. */
const PAGE_SOURCE = `<!doctype html>\n${document.documentElement.outerHTML}`;
const SNAPSHOT_TYPE = 'application/x-indicator-lens-snapshot';

const $ = (id) => document.getElementById(id);

/** Decodes the inlined wasm and compiles it once; the page and the worker share the module. */
function compileModule() {
  const binary = atob(WASM_BASE64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new WebAssembly.Module(bytes);
}

const wasmModule = compileModule();
initSync({ module: wasmModule });

/** A request/response channel to the worker, with progress callbacks. */
class WorkerChannel {
  constructor() { this.start(); }
  start() {
    const url = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));
    this.worker = new Worker(url);
    this.pending = new Map();
    this.nextId = 1;
    this.ready = new Promise((resolve, reject) => { this.resolveReady = resolve; this.rejectReady = reject; });
    this.ready.catch(() => {});
    this.worker.onmessage = (event) => this.receive(event.data);
    this.worker.onerror = (event) => this.crashed(event.message || 'the worker stopped');
    this.worker.postMessage({ type: 'init', module: wasmModule });
  }
  receive(message) {
    if (message.type === 'ready') { this.started = true; this.resolveReady(); return; }
    if (message.type === 'failed') { this.crashed(message.reason); return; }
    const entry = this.pending.get(message.id);
    if (!entry) return;
    if (message.type === 'progress') { entry.progress?.(message); return; }
    this.pending.delete(message.id);
    if (message.ok) entry.resolve(message.result); else entry.reject(new Error(message.result));
  }
  crashed(reason) {
    const message = `The analysis stopped unexpectedly (${reason}).`;
    for (const entry of this.pending.values()) entry.reject(new Error(message));
    this.pending.clear();
    this.rejectReady(new Error(message));
    this.worker.terminate();
    console.error(message);
    // Restart only a worker that had started: one that cannot start would fail again at once.
    if (this.started) this.start(); else this.failed = message;
  }
  async call(op, payload = {}, progress) {
    if (this.failed) throw new Error(this.failed);
    await this.ready;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, progress });
      const transfer = (payload.files || []).map((f) => f.bytes);
      this.worker.postMessage({ id, op, ...payload }, transfer);
    });
  }
}

const channel = new WorkerChannel();

/** Files the user loaded, kept so a crash or a corrected option can re-run the whole load. */
const loadedFiles = [];
const state = { view: 'compare-areas', catalogue: null, spec: {} };

const VIEWS = [
  { id: 'overview', label: 'Overview', controls: ['area_type', 'comparator', 'level'] },
  { id: 'compare-areas', label: 'Compare areas', controls: ['indicator', 'period', 'area_type', 'comparator', 'level', 'sort'] },
  { id: 'spine', label: 'Spine chart', controls: ['area', 'comparator', 'level'] },
];

function setStatus(text, isError = false) {
  $('status').textContent = text;
  $('status').classList.toggle('error', isError);
}

function showProgress({ done, total, label }) {
  $('progress-row').hidden = false;
  $('progress').max = total || 1;
  $('progress').value = done;
  $('progress-label').textContent = label || '';
}

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

function tableFrom(header, rows, caption) {
  const table = element('table');
  if (caption) table.append(element('caption', caption));
  const head = table.createTHead().insertRow();
  for (const h of header) { const th = element('th', h); th.scope = 'col'; head.append(th); }
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    for (const cell of row) tr.append(element('td', cell, typeof cell === 'number' ? 'num' : undefined));
  }
  return table;
}

/** Shows one report per file: counts, then rejects and warnings with line and column. */
function renderReports(reports) {
  const container = $('report');
  container.replaceChildren();
  $('report-section').hidden = reports.length === 0;
  for (const r of reports) {
    const wrap = element('div', null, 'file-report' + (r.error ? ' failed' : ''));
    wrap.dataset.file = r.file;
    const summary = tableFrom(
      ['File', 'Format', 'Encoding', 'Delimiter', 'Rows read', 'Observations', 'Rejected', 'Warnings'],
      [[r.file, r.format, r.encoding, r.delimiter, r.rows_read, r.observations, r.rejected.length, r.warnings.length]],
      r.error ? `${r.file}: ${r.error}` : r.file,
    );
    summary.classList.add('report-summary');
    wrap.append(summary);
    if (r.interval_methods && r.interval_methods.length) {
      wrap.append(element('p', `Intervals computed from counts by: ${r.interval_methods.join('; ')}`));
    }
    if (r.rejected.length) {
      const details = element('details');
      details.append(element('summary', `${r.rejected.length} rejected (line, column, reason)`));
      details.append(tableFrom(['Line', 'Column', 'Reason'], r.rejected.map((x) => [x.line, x.column, x.reason])));
      wrap.append(details);
    }
    if (r.warnings.length) {
      const details = element('details');
      details.append(element('summary', `${r.warnings.length} warnings`));
      details.append(tableFrom(['Line', 'Column', 'Warning'], r.warnings.map((x) => [x.line || '', x.column, x.message])));
      wrap.append(details);
    }
    if (r.columns && r.columns.length) {
      const details = element('details');
      details.append(element('summary', 'How the columns were read'));
      details.append(tableFrom(['Column', 'Read as'], r.columns.map((c) => [c.header, c.role])));
      wrap.append(details);
    }
    container.append(wrap);
  }
}

/** Loads files ({ name, file } from a drop or the picker, or { name, bytes }) in the worker, which
 * streams each File itself, and refreshes everything. */
async function loadFiles(files) {
  if (!files.length) return;
  const batch = files.map(keepFile);
  loadedFiles.push(...batch);
  activeBatch = batch;
  setStatus(`Reading ${files.length} file${files.length > 1 ? 's' : ''}…`);
  showCancel(true);
  try {
    await channel.call('stream', { sources: batch.map(sourceOf) }, showProgress);
    activeBatch = null;
    showCancel(false);
    const reports = await allReports();
    renderReports(reports);
    state.catalogue = await channel.call('catalogue');
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
  if (f.file) return { name: f.name, file: f.file, bytes: new ArrayBuffer(0) };
  return { name: f.name, bytes: f.bytes.slice(0) };
}

/** What the worker is sent for a kept file: the File (the worker streams it) or the bytes. */
function sourceOf(entry) {
  return entry.file ? { name: entry.name, file: entry.file } : { name: entry.name, bytes: entry.bytes };
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

async function allReports() {
  return channel.call('reports');
}

/** The dropped or picked files as they are: the worker reads each with `File.stream()`. */
async function readDropped(fileList) {
  return Array.from(fileList, (file) => ({ name: file.name, file }));
}

function option(value, label) {
  const o = element('option', label);
  o.value = value;
  return o;
}

function labelled(labelText, control) {
  const label = element('label', labelText);
  label.append(control);
  return label;
}

/** Builds the controls the current view uses from the catalogue. */
function buildControls() {
  const form = $('controls');
  form.replaceChildren();
  const cat = state.catalogue;
  const view = VIEWS.find((v) => v.id === state.view);
  const spec = state.spec;
  if (!cat.indicators.some((i) => i.key === spec.indicator)) spec.indicator = cat.indicators[0]?.key;
  const indicator = cat.indicators.find((i) => i.key === spec.indicator);
  if (!indicator?.periods.includes(spec.period)) spec.period = indicator?.periods.at(-1);
  const makers = {
    indicator: () => select('indicator', 'Indicator', cat.indicators.map((i) => [i.key, i.name])),
    period: () => select('period', 'Period', (indicator?.periods || []).map((p) => [p, p]).reverse()),
    area_type: () => select('area_type', 'Area type', [['', 'Automatic'], ...cat.area_types.filter((t) => t !== 'England').map((t) => [t, t])]),
    comparator: () => select('comparator', 'Compared with', [['england', 'England'], ['parent', 'Region / parent']]),
    level: () => select('level', 'Confidence', [['95', '95%'], ['99.8', '99.8%']]),
    sort: () => select('sort', 'Sort', [['value', 'By value'], ['name', 'By name']]),
    area: () => select('area', 'Area', cat.areas.filter((a) => a.kind !== 'England').map((a) => [a.key, a.name])),
  };
  for (const name of view.controls) form.append(makers[name]());
}

function select(name, labelText, entries) {
  const s = element('select');
  s.name = name;
  s.id = `control-${name}`;
  for (const [value, label] of entries) s.append(option(value, label));
  if (state.spec[name] !== undefined && entries.some(([v]) => v === state.spec[name])) s.value = state.spec[name];
  state.spec[name] = s.value;
  s.addEventListener('change', () => {
    state.spec[name] = s.value;
    if (name === 'indicator') buildControls();
    refreshView();
  });
  return labelled(labelText, s);
}

function currentSpec() {
  return { view: state.view, ...state.spec, level: Number(state.spec.level || 95) };
}

/** Asks the worker for the view model, then draws it here (plotters-canvas needs the document). */
async function refreshView() {
  try {
    const result = await channel.call('view', { spec: currentSpec() });
    state.lastView = result;
    const canvas = $('chart');
    canvas.width = result.width;
    canvas.height = result.height;
    draw_view(result.model, canvas);
    $('chart-caption').textContent = result.caption || '';
    const table = $('view-table');
    table.replaceWith(Object.assign(tableFrom(result.table.header, result.table.rows, result.caption), { id: 'view-table' }));
  } catch (error) {
    setStatus(`This view could not be drawn: ${error.message}`, true);
  }
}

function buildTabs() {
  const tabs = $('view-tabs');
  for (const view of VIEWS) {
    const tab = element('button', view.label);
    tab.type = 'button';
    tab.setAttribute('role', 'tab');
    tab.id = `tab-${view.id}`;
    tab.setAttribute('aria-selected', String(view.id === state.view));
    tab.addEventListener('click', () => {
      state.view = view.id;
      for (const t of tabs.children) t.setAttribute('aria-selected', String(t === tab));
      buildControls();
      refreshView();
    });
    tabs.append(tab);
  }
}

function download(name, blob) {
  const url = URL.createObjectURL(blob);
  const a = element('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function exportName(ext) {
  return `indicator-lens-${state.view}.${ext}`;
}

function wireExports() {
  $('export-csv').addEventListener('click', async () => {
    const text = await channel.call('csv', { spec: currentSpec(), suppressBelow: $('suppress-small').checked ? 5 : 0 });
    download(exportName('csv'), new Blob([text], { type: 'text/csv' }));
  });
  $('export-png').addEventListener('click', () => {
    $('chart').toBlob((blob) => download(exportName('png'), blob), 'image/png');
  });
  $('export-svg').addEventListener('click', () => {
    const canvas = $('chart');
    const svg = svg_of_view(state.lastView.model, canvas.width, canvas.height);
    download(exportName('svg'), new Blob([svg], { type: 'image/svg+xml' }));
  });
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
    await loadFiles([{ name: sample.name, bytes: new TextEncoder().encode(sample.text).buffer }]);
  });
  $('clear-button').addEventListener('click', async () => {
    loadedFiles.length = 0;
    await channel.call('clear');
    renderReports([]);
    $('views-section').hidden = true;
    setStatus('All files cleared.');
  });
}

/** The state a link or snapshot carries. */
function shareState() {
  return { view: state.view, spec: currentSpec(), suppress_below: $('suppress-small').checked ? 5 : 0 };
}

/** Files to share: none while small-number suppression is on (raw files would carry the small counts). */
function filesToShare() {
  return $('suppress-small').checked ? [] : loadedFiles;
}

function encodeState(files, limit) {
  return encode_share(shareState(), files.map((f) => f.name), files.map((f) => new Uint8Array(f.bytes)), limit);
}

function wireSharing() {
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
    const withoutOld = PAGE_SOURCE.replace(new RegExp(`<script type="${SNAPSHOT_TYPE}"[^>]*>[^<]*<\\/script>`), '');
    // The last </body> is the document's own: the code above it mentions the tag too.
    const end = withoutOld.lastIndexOf('</body>');
    const snapshot = `${withoutOld.slice(0, end)}<script type="${SNAPSHOT_TYPE}" id="snapshot-data">${fragment}<\/script>\n${withoutOld.slice(end)}`;
    download('indicator-lens-snapshot.html', new Blob([snapshot], { type: 'text/html' }));
    $('share-status').textContent = files.length ? 'Saved: the file holds the page, the data and this view.' : 'Saved: the file holds the page and this view; small-number suppression kept the data out.';
  });
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
  state.view = VIEWS.some((v) => v.id === shared.state.view) ? shared.state.view : state.view;
  for (const tab of $('view-tabs').children) tab.setAttribute('aria-selected', String(tab.id === `tab-${state.view}`));
  const { view, ...spec } = shared.state.spec;
  for (const [key, value] of Object.entries(spec)) if (value !== null && typeof value !== 'object') state.spec[key] = String(value);
  if (Array.isArray(spec.comparator)) state.spec.comparator = spec.comparator.join(',');
  $('suppress-small').checked = shared.state.suppress_below > 0;
  if (shared.files.length) {
    await loadFiles(shared.files.map((f) => ({ name: f.name, bytes: f.bytes.buffer.slice(f.bytes.byteOffset, f.bytes.byteOffset + f.bytes.byteLength) })));
  } else {
    setStatus(`This ${source} holds a view without data: drop the files it was made from to see it.`);
  }
}

buildTabs();
wireLoading();
wireExports();
wireSharing();
const snapshotData = document.querySelector(`script[type="${SNAPSHOT_TYPE}"]`);
const opening = snapshotData ? restoreShared(snapshotData.textContent.trim(), 'snapshot')
  : location.hash.startsWith('#v=') ? restoreShared(location.hash, 'link') : Promise.resolve();
opening.finally(() => { document.documentElement.dataset.ready = 'true'; });
