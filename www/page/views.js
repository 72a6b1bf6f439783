// The views: id, tab label and the controls each reads, from the core's registry (one list for the page,
// the element, the CLI and the README).
import { view_registry } from '../../pkg/indicator_lens.js';
import { wasmModule } from './wasm.js';

/** The registry's list. Where the wasm cannot start (a host page whose CSP lacks 'wasm-unsafe-eval') it
 * is empty, and the element says why when it loads, as the page's worker channel does on start. */
function registry() {
  try {
    wasmModule();
    return view_registry();
  } catch {
    return [];
  }
}

export const VIEWS = registry();

/** The view shown when none is chosen (the core's default too). */
export const DEFAULT_VIEW = 'compare-areas';

/** The registry's view for an id or alias (hyphens or underscores), or undefined. */
export function findView(name) {
  const id = String(name).replace(/_/g, '-');
  return VIEWS.find((v) => v.id === id || (v.aliases || []).includes(id));
}
