// The view tabs: one per view of the registry, and which is selected.
import { $, element } from './dom.js';
import { state } from './state.js';
import { VIEWS } from './views.js';

/** Marks a view as the open one (the caller draws it). */
export function selectTab(id) {
  state.view = id;
  for (const t of $('view-tabs').children) t.setAttribute('aria-selected', String(t.id === `tab-${id}`));
}

/** One tab per view; choosing one calls `open(id)`. */
export function buildTabs(open) {
  const tabs = $('view-tabs');
  for (const view of VIEWS) {
    const tab = element('button', view.label);
    tab.type = 'button';
    tab.setAttribute('role', 'tab');
    tab.id = `tab-${view.id}`;
    tab.setAttribute('aria-selected', String(view.id === state.view));
    tab.addEventListener('click', () => open(view.id));
    tabs.append(tab);
  }
}
