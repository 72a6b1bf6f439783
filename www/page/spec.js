// The view spec: the page's control values and settings turned into the spec the core reads, and back.
import { state } from './state.js';
import { VIEWS } from './views.js';

/** The value types a user may choose for an indicator, with their labels. */
export const VALUE_TYPES = [['Proportion', 'Proportion / percentage'], ['Rate', 'Crude rate'], ['Dsr', 'Directly standardised rate'], ['Ratio', 'Ratio (e.g. standardised)'], ['Mean', 'Mean'], ['Count', 'Count'], ['Unknown', 'Not known']];

/** The view spec for the core from the page's state (or the element's attributes, in the same shape): text
 * controls become the types the core reads; blanks are left out. */
export function currentSpec(settings = state) {
  const s = settings.spec;
  const number = (value) => (value === '' || value === undefined || value === null ? undefined : Number(value));
  const text = (value) => (value === '' || value === undefined ? undefined : value);
  const share = number(s.target_share);
  const spec = {
    view: settings.view.replace(/-/g, '_'),
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
  if (settings.view === 'scatter' && s.indicator && s.indicator_y) spec.indicators = [s.indicator, s.indicator_y];
  if (settings.annotations.length) spec.annotations = settings.annotations.map((a) => ({ ...a }));
  if (Object.keys(settings.polarity).length) spec.polarity = { ...settings.polarity };
  if (Object.keys(settings.levels).length) spec.levels = Object.fromEntries(Object.entries(settings.levels).map(([k, v]) => [k, Number(v)]));
  if (Object.keys(settings.valueTypes).length) spec.value_types = { ...settings.valueTypes };
  if (number(s.relative_change_percent) !== undefined) spec.direction = { relative_change_percent: number(s.relative_change_percent) };
  // Only what this view's controls set: a selection made in another view must not filter this one.
  const controls = VIEWS.find((v) => v.id === settings.view)?.controls || [];
  const own = { target_share: 'target_share', relative_change_percent: 'direction', indicator_y: 'indicators', shift_length: 'spc_rules', trend_length: 'spc_rules', two_in_three: 'spc_rules' };
  const used = new Set(['view', 'polarity', 'levels', 'value_types', 'annotations', ...controls.map((c) => own[c] || c)]);
  if (controls.includes('indicator_y')) used.add('indicators');
  for (const key of Object.keys(spec)) if (spec[key] === undefined || !used.has(key)) delete spec[key];
  return spec;
}

/** Turns a core view spec (from a link) back into the page's control values. */
export function restoreControls(spec) {
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
