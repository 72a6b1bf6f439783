// Builds dist/indicator-lens.html: one self-contained file with the styles, the wasm-bindgen glue,
// the page and worker code, the wasm (base64) and the built-in samples inlined.
// Usage: node www/bundle.mjs [--out dist/indicator-lens.html]
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const read = (path) => readFileSync(join(root, path), 'utf8');
const outArg = process.argv.indexOf('--out');
const out = join(root, outArg > 0 ? process.argv[outArg + 1] : 'dist/indicator-lens.html');

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

/** The page's code, in order: its parts, then the start-up that wires them (one block scope). */
const PAGE_PARTS = ['dom', 'channel', 'report', 'loading', 'controls', 'view', 'share'].map((p) => `www/page/${p}.js`).concat('www/app.js');
const glue = read('pkg/indicator_lens.js');
const wasm = readFileSync(join(root, 'pkg/indicator_lens_bg.wasm'));
/** The glue as a classic script: module workers from blob: URLs do not start on file:// pages. */
function classicGlue(moduleGlue) {
  const classic = moduleGlue
    .replace(/^export \{[^}]*\};?$/m, '')
    .replace(/^export (class|function|const|let) /gm, '$1 ')
    .replace(/import\.meta\.url/g, 'self.location.href');
  if (/^\s*(import|export)\b/m.test(classic)) throw new Error('glue has module syntax the worker cannot run');
  return classic;
}
const workerSource = `${classicGlue(glue)}\n{\n${read('www/worker.js')}\n}`;
const script = [
  `const WASM_BASE64 = ${scriptLiteral(wasm.toString('base64'))};`,
  `const WORKER_SOURCE = ${scriptLiteral(workerSource)};`,
  `const SAMPLES = ${scriptLiteral(samples())};`,
  glue,
  `{\n${PAGE_PARTS.map(read).join('\n')}\n}`,
].join('\n');
if (/<\/script/i.test(glue + PAGE_PARTS.map(read).join(''))) throw new Error('code contains </script and cannot be inlined');

const html = read('www/index.html')
  .replace('/*@STYLE@*/', () => read('www/style.css'))
  .replace('/*@SCRIPT@*/', () => script);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, html);

// The embeddable element: one classic script (no inline code needed by the host page), wasm inlined.
const elementScript = `(() => {\n'use strict';\nconst WASM_BASE64 = ${JSON.stringify(wasm.toString('base64'))};\n${classicGlue(glue)}\n${read('www/element.js')}\n})();\n`;
const distDir = dirname(out);
writeFileSync(join(distDir, 'indicator-lens.js'), elementScript);
writeFileSync(join(distDir, 'embed.html'), read('www/embed.html'));
writeFileSync(join(distDir, 'embed-sample.csv'), readFileSync(join(root, '..', 'shared', 'samples', 'fingertips', 'ncmp_reception_prev_overweight_dist.csv')));
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`wasm: ${kb(wasm.length)} raw, ${kb(gzipSync(wasm, { level: 9 }).length)} gzipped`);
console.log(`${out}: ${kb(html.length)} raw, ${kb(gzipSync(html, { level: 9 }).length)} gzipped`);
console.log(`${join(distDir, 'indicator-lens.js')}: ${kb(elementScript.length)} raw, ${kb(gzipSync(elementScript, { level: 9 }).length)} gzipped`);
