// indicator-lens page, start-up: the page's state, then the wiring of the parts in www/page/ (which the
// bundler places before this file in one script), then any shared link or snapshot is opened. Data only
// ever reaches the DOM through textContent and DOM nodes, never as HTML.
/* global WASM_BASE64, WORKER_SOURCE, SAMPLES, initSync, draw_view, svg_of_view, encode_share, decode_share, share_link_limit, detection_choices, marks_of_view, view_registry */

/** The page exactly as loaded, before any change: the template of a one-file snapshot. */
const PAGE_SOURCE = `<!doctype html>\n${document.documentElement.outerHTML}`;

const SNAPSHOT_TYPE = 'application/x-indicator-lens-snapshot';

/** Files the user loaded, kept so a crash or a corrected option can re-run the whole load. */
const loadedFiles = [];

const state = { view: 'compare-areas', catalogue: null, spec: {}, polarity: {}, levels: {}, valueTypes: {}, annotations: [], marks: [] };

buildTabs();
wireTooltips();
wireAnnotations();
wireLoading();
wireExports();
wireSharing();

const snapshotData = document.querySelector(`script[type="${SNAPSHOT_TYPE}"]`);

const opening = snapshotData ? restoreShared(snapshotData.textContent.trim(), 'snapshot')
  : location.hash.startsWith('#v=') ? restoreShared(location.hash, 'link') : Promise.resolve();
opening.finally(() => { document.documentElement.dataset.ready = 'true'; });
