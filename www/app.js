// indicator-lens page: wires the drop zone, worker, controls, charts and exports. Data only ever
// reaches the DOM through textContent and DOM nodes, never as HTML.
/* global WASM_BASE64, WORKER_SOURCE, SAMPLES, initSync, draw_view, svg_of_view, encode_share, decode_share, share_link_limit, detection_choices, marks_of_view */

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
/** Layouts and column roles the ingest reads, for the correction form. */
const CHOICES = detection_choices();

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
const state = { view: 'compare-areas', catalogue: null, spec: {}, polarity: {}, annotations: [], marks: [] };

const VIEWS = [
  { id: 'kpi-summary', label: 'KPI summary', controls: ['area', 'comparator', 'level'] },
  { id: 'overview', label: 'Overview', controls: ['area_type', 'comparator', 'level'] },
  { id: 'compare-areas', label: 'Compare areas', controls: ['indicator', 'period', 'area_type', 'comparator', 'level', 'sort'] },
  { id: 'spine', label: 'Spine chart', controls: ['area', 'comparator', 'level'] },
  { id: 'map', label: 'Map', controls: ['indicator', 'period', 'comparator', 'level'] },
  { id: 'trend', label: 'Trend', controls: ['indicator', 'area', 'comparator_period', 'relative_change_percent'] },
  { id: 'spc', label: 'SPC', controls: ['indicator', 'area', 'improvement', 'target'] },
  { id: 'board-summary', label: 'Board summary', controls: ['area', 'relative_change_percent'] },
  { id: 'inequalities', label: 'Inequalities', controls: ['indicator', 'period', 'area', 'level'] },
  { id: 'funnel', label: 'Funnel plot', controls: ['indicator', 'period', 'area_type', 'area', 'overdispersion'] },
  { id: 'scatter', label: 'Compare indicators', controls: ['indicator', 'indicator_y', 'area_type', 'area'] },
  { id: 'prevalence', label: 'Prevalence', controls: ['bands'] },
  { id: 'access', label: 'Access', controls: ['area', 'bands', 'target_share', 'estimated_need'] },
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
  reports.forEach((r, index) => {
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
    if (index < loadedFiles.length) wrap.append(correctionForm(r, index));
    container.append(wrap);
  });
}

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
    setStatus(error.message, true);
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
  for (const entry of channel.pending.values()) entry.reject(new Error('Loading cancelled.'));
  channel.pending.clear();
  channel.worker.terminate();
  channel.start();
  loadedFiles.splice(loadedFiles.indexOf(batch[0]), batch.length);
  if (loadedFiles.length) {
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

/** A form to correct how one file was read: its layout and what each column holds. */
function correctionForm(report, index) {
  const details = element('details', null, 'correction');
  details.append(element('summary', 'Correct how this file was read'));
  const layout = element('select');
  layout.className = 'correct-format';
  layout.append(option('', `As detected (${report.format})`));
  for (const format of CHOICES.formats) layout.append(option(format, format));
  const current = loadedFiles[index]?.options || {};
  layout.value = current.format || '';
  details.append(labelled('Layout', layout));
  const grid = element('div', null, 'correction-columns');
  const roleSelects = [];
  for (const column of report.columns || []) {
    const role = element('select');
    role.dataset.header = column.header;
    role.append(option('', `As detected (${column.role})`));
    for (const name of CHOICES.roles) role.append(option(name, name.replace(/_/g, ' ')));
    const chosen = (current.columns || []).find((c) => c.header === column.header);
    role.value = chosen ? chosen.role : '';
    roleSelects.push(role);
    grid.append(labelled(column.header, role));
  }
  details.append(grid);
  const button = element('button', 'Read this file again with these settings');
  button.type = 'button';
  button.addEventListener('click', () => {
    const options = {};
    if (layout.value) options.format = layout.value;
    const columns = roleSelects.filter((r) => r.value).map((r) => ({ header: r.dataset.header, role: r.value }));
    if (columns.length) options.columns = columns;
    rereadAll(index, options);
  });
  details.append(button);
  return details;
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
  const localAreas = cat.areas.filter((a) => a.kind !== 'England');
  const makers = {
    indicator: () => select('indicator', 'Indicator', cat.indicators.map((i) => [i.key, i.name])),
    period: () => select('period', 'Period', (indicator?.periods || []).map((p) => [p, p]).reverse()),
    area_type: () => select('area_type', 'Area type', [['', 'Automatic'], ...cat.area_types.filter((t) => t !== 'England').map((t) => [t, t])]),
    comparator: () => select('comparator', 'Compared with', [['england', 'England'], ['parent', 'Region / parent']]),
    level: () => select('level', 'Confidence', [['95', '95%'], ['99.8', '99.8%']]),
    sort: () => select('sort', 'Sort', [['value', 'By value'], ['name', 'By name']]),
    area: () => select('area', 'Area', [['', 'Automatic'], ...localAreas.map((a) => [a.key, a.name])]),
    comparator_period: () => select('comparator_period', 'Direction since', [['', 'Previous period'], ...(indicator?.periods || []).map((p) => [p, p])]),
    improvement: () => select('improvement', 'Improvement is', [['', 'From polarity'], ['increase', 'An increase'], ['decrease', 'A decrease'], ['neutral', 'Neither']]),
    relative_change_percent: () => numberInput('relative_change_percent', 'Change threshold without intervals (%)', '5'),
    target: () => numberInput('target', 'Target (SPC assurance)', ''),
    bands: () => textInput('bands', 'Age bands (e.g. 2-4, 5-16, 17-19)', ''),
    target_share: () => numberInput('target_share', 'Access target (%)', ''),
    estimated_need: () => numberInput('estimated_need', 'Estimated need (people, overrides)', ''),
    indicator_y: () => select('indicator_y', 'Against indicator', cat.indicators.filter((i) => i.key !== spec.indicator).map((i) => [i.key, i.name])),
    overdispersion: () => select('overdispersion', 'Overdispersion', [['none', 'None (Poisson / binomial limits)'], ['multiplicative', 'Multiplicative (φ)'], ['additive', 'Additive (τ²)']]),
  };
  for (const name of view.controls) form.append(makers[name]());
  buildPolarityEditor(cat);
  buildAnnotations(cat);
}

/** The notes list and the period choices for the current indicator. */
function buildAnnotations(cat) {
  const indicator = cat.indicators.find((i) => i.key === state.spec.indicator);
  const periods = $('note-period');
  periods.replaceChildren(...(indicator?.periods || []).map((p) => option(p, p)));
  const list = $('note-list');
  list.replaceChildren();
  state.annotations.forEach((note, index) => {
    const name = cat.indicators.find((i) => i.key === note.indicator)?.name || note.indicator;
    const item = element('li', `${name}, ${note.period}: ${note.text} `);
    const remove = element('button', 'Remove');
    remove.type = 'button';
    remove.addEventListener('click', () => { state.annotations.splice(index, 1); buildAnnotations(cat); refreshView(); });
    item.append(remove);
    list.append(item);
  });
}

function wireAnnotations() {
  $('note-add').addEventListener('click', () => {
    const text = $('note-text').value.trim();
    if (!text || !state.spec.indicator || !$('note-period').value) return;
    state.annotations.push({ indicator: state.spec.indicator, period: $('note-period').value, text });
    $('note-text').value = '';
    buildAnnotations(state.catalogue);
    refreshView();
  });
}

const POLARITY_LABELS = { HighIsGood: 'high is good', LowIsGood: 'low is good', NoJudgement: 'no judgement', Unknown: 'not known' };

/** One select per indicator to set which direction is better; the choice travels in the view spec. */
function buildPolarityEditor(cat) {
  const list = $('polarity-list');
  list.replaceChildren();
  for (const indicator of cat.indicators) {
    const id = `polarity-${list.children.length}`;
    const label = element('label', indicator.name);
    label.htmlFor = id;
    const choice = element('select');
    choice.id = id;
    choice.dataset.indicator = indicator.key;
    const inferred = POLARITY_LABELS[indicator.polarity] || 'not known';
    for (const [value, text] of [['', `From the file (${inferred})`], ['high', 'High is good'], ['low', 'Low is good'], ['none', 'No judgement']]) choice.append(option(value, text));
    choice.value = state.polarity[indicator.key] || '';
    choice.addEventListener('change', () => {
      if (choice.value) state.polarity[indicator.key] = choice.value; else delete state.polarity[indicator.key];
      refreshView();
    });
    list.append(label, choice);
  }
}

function onControlChange(name, value) {
  state.spec[name] = value;
  if (name === 'indicator') buildControls();
  refreshView();
}

function select(name, labelText, entries) {
  const s = element('select');
  s.name = name;
  s.id = `control-${name}`;
  for (const [value, label] of entries) s.append(option(value, label));
  if (state.spec[name] !== undefined && entries.some(([v]) => v === state.spec[name])) s.value = state.spec[name];
  state.spec[name] = s.value;
  s.addEventListener('change', () => onControlChange(name, s.value));
  return labelled(labelText, s);
}

function textInput(name, labelText, fallback, type = 'text') {
  const input = element('input');
  input.type = type;
  input.name = name;
  input.id = `control-${name}`;
  input.value = state.spec[name] ?? fallback;
  state.spec[name] = input.value;
  input.addEventListener('change', () => onControlChange(name, input.value));
  return labelled(labelText, input);
}

function numberInput(name, labelText, fallback) {
  const label = textInput(name, labelText, fallback, 'number');
  label.querySelector('input').step = 'any';
  return label;
}

/** The view spec for the core: text controls become the types the core reads; blanks are left out. */
function currentSpec() {
  const s = state.spec;
  const number = (value) => (value === '' || value === undefined || value === null ? undefined : Number(value));
  const text = (value) => (value === '' || value === undefined ? undefined : value);
  const share = number(s.target_share);
  const spec = {
    view: state.view.replace(/-/g, '_'),
    indicator: text(s.indicator),
    period: text(s.period),
    area: text(s.area),
    area_type: text(s.area_type),
    comparator: text(s.comparator),
    level: number(s.level) ?? 95,
    sort: text(s.sort),
    comparator_period: text(s.comparator_period),
    improvement: text(s.improvement),
    target: number(s.target),
    target_share: share === undefined ? undefined : share / 100,
    estimated_need: number(s.estimated_need),
    bands: s.bands ? s.bands.split(',').map((b) => b.trim()).filter(Boolean) : undefined,
    overdispersion: text(s.overdispersion),
  };
  if (state.view === 'scatter' && s.indicator && s.indicator_y) spec.indicators = [s.indicator, s.indicator_y];
  if (state.annotations.length) spec.annotations = state.annotations.map((a) => ({ ...a }));
  if (Object.keys(state.polarity).length) spec.polarity = { ...state.polarity };
  if (number(s.relative_change_percent) !== undefined) spec.direction = { relative_change_percent: number(s.relative_change_percent) };
  // Only what this view's controls set: a selection made in another view must not filter this one.
  const controls = VIEWS.find((v) => v.id === state.view)?.controls || [];
  const own = { target_share: 'target_share', relative_change_percent: 'direction', indicator_y: 'indicators' };
  const used = new Set(['view', 'polarity', 'annotations', ...controls.map((c) => own[c] || c)]);
  if (controls.includes('indicator_y')) used.add('indicators');
  for (const key of Object.keys(spec)) if (spec[key] === undefined || !used.has(key)) delete spec[key];
  return spec;
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
    state.marks = marks_of_view(result.model, canvas.width, canvas.height);
    state.focusedMark = -1;
    hideTooltip();
    $('chart-caption').textContent = result.caption || '';
    const table = $('view-table');
    table.replaceWith(Object.assign(tableFrom(result.table.header, result.table.rows, result.caption), { id: 'view-table' }));
    wireRowClicks(result);
  } catch (error) {
    setStatus(`This view could not be drawn: ${error.message}`, true);
  }
}

function selectTab(id) {
  state.view = id;
  for (const t of $('view-tabs').children) t.setAttribute('aria-selected', String(t.id === `tab-${id}`));
}

/** Shows a mark's tooltip text (as text, never HTML) beside it. */
function showTooltip(mark) {
  const canvas = $('chart');
  const tip = $('tooltip');
  const box = canvas.getBoundingClientRect();
  const scale = box.width / canvas.width;
  tip.textContent = mark.text;
  tip.hidden = false;
  const wrap = canvas.parentElement.getBoundingClientRect();
  tip.style.left = `${box.left - wrap.left + (mark.x1 + 6) * scale}px`;
  tip.style.top = `${box.top - wrap.top + mark.y0 * scale}px`;
  $('mark-live').textContent = mark.text;
}

function hideTooltip() {
  $('tooltip').hidden = true;
}

/** Tooltips for every chart mark: by mouse, and by arrow keys when the chart has keyboard focus. */
function wireTooltips() {
  const canvas = $('chart');
  canvas.addEventListener('mousemove', (event) => {
    const box = canvas.getBoundingClientRect();
    const x = (event.clientX - box.left) * (canvas.width / box.width);
    const y = (event.clientY - box.top) * (canvas.height / box.height);
    const mark = state.marks.find((m) => x >= m.x0 && x <= m.x1 && y >= m.y0 && y <= m.y1);
    if (mark) showTooltip(mark); else hideTooltip();
  });
  canvas.addEventListener('mouseleave', hideTooltip);
  canvas.addEventListener('blur', hideTooltip);
  canvas.addEventListener('keydown', (event) => {
    if (!state.marks.length) return;
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    if (step) {
      event.preventDefault();
      state.focusedMark = (state.focusedMark + step + state.marks.length) % state.marks.length;
      showTooltip(state.marks[state.focusedMark]);
    } else if (event.key === 'Enter' && state.focusedMark >= 0) {
      selectArea(state.marks[state.focusedMark]);
    } else if (event.key === 'Escape') hideTooltip();
  });
  canvas.addEventListener('click', (event) => {
    const box = canvas.getBoundingClientRect();
    const x = (event.clientX - box.left) * (canvas.width / box.width);
    const y = (event.clientY - box.top) * (canvas.height / box.height);
    const mark = state.marks.find((m) => x >= m.x0 && x <= m.x1 && y >= m.y0 && y <= m.y1);
    if (mark) selectArea(mark);
  });
}

/** Clicking (or Enter on) an area's mark selects that area for every view that has an area. */
function selectArea(mark) {
  if (!mark.area) return;
  state.spec.area = mark.area;
  const name = state.catalogue?.areas.find((a) => a.key === mark.area)?.name || mark.area;
  setStatus(`Selected ${name}: the spine, trend, SPC and other area views now show it.`);
  const view = VIEWS.find((v) => v.id === state.view);
  if (view.controls.includes('area')) { buildControls(); refreshView(); }
}

/** In the KPI summary, a row opens that indicator's SPC chart (monthly or quarterly) or trend chart. */
function wireRowClicks(result) {
  if (result.model.view !== 'kpi_summary') return;
  const rows = document.querySelectorAll('#view-table tbody tr');
  result.model.rows.forEach((row, index) => {
    const tr = rows[index];
    if (!tr) return;
    tr.tabIndex = 0;
    tr.classList.add('clickable');
    tr.title = 'Open this indicator\'s chart';
    const open = () => {
      state.spec.indicator = row.indicator_key;
      state.spec.area = row.area_code || row.area;
      selectTab(row.variation ? 'spc' : 'trend');
      buildControls();
      refreshView();
    };
    tr.addEventListener('click', open);
    tr.addEventListener('keydown', (event) => { if (event.key === 'Enter') open(); });
  });
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
      selectTab(view.id);
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
  $('export-png').addEventListener('click', async () => {
    // For print: the same chart as SVG, rasterised at twice the screen size so text stays crisp.
    const canvas = $('chart');
    const svg = svg_of_view(state.lastView.model, canvas.width, canvas.height);
    const image = new Image();
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
    await image.decode();
    const print = document.createElement('canvas');
    print.width = canvas.width * 2;
    print.height = canvas.height * 2;
    const context = print.getContext('2d');
    context.fillStyle = '#fff';
    context.fillRect(0, 0, print.width, print.height);
    context.drawImage(image, 0, 0, print.width, print.height);
    print.toBlob((blob) => download(exportName('png'), blob), 'image/png');
  });
  $('copy-table').addEventListener('click', async () => {
    // Tab-separated text pastes into Word and Excel as a table.
    const table = state.lastView.table;
    const clean = (cell) => String(cell).replace(/[\t\r\n]+/g, ' ');
    const text = [table.header, ...table.rows].map((row) => row.map(clean).join('\t')).join('\n');
    try {
      await navigator.clipboard.writeText(text);
      setStatus('Table copied: paste it into Word or Excel.');
    } catch {
      setStatus('The browser did not allow copying: use "Download CSV" instead.', true);
    }
  });
  $('export-svg').addEventListener('click', () => {
    const canvas = $('chart');
    const svg = svg_of_view(state.lastView.model, canvas.width, canvas.height);
    download(exportName('svg'), new Blob([svg], { type: 'image/svg+xml' }));
  });
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

/** Turns a core view spec (from a link) back into the page's control values. */
function restoreControls(spec) {
  const controls = ['indicator', 'period', 'area', 'area_type', 'level', 'sort', 'comparator_period', 'improvement', 'target', 'estimated_need'];
  for (const key of controls) if (spec[key] !== null && spec[key] !== undefined && typeof spec[key] !== 'object') state.spec[key] = String(spec[key]);
  if (typeof spec.comparator === 'string') state.spec.comparator = spec.comparator;
  if (typeof spec.target_share === 'number') state.spec.target_share = String(spec.target_share * 100);
  if (Array.isArray(spec.bands) && spec.bands.length) state.spec.bands = spec.bands.join(', ');
  if (spec.polarity && typeof spec.polarity === 'object') {
    state.polarity = {};
    for (const [key, value] of Object.entries(spec.polarity)) if (['high', 'low', 'none'].includes(value)) state.polarity[key] = value;
  }
  if (Array.isArray(spec.annotations)) {
    state.annotations = spec.annotations
      .filter((a) => a && typeof a.indicator === 'string' && typeof a.period === 'string' && typeof a.text === 'string')
      .map((a) => ({ indicator: a.indicator, period: a.period, text: a.text }));
  }
  if (spec.direction && typeof spec.direction.relative_change_percent === 'number') state.spec.relative_change_percent = String(spec.direction.relative_change_percent);
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

buildTabs();
wireTooltips();
wireAnnotations();
wireLoading();
wireExports();
wireSharing();
const snapshotData = document.querySelector(`script[type="${SNAPSHOT_TYPE}"]`);
const opening = snapshotData ? restoreShared(snapshotData.textContent.trim(), 'snapshot')
  : location.hash.startsWith('#v=') ? restoreShared(location.hash, 'link') : Promise.resolve();
opening.finally(() => { document.documentElement.dataset.ready = 'true'; });
