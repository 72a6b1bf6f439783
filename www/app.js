// indicator-lens page, start-up: the page's source kept for snapshots, the parts in www/page/ wired (each
// is given here what it calls back into), then any shared link or snapshot is opened. Data only ever
// reaches the DOM through textContent and DOM nodes, never as HTML.
import { wireControls } from './page/controls.js';
import { wireExports } from './page/exports.js';
import { wireLoading } from './page/loading.js';
import { openShared, wireSharing } from './page/share.js';
import { buildTabs } from './page/tabs.js';
import { openView, refreshView, wireTooltips } from './page/view.js';

/** The page exactly as loaded, before any change: the template of a one-file snapshot. */
const PAGE_SOURCE = `<!doctype html>\n${document.documentElement.outerHTML}`;

buildTabs(openView);
wireTooltips();
wireControls({ redraw: refreshView });
wireLoading();
wireExports();
wireSharing(PAGE_SOURCE);

openShared().finally(() => { document.documentElement.dataset.ready = 'true'; });
