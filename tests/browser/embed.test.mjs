// The <indicator-lens> element on a host page with a strict CSP (no inline scripts, no eval):
// one element from src, one from inline CSV; host CSS does not reach in; no foreign requests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join, extname } from 'node:path';
import { chromium } from 'playwright-core';
import { root, CHROMIUM_ARGS, drawnPixels } from './harness.mjs';

const HOST_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<title>host</title>
<script src="indicator-lens.js"></script>
<link rel="stylesheet" href="host.css">
</head><body>
<h1>Host page</h1>
<table id="host-table"><tr><th>host</th></tr></table>
<indicator-lens id="from-file" src="embed-sample.csv" view="compare-areas"></indicator-lens>
<indicator-lens id="inline" view="trend" area="E06000015">
<script type="text/csv" data-name="kpi.csv">
Indicator,Area Code,Area Name,Time period,Value,Target,Polarity
"Waiting within 4 weeks, %",E06000015,Derby,Apr 2023,50.6,50.0,High is good
"Waiting within 4 weeks, %",E06000015,Derby,May 2023,52.1,50.0,High is good
"Waiting within 4 weeks, %",E06000015,Derby,Jun 2023,49.8,50.0,High is good
</script>
</indicator-lens>
</body></html>`;

const HOST_CSS = 'canvas { width: 10px !important; height: 10px !important; } table { display: none !important; } th { background: rgb(255, 0, 0); }';
// Strict for scripts (no inline script, no eval). Inline *styles* are allowed: plotters measures chart
// text with a styled <span>; under style-src 'self' alone the chart still draws (tested below), with
// text sizes estimated from the default font and a console warning per label.
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:";

function serve() {
  const types = { '.js': 'text/javascript', '.csv': 'text/csv', '.html': 'text/html', '.css': 'text/css' };
  const server = createServer((request, response) => {
    const path = new URL(request.url, 'http://x').pathname;
    const headers = { 'Content-Security-Policy': CSP };
    if (path === '/host.html') { response.writeHead(200, { ...headers, 'Content-Type': 'text/html' }); response.end(HOST_PAGE); return; }
    if (path === '/host.css') { response.writeHead(200, { 'Content-Type': 'text/css' }); response.end(HOST_CSS); return; }
    try {
      const body = readFileSync(join(root, 'dist', path.replace(/^\/+/, '')));
      response.writeHead(200, { ...headers, 'Content-Type': types[extname(path)] || 'application/octet-stream' });
      response.end(body);
    } catch { response.writeHead(404); response.end(); }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function withPage(path, check) {
  const server = await serve();
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const errors = []; const foreign = []; const cspViolations = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') (/Content Security Policy/.test(m.text()) ? cspViolations : errors).push(m.text()); });
    page.on('request', (r) => { if (!r.url().startsWith(origin)) foreign.push(r.url()); });
    await page.goto(`${origin}${path}`);
    await check(page, { errors, foreign, cspViolations });
  } finally { await browser.close(); server.close(); }
}

const shadowTableRows = (page, id) => page.$eval(`#${id}`, (el) => el.shadowRoot.querySelectorAll('tbody tr').length);

test('two elements render under a strict CSP; host CSS neither gets in nor is changed', async () => {
  await withPage('/host.html', async (page, { errors, foreign, cspViolations }) => {
    await page.waitForFunction(() => ['from-file', 'inline'].every((id) => document.getElementById(id).shadowRoot?.querySelectorAll('tbody tr').length > 0));
    assert.ok(await shadowTableRows(page, 'from-file') >= 10, 'one row per district');
    const derbyRows = await page.$eval('#inline', (el) => [...el.shadowRoot.querySelectorAll('tbody tr')].filter((r) => r.cells[0].textContent === 'Derby').length);
    assert.equal(derbyRows, 3, 'three months of the inline KPI');
    for (const id of ['from-file', 'inline']) {
      const canvasWidth = await page.$eval(`#${id}`, (el) => el.shadowRoot.querySelector('canvas').getBoundingClientRect().width);
      assert.ok(canvasWidth > 200, `${id}: host canvas rule does not reach the shadow canvas (${canvasWidth})`);
      const display = await page.$eval(`#${id}`, (el) => getComputedStyle(el.shadowRoot.querySelector('table')).display);
      assert.notEqual(display, 'none');
      const pixels = await page.$eval(`#${id}`, (el) => {
        const c = el.shadowRoot.querySelector('canvas');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0; for (let i = 0; i < d.length; i += 4) if (d[i] < 250 || d[i + 1] < 250 || d[i + 2] < 250) n++;
        return n;
      });
      assert.ok(pixels > 2000, `${id}: chart drawn`);
    }
    const hostTh = await page.$eval('#host-table th', (th) => getComputedStyle(th).backgroundColor);
    assert.equal(hostTh, 'rgb(255, 0, 0)', 'our styles do not leak into the host');
    assert.deepEqual(foreign, []);
    assert.deepEqual(cspViolations, []);
    assert.deepEqual(errors, []);
    await page.screenshot({ path: join(root, 'tests', 'browser', 'screenshots', 'embed-host.png'), fullPage: true });
  });
});

test('the shipped embed.html example (its own CSP forbids inline styles too) still draws both charts', async () => {
  await withPage('/embed.html', async (page, { errors }) => {
    await page.waitForFunction(() => ['from-file', 'inline'].every((id) => document.getElementById(id).shadowRoot?.querySelectorAll('tbody tr').length > 0));
    assert.deepEqual(errors, []);
    await page.screenshot({ path: join(root, 'tests', 'browser', 'screenshots', 'embed-example.png'), fullPage: true });
  });
});
