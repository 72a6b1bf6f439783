// The view spec: the page's control values and settings turned into the spec the core reads, and back.
import { state } from './state.js';
import { controls_from_spec, spec_from_controls } from '../../pkg/indicator_lens.js';

/** The value types a user may choose for an indicator, with their labels. */
export const VALUE_TYPES = [['Proportion', 'Proportion / percentage'], ['Rate', 'Crude rate'], ['Dsr', 'Directly standardised rate'], ['Ratio', 'Ratio (e.g. standardised)'], ['Mean', 'Mean'], ['Count', 'Count'], ['Unknown', 'Not known']];

/** The view spec for the core from the page's state (or the element's attributes, in the same shape). The core
 * builds and checks it (`spec_from_controls`): it reads only the controls the view has, turns their text into
 * the types it needs, and throws an error naming a control whose value it cannot read. */
export function currentSpec(settings = state) {
  const values = {};
  for (const [name, value] of Object.entries(settings.spec)) if (value !== undefined && value !== null) values[name] = String(value);
  const choices = {
    polarity: { ...settings.polarity },
    levels: Object.fromEntries(Object.entries(settings.levels).map(([k, v]) => [k, Number(v)])),
    value_types: { ...settings.valueTypes },
    annotations: settings.annotations.map((a) => ({ ...a })),
  };
  return spec_from_controls(settings.view, values, choices);
}

/** Turns a core view spec (from a link or snapshot, read strictly by the core) back into the page's control values
 * and settings per indicator. */
export function restoreControls(spec) {
  Object.assign(state.spec, controls_from_spec(spec));
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
}
