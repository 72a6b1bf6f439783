// The controls of the open view: its selections, the settings per indicator (value type, level, polarity)
// and the notes on periods, each written into the page's state; any change draws the view again.
import { $, element, option, labelled } from './dom.js';
import { state } from './state.js';
import { VALUE_TYPES } from './spec.js';
// The views, their tab labels and the controls each reads come from the Rust registry (one list for the
// page, the element, the CLI and the README).
import { VIEWS } from './views.js';

/** What any change of a control, setting or note ends in: the view drawn again (given at start-up). */
let redraw = () => {};

/** Builds the controls the current view uses from the catalogue. */
export function buildControls() {
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
    remove.addEventListener('click', () => { state.annotations.splice(index, 1); buildAnnotations(cat); redraw(); });
    item.append(remove);
    list.append(item);
  });
}

/** Wires the notes panel; `actions.redraw()` draws the view again after any change made here. */
export function wireControls(actions) {
  redraw = actions.redraw;
  $('note-add').addEventListener('click', () => {
    const text = $('note-text').value.trim();
    if (!text || !state.spec.indicator || !$('note-period').value) return;
    state.annotations.push({ indicator: state.spec.indicator, period: $('note-period').value, text });
    $('note-text').value = '';
    buildAnnotations(state.catalogue);
    redraw();
  });
}

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
        redraw();
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
  redraw();
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
