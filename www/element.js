// <indicator-lens>: the embeddable element. One script, wasm inlined; data from `src` (same origin) or an
// inline <script type="text/csv"> child; drawn in Shadow DOM so host styles and ours never mix.
// Runs on the main thread (no worker), so it needs only 'wasm-unsafe-eval' under a strict CSP.
// A thin forwarder: its attributes are the page's controls, read into the view spec, drawn and tabled by
// the same modules as the page's (www/page/), on a Session of its own.
import { Session } from '../pkg/indicator_lens.js';
import { drawView } from './page/chart.js';
import { tableFrom } from './page/dom.js';
import { currentSpec } from './page/spec.js';
import { DEFAULT_VIEW, VIEWS, findView } from './page/views.js';
import { wasmModule } from './page/wasm.js';

const ELEMENT_CSS = `
:host { display: block; font-family: system-ui, "Segoe UI", Arial, sans-serif; color: #1b1b1b; }
.frame { border: 1px solid #d0d0d0; background: #fff; padding: 0.5rem; }
canvas { max-width: 100%; height: auto; display: block; }
.caption { font-size: 0.9rem; margin: 0.4rem 0; }
.status { font-size: 0.85rem; color: #555; }
.status.error { color: #b00020; font-weight: 600; }
table { border-collapse: collapse; font-size: 0.8rem; }
th, td { border: 1px solid #d0d0d0; padding: 0.15rem 0.4rem; text-align: left; }
th { background: #eef1f5; }
details { margin-top: 0.4rem; }
`;

/** Every control of any view, each an attribute: `area_type` is `area-type`. */
const CONTROLS = [...new Set(VIEWS.flatMap((v) => v.controls))];
const attributeOf = (control) => control.replace(/_/g, '-');
const SPEC_ATTRIBUTES = ['view', ...CONTROLS.map(attributeOf)];

class IndicatorLensElement extends HTMLElement {
  static get observedAttributes() { return ['src', ...SPEC_ATTRIBUTES]; }

  constructor() {
    super();
    const shadow = this.attachShadow({ mode: 'open' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(ELEMENT_CSS);
    shadow.adoptedStyleSheets = [sheet];
    this.frame = document.createElement('div');
    this.frame.className = 'frame';
    this.canvas = document.createElement('canvas');
    this.canvas.setAttribute('role', 'img');
    this.caption = document.createElement('p');
    this.caption.className = 'caption';
    this.status = document.createElement('p');
    this.status.className = 'status';
    this.status.setAttribute('role', 'status');
    this.details = document.createElement('details');
    const summary = document.createElement('summary');
    summary.textContent = 'Table';
    this.table = document.createElement('table');
    this.details.append(summary, this.table);
    this.frame.append(this.canvas, this.caption, this.details, this.status);
    shadow.append(this.frame);
    this.session = null;
  }

  connectedCallback() {
    // Defined from <head>, the element connects before its inline data is parsed: wait for it.
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => this.load(), { once: true });
    else this.load();
  }

  attributeChangedCallback(name) {
    if (!this.isConnected) return;
    if (name === 'src') this.load(); else this.render();
  }

  say(text, isError = false) {
    this.status.textContent = text;
    this.status.classList.toggle('error', isError);
  }

  /** Reads the data (src or inline CSV), then draws. */
  async load() {
    const token = (this.loadToken = (this.loadToken || 0) + 1);
    try {
      wasmModule();
      const files = [];
      const src = this.getAttribute('src');
      if (src) {
        const response = await fetch(src, { credentials: 'same-origin' });
        if (!response.ok) throw new Error(`could not read ${src} (HTTP ${response.status})`);
        files.push({ name: src.split('/').pop() || 'data.csv', bytes: new Uint8Array(await response.arrayBuffer()) });
      }
      for (const script of this.querySelectorAll('script[type="text/csv"]')) {
        files.push({ name: script.dataset.name || 'inline.csv', bytes: new TextEncoder().encode(script.textContent.replace(/^\s*\n/, '')) });
      }
      if (token !== this.loadToken) return;
      if (!files.length) { this.say('No data: give the element a src="file.csv" or an inline <script type="text/csv">.', true); return; }
      this.session?.free();
      this.session = new Session();
      const problems = [];
      for (const file of files) {
        const report = this.session.load(file.name, file.bytes, undefined);
        if (report.error) problems.push(`${report.file}: ${report.error}`);
        else if (report.rejected.length) problems.push(`${report.file}: ${report.rejected.length} rows rejected`);
      }
      this.say(problems.join('; '), problems.length > 0);
      this.render();
    } catch (error) {
      this.say(`indicator-lens: ${error.message}`, true);
    }
  }

  /** The view spec of the attributes, as the page makes it from its controls. */
  spec() {
    const name = this.getAttribute('view');
    const view = name ? findView(name)?.id ?? name : DEFAULT_VIEW;
    const values = {};
    for (const control of CONTROLS) {
      const value = this.getAttribute(attributeOf(control));
      if (value !== null && value !== '') values[control] = value;
    }
    return currentSpec({ view, spec: values, polarity: {}, levels: {}, valueTypes: {}, annotations: [] });
  }

  render() {
    if (!this.session) return;
    try {
      const result = drawView(this.session.view(this.spec()), this.canvas);
      this.caption.textContent = result.caption;
      this.canvas.setAttribute('aria-label', result.caption);
      this.table.replaceChildren(...tableFrom(result.table.header, result.table.rows).children);
    } catch (error) {
      this.say(`indicator-lens: ${error.message}`, true);
    }
  }
}

if (!customElements.get('indicator-lens')) customElements.define('indicator-lens', IndicatorLensElement);
