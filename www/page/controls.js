// The views and their controls: selections, polarity per indicator, notes on periods, and the view spec.

// The views, their tab labels and the controls each reads come from the Rust registry (one list for the
// page, the element, the CLI and the README).
const VIEWS = view_registry();

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
    level: () => select('level', 'Confidence', [['', 'As each file shows'], ['95', '95% for all'], ['99.8', '99.8% for all']]),
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
    shift_length: () => select('shift_length', 'Shift rule', [['7', '7 points'], ['8', '8 points']]),
    trend_length: () => select('trend_length', 'Trend rule', [['7', '7 points'], ['6', '6 points']]),
    two_in_three: () => select('two_in_three', 'Two in three beyond 2σ', [['on', 'On'], ['off', 'Off']]),
    rebase: () => select('rebase', 'Rebase (new limits) from', [['', 'No rebase'], ...(indicator?.periods || []).slice(1).map((p) => [p, p])]),
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

const VALUE_TYPES = [['Proportion', 'Proportion / percentage'], ['Rate', 'Crude rate'], ['Dsr', 'Directly standardised rate'], ['Ratio', 'Ratio (e.g. standardised)'], ['Mean', 'Mean'], ['Count', 'Count'], ['Unknown', 'Not known']];

/** One row per indicator: what its value type, comparison level and polarity were read as, why, and a select to change each. */
function buildPolarityEditor(cat) {
  const list = $('polarity-list');
  list.replaceChildren();
  cat.indicators.forEach((indicator, index) => {
    const evidence = indicator.evidence || {};
    const name = element('div', indicator.name, 'indicator-name');
    const choose = (kind, label, choices, stateMap, fromFile) => {
      const choice = element('select');
      choice.id = `${kind}-${index}`;
      choice.dataset.indicator = indicator.key;
      choice.dataset.kind = kind;
      choice.append(option('', `As the file shows (${fromFile})`));
      for (const [value, text] of choices) choice.append(option(value, text));
      choice.value = stateMap[indicator.key] || '';
      choice.addEventListener('change', () => {
        if (choice.value) stateMap[indicator.key] = choice.value; else delete stateMap[indicator.key];
        refreshView();
      });
      return labelled(label, choice);
    };
    const fileType = evidence.value_type?.source === 'user' ? 'the rule below' : evidence.value_type?.choice || 'not known';
    list.append(
      name,
      choose('value-type', 'Value type', VALUE_TYPES, state.valueTypes, fileType),
      choose('level', 'Comparison level', [['95', '95%'], ['99.8', '99.8%']], state.levels, evidence.level?.choice || '95%'),
      choose('polarity', 'Polarity', [['high', 'High is good'], ['low', 'Low is good'], ['none', 'No judgement']], state.polarity, evidence.polarity?.choice || 'not known'),
    );
    const rules = [['Value type', evidence.value_type], ['Level', evidence.level], ['Polarity', evidence.polarity]]
      .filter(([, d]) => d)
      .map(([what, d]) => `${what}: ${d.choice}, from ${d.source === 'user' ? 'your choice' : sourceWords(d.source)}: ${d.rule}.`);
    list.append(element('p', rules.join(' '), 'rule'));
    for (const conflict of evidence.conflicts || []) list.append(element('p', `Conflicting evidence: ${conflict}.`, 'conflict'));
  });
}

function sourceWords(source) {
  return { file: 'the file', data: "the rows' numbers", labels: 'the published labels', name: "the indicator's name", default: 'the default' }[source] || source;
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
    level: number(s.level),
    sort: text(s.sort),
    comparator_period: text(s.comparator_period),
    improvement: text(s.improvement),
    target: number(s.target),
    target_share: share === undefined ? undefined : share / 100,
    estimated_need: number(s.estimated_need),
    bands: s.bands ? s.bands.split(',').map((b) => b.trim()).filter(Boolean) : undefined,
    overdispersion: text(s.overdispersion),
  };
  if (s.shift_length || s.trend_length || s.two_in_three) {
    spec.spc_rules = { shift_length: Number(s.shift_length || 7), trend_length: Number(s.trend_length || 7), two_in_three: s.two_in_three !== 'off' };
  }
  if (s.rebase) spec.rebase = [s.rebase];
  if (state.view === 'scatter' && s.indicator && s.indicator_y) spec.indicators = [s.indicator, s.indicator_y];
  if (state.annotations.length) spec.annotations = state.annotations.map((a) => ({ ...a }));
  if (Object.keys(state.polarity).length) spec.polarity = { ...state.polarity };
  if (Object.keys(state.levels).length) spec.levels = Object.fromEntries(Object.entries(state.levels).map(([k, v]) => [k, Number(v)]));
  if (Object.keys(state.valueTypes).length) spec.value_types = { ...state.valueTypes };
  if (number(s.relative_change_percent) !== undefined) spec.direction = { relative_change_percent: number(s.relative_change_percent) };
  // Only what this view's controls set: a selection made in another view must not filter this one.
  const controls = VIEWS.find((v) => v.id === state.view)?.controls || [];
  const own = { target_share: 'target_share', relative_change_percent: 'direction', indicator_y: 'indicators', shift_length: 'spc_rules', trend_length: 'spc_rules', two_in_three: 'spc_rules' };
  const used = new Set(['view', 'polarity', 'levels', 'value_types', 'annotations', ...controls.map((c) => own[c] || c)]);
  if (controls.includes('indicator_y')) used.add('indicators');
  for (const key of Object.keys(spec)) if (spec[key] === undefined || !used.has(key)) delete spec[key];
  return spec;
}

/** Turns a core view spec (from a link) back into the page's control values. */
function restoreControls(spec) {
  const controls = ['indicator', 'period', 'area', 'area_type', 'level', 'sort', 'comparator_period', 'improvement', 'target', 'estimated_need'];
  for (const key of controls) if (spec[key] !== null && spec[key] !== undefined && typeof spec[key] !== 'object') state.spec[key] = String(spec[key]);
  if (typeof spec.comparator === 'string') state.spec.comparator = spec.comparator;
  if (typeof spec.target_share === 'number') state.spec.target_share = String(spec.target_share * 100);
  if (Array.isArray(spec.bands) && spec.bands.length) state.spec.bands = spec.bands.join(', ');
  if (spec.spc_rules && typeof spec.spc_rules === 'object') {
    state.spec.shift_length = String(spec.spc_rules.shift_length);
    state.spec.trend_length = String(spec.spc_rules.trend_length);
    state.spec.two_in_three = spec.spc_rules.two_in_three === false ? 'off' : 'on';
  }
  if (Array.isArray(spec.rebase) && typeof spec.rebase[0] === 'string') state.spec.rebase = spec.rebase[0];
  if (spec.polarity && typeof spec.polarity === 'object') {
    state.polarity = {};
    for (const [key, value] of Object.entries(spec.polarity)) if (['high', 'low', 'none'].includes(value)) state.polarity[key] = value;
  }
  if (spec.levels && typeof spec.levels === 'object') {
    state.levels = {};
    for (const [key, value] of Object.entries(spec.levels)) if ([95, 99.8].includes(Number(value))) state.levels[key] = String(Number(value));
  }
  if (spec.value_types && typeof spec.value_types === 'object') {
    state.valueTypes = {};
    for (const [key, value] of Object.entries(spec.value_types)) if (VALUE_TYPES.some(([v]) => v === value)) state.valueTypes[key] = value;
  }
  if (Array.isArray(spec.annotations)) {
    state.annotations = spec.annotations
      .filter((a) => a && typeof a.indicator === 'string' && typeof a.period === 'string' && typeof a.text === 'string')
      .map((a) => ({ indicator: a.indicator, period: a.period, text: a.text }));
  }
  if (spec.direction && typeof spec.direction.relative_change_percent === 'number') state.spec.relative_change_percent = String(spec.direction.relative_change_percent);
}
