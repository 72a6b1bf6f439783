// The controls of the open view: its selections, the settings per indicator (value type, level, polarity)
// and the notes on periods, each written into the page's state; any change draws the view again.
import { $, element, option, labelled } from './dom.js';
import { state } from './state.js';
import { VALUE_TYPES } from './spec.js';
// The views, their tab labels and the controls each reads come from the Rust registry (one list for the
// page, the element, the CLI and the README).
import { VIEWS } from './views.js';
import { control_infos } from '../../pkg/indicator_lens.js';
import { wasmModule } from './wasm.js';

/** Every control of every view as the core describes it (empty where the wasm cannot start, as VIEWS is). */
const CONTROLS = (() => {
  try {
    wasmModule();
    return control_infos();
  } catch {
    return {};
  }
})();

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
  // What each control is (label, kind, fixed choices, where the rest come from) is the core's (`control_infos`).
  const loaded = {
    fixed: [],
    indicators: cat.indicators.map((i) => [i.key, i.name]),
    other_indicators: cat.indicators.filter((i) => i.key !== spec.indicator).map((i) => [i.key, i.name]),
    periods: (indicator?.periods || []).map((p) => [p, p]).reverse(),
    later_periods: (indicator?.periods || []).slice(1).map((p) => [p, p]),
    area_types: cat.area_types.filter((t) => t !== 'England').map((t) => [t, t]),
    areas: cat.areas.filter((a) => a.kind !== 'England').map((a) => [a.key, a.name]),
  };
  const make = (name) => {
    const info = CONTROLS[name];
    if (info.kind === 'select') return select(name, info.label, [...info.choices, ...(loaded[info.source] || [])]);
    if (info.kind === 'number') return numberInput(name, info.label, name === 'relative_change_percent' ? '5' : '');
    return textInput(name, info.label, '');
  };
  for (const name of view.controls) form.append(make(name));
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
