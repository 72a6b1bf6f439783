// The open view on the page: drawn from the worker's view model with its table, the chart's tooltips by
// mouse and keyboard, and what clicking a mark or a KPI row opens.
import { marks_of_view } from '../../pkg/indicator_lens.js';
import { channel } from './channel.js';
import { drawView } from './chart.js';
import { buildControls } from './controls.js';
import { $, tableFrom } from './dom.js';
import { currentSpec } from './spec.js';
import { state } from './state.js';
import { setStatus } from './status.js';
import { selectTab } from './tabs.js';
import { VIEWS } from './views.js';

/** Asks the worker for the view model, then draws it here (plotters-canvas needs the document). */
export async function refreshView() {
  try {
    // The view arrives as JSON text: parsed here for the table, handed as it is to the drawing code.
    const json = await channel.call('view', { spec: currentSpec() });
    performance.mark('il:view-model');
    const result = JSON.parse(json);
    state.lastView = result;
    state.lastViewJson = json;
    drawView(json, $('chart'), result);
    state.marks = null;
    state.focusedMark = -1;
    hideTooltip();
    $('chart-caption').textContent = result.caption || '';
    const table = $('view-table');
    table.replaceWith(Object.assign(tableFrom(result.table.header, result.table.rows, result.caption), { id: 'view-table' }));
    wireRowClicks(result);
    // Marks for the page benchmark (bench/page.mjs): load, catalogue, view model, chart and table drawn.
    performance.mark('il:drawn');
  } catch (error) {
    setStatus(`This view could not be drawn: ${error.message}`, true);
  }
}

/** The controls built again for the open view (after a load or a change of selection), then the view drawn. */
export function rebuildView() {
  buildControls();
  return refreshView();
}

/** Opens a view: its tab selected, its controls built, the view drawn. */
export function openView(id) {
  selectTab(id);
  return rebuildView();
}

/** The chart's marks (boxes and tooltip texts), laid out on first use rather than with every drawing. */
function chartMarks() {
  if (!state.marks) {
    const canvas = $('chart');
    state.marks = state.lastViewJson ? marks_of_view(state.lastViewJson, canvas.width, canvas.height) : [];
  }
  return state.marks;
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
export function wireTooltips() {
  const canvas = $('chart');
  canvas.addEventListener('mousemove', (event) => {
    const box = canvas.getBoundingClientRect();
    const x = (event.clientX - box.left) * (canvas.width / box.width);
    const y = (event.clientY - box.top) * (canvas.height / box.height);
    const mark = chartMarks().find((m) => x >= m.x0 && x <= m.x1 && y >= m.y0 && y <= m.y1);
    if (mark) showTooltip(mark); else hideTooltip();
  });
  canvas.addEventListener('mouseleave', hideTooltip);
  canvas.addEventListener('blur', hideTooltip);
  canvas.addEventListener('keydown', (event) => {
    const marks = chartMarks();
    if (!marks.length) return;
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    if (step) {
      event.preventDefault();
      state.focusedMark = (state.focusedMark + step + marks.length) % marks.length;
      showTooltip(marks[state.focusedMark]);
    } else if (event.key === 'Enter' && state.focusedMark >= 0) {
      selectArea(marks[state.focusedMark]);
    } else if (event.key === 'Escape') hideTooltip();
  });
  canvas.addEventListener('click', (event) => {
    const box = canvas.getBoundingClientRect();
    const x = (event.clientX - box.left) * (canvas.width / box.width);
    const y = (event.clientY - box.top) * (canvas.height / box.height);
    const mark = chartMarks().find((m) => x >= m.x0 && x <= m.x1 && y >= m.y0 && y <= m.y1);
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
  if (view.controls.includes('area')) rebuildView();
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
      openView(row.variation ? 'spc' : 'trend');
    };
    tr.addEventListener('click', open);
    tr.addEventListener('keydown', (event) => { if (event.key === 'Enter') open(); });
  });
}
