// The page's state: the open view, what is loaded, the control values and settings, the last view drawn.
import { DEFAULT_VIEW } from './views.js';

/** One object, changed in place by the modules that own each part (never replaced, so every importer sees
 * the same). `spec` holds the controls' text values; `polarity`, `levels` and `valueTypes` the settings
 * chosen per indicator; `lastView`, `lastViewJson`, `marks` and `focusedMark` the chart on screen. */
export const state = { view: DEFAULT_VIEW, catalogue: null, spec: {}, polarity: {}, levels: {}, valueTypes: {}, annotations: [], marks: [] };
