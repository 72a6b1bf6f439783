// Builds dist/indicator-lens.html: one self-contained file with the styles, the page's modules and the
// wasm-bindgen glue linked into one script (www/linker.mjs), the worker linked the same way and started
// from a Blob URL, the wasm (base64) and the built-in samples inlined; and dist/indicator-lens.js, the
// embeddable element linked from the same modules.
// Usage: node www/bundle.mjs [--out dist/indicator-lens.html]
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { link as linkModules, LinkError } from './linker.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const read = (path) => readFileSync(join(root, path), 'utf8');
const outArg = process.argv.indexOf('--out');
const out = resolve(root, outArg > 0 ? process.argv[outArg + 1] : 'dist/indicator-lens.html');

/** Sample sets shipped in the page, read at build time from ../shared/samples (and the repo's own
 *  illustrative fixture); the build output is not committed. `view` is the tab each set opens on. */
const SAMPLE_SETS = [
  { name: 'ncmp-counties', view: 'compare-areas', title: 'Fingertips: Reception overweight, Hertfordshire MSOAs (NCMP 2022/23 - 24/25)', files: ['shared:fingertips/ncmp_reception_prev_overweight.csv'] },
  { name: 'ncmp-districts', view: 'compare-areas', title: 'Fingertips: Reception overweight, districts', files: ['shared:fingertips/ncmp_reception_prev_overweight_dist.csv'] },
  { name: 'east-midlands', view: 'overview', title: 'Board paper: East Midlands children and young people profile (wide by area)', files: ['shared:east-midlands-cyp-profile-wide-by-area.csv'] },
  { name: 'warwickshire', view: 'board-summary', title: 'Board paper: Warwickshire outcomes tables (wide by period)', files: ['shared:warwickshire-outcomes-financial-years.csv', 'shared:warwickshire-outcomes-calendar-years.csv', 'shared:warwickshire-outcomes-three-year-periods.csv', 'shared:warwickshire-neet-snapshot.csv'] },
  { name: 'eating-disorder', view: 'spc', title: 'Service dashboard: eating-disorder service, monthly 2018-19 (SPC)', files: ['shared:eating-disorder-service-monthly-2018-19.csv'] },
  { name: 'hcp-kpis', view: 'trend', title: 'Illustrative: 0-19 Healthy Child Programme KPI return with contract-year targets', files: ['repo:tests/fixtures/illustrative-hcp-kpi-return.csv', 'shared:healthy-child-programme-kpi-targets.csv'] },
  { name: 'prevalence', view: 'prevalence', title: 'Future in Mind: CYP mental-health prevalence and access (Derby & Derbyshire)', files: ['shared:cyp-mental-health-prevalence-rates-2017.csv', 'shared:derby-derbyshire-population-by-age-band-2017.csv', 'shared:cyp-mental-health-access-trajectory.csv'] },
];

function samples() {
  return SAMPLE_SETS.map((set) => ({
    ...set,
    files: set.files.map((ref) => {
      const [where, path] = ref.split(':');
      const full = where === 'shared' ? join(root, '..', 'shared', 'samples', path) : join(root, path);
      return { name: path.split('/').pop(), text: readFileSync(full, 'utf8') };
    }),
  }));
}

/** Makes a value safe to place inside an inline <script>: JSON, with `</` and `<!--` broken up. */
function scriptLiteral(value) {
  return JSON.stringify(value).replace(/<\//g, '<\\/').replace(/<!--/g, '<\\!--').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

const wasm = readFileSync(join(root, 'pkg/indicator_lens_bg.wasm'));
const wasmBase64 = wasm.toString('base64');

/** Links one entry's modules; a module the linker refuses stops the build with its file, line and reason. */
function link(entry, options) {
  try {
    return linkModules(entry, options);
  } catch (error) {
    if (!(error instanceof LinkError)) throw error;
    console.error(`bundle: ${entry}: ${error.message}`);
    process.exit(1);
  }
}

/** A module made by the build: one exported constant (the modules import it as `inline:…`). */
const inlineModule = (name, value) => `export const ${name} = ${scriptLiteral(value)};\n`;

// The worker as a classic script: module workers from blob: URLs do not start on file:// pages.
const worker = link('www/worker.js', { root, format: 'classic' });
const page = link('www/app.js', {
  root,
  format: 'module',
  virtual: {
    'inline:wasm': inlineModule('WASM_BASE64', wasmBase64),
    'inline:worker': inlineModule('WORKER_SOURCE', worker.code),
    'inline:samples': inlineModule('SAMPLES', samples()),
  },
});
const script = page.code;
// Data is inlined through scriptLiteral; code that holds these would end or confuse the inline script.
if (/<\/script|<!--/i.test(script)) throw new Error('the page code contains </script or <!-- and cannot be inlined');

const html = read('www/index.html')
  .replace('/*@STYLE@*/', () => read('www/style.css'))
  .replace('/*@SCRIPT@*/', () => script);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, html);

// The embeddable element: one classic script (no inline code needed by the host page), wasm inlined.
const elementScript = link('www/element.js', { root, format: 'classic', virtual: { 'inline:wasm': inlineModule('WASM_BASE64', wasmBase64) } }).code;
const distDir = dirname(out);
writeFileSync(join(distDir, 'indicator-lens.js'), elementScript);
writeFileSync(join(distDir, 'embed.html'), read('www/embed.html'));
writeFileSync(join(distDir, 'embed-sample.csv'), readFileSync(join(root, '..', 'shared', 'samples', 'fingertips', 'ncmp_reception_prev_overweight_dist.csv')));
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`wasm: ${kb(wasm.length)} raw, ${kb(gzipSync(wasm, { level: 9 }).length)} gzipped`);
console.log(`page: ${page.order.length} modules, worker: ${worker.order.length}`);
console.log(`${out}: ${kb(html.length)} raw, ${kb(gzipSync(html, { level: 9 }).length)} gzipped`);
console.log(`${join(distDir, 'indicator-lens.js')}: ${kb(elementScript.length)} raw, ${kb(gzipSync(elementScript, { level: 9 }).length)} gzipped`);
