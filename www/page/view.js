// Drawing a view: chart on the canvas from the worker's view model, its table, tooltips, tabs and exports.

/** Asks the worker for the view model, then draws it here (plotters-canvas needs the document). */
async function refreshView() {
  try {
    // The view arrives as JSON text: parsed here for the table, handed as it is to the drawing code.
    const json = await channel.call('view', { spec: currentSpec() });
    performance.mark('il:view-model');
    const result = JSON.parse(json);
    state.lastView = result;
    state.lastViewJson = json;
    const canvas = $('chart');
    canvas.width = result.width;
    canvas.height = result.height;
    draw_view(json, canvas);
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

/** Draws the worker's warm-up view once on a detached canvas, in idle time, so the first real
 * chart finds the drawing code compiled (the worker has already compiled the analysis). */
function warmDrawing(json) {
  const draw = () => {
    let drawn = false;
    try {
      const view = JSON.parse(json);
      const canvas = document.createElement('canvas');
      canvas.width = view.width;
      canvas.height = view.height;
      draw_view(json, canvas);
      drawn = marks_of_view(json, canvas.width, canvas.height).length > 0;
    } catch { /* only a warm-up: a real drawing reports its own errors */ }
    // Tests and the page benchmark can tell when the code is compiled (and whether the warm view drew).
    document.documentElement.dataset.warm = drawn ? 'true' : 'failed';
    performance.mark('il:warm');
  };
  if (window.requestIdleCallback) requestIdleCallback(draw, { timeout: 2000 }); else setTimeout(draw, 0);
}

function selectTab(id) {
  state.view = id;
  for (const t of $('view-tabs').children) t.setAttribute('aria-selected', String(t.id === `tab-${id}`));
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
function wireTooltips() {
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

function wireExports() {
  $('export-csv').addEventListener('click', async () => {
    const text = await channel.call('csv', { spec: currentSpec(), suppressBelow: $('suppress-small').checked ? 5 : 0 });
    download(exportName('csv'), new Blob([text], { type: 'text/csv' }));
  });
  $('export-png').addEventListener('click', async () => {
    // For print: the same chart as SVG, rasterised at twice the screen size so text stays crisp.
    const canvas = $('chart');
    const svg = svg_of_view(state.lastViewJson, canvas.width, canvas.height);
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
    const svg = svg_of_view(state.lastViewJson, canvas.width, canvas.height);
    download(exportName('svg'), new Blob([svg], { type: 'image/svg+xml' }));
  });
}
