// The page goals in headless Chromium: time from picking the generated 10k-row file to the first
// chart and its table drawn (the page's own `il:drawn` mark), and the page's input delay (real mouse
// clicks every 100 ms) throughout a 1M-row
// load. Usage: node bench/page.mjs (after `make dist` and the bench data; writes target/bench/page.json)
import { writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const url = pathToFileURL(join(root, 'dist', 'indicator-lens.html')).href;
const data = (rows) => join(root, 'target', 'bench-data', `fingertips-${rows}.csv`);

async function open() {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await page.goto(url);
  await page.waitForSelector('html[data-ready="true"]');
  // Input delay of every click: from the event's timestamp to its handler.
  await page.evaluate(() => {
    window.clickDelays = [];
    document.addEventListener('click', (e) => window.clickDelays.push(performance.now() - e.timeStamp), true);
    document.getElementById('file-input').addEventListener('change', () => { window.pickedAt = performance.now(); }, true);
  });
  return { browser, page };
}

async function firstChart() {
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const { browser, page } = await open();
    // A user picks a file seconds after the page opens: by then the warm-up (worker and drawing) is done.
    await page.waitForSelector('html[data-warm="true"]', { timeout: 30_000 });
    const warmMs = await page.evaluate(() => Math.round(performance.getEntriesByName('il:warm')[0].startTime));
    console.log(`  warm-up done ${warmMs} ms after the page started`);
    await new Promise((r) => setTimeout(r, 300));
    await page.setInputFiles('#file-input', data(10000));
    await page.waitForFunction(() => performance.getEntriesByName('il:drawn').length > 0, null, { timeout: 60_000 });
    // The page marks the moment chart and table are drawn (www/page/view.js), and the steps before it.
    const run = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark')
      .filter((m) => m.name.startsWith('il:')).map((m) => [m.name.slice(3), Math.round(m.startTime - window.pickedAt)])));
    console.log(`  10k run ${i + 1}: ${JSON.stringify(run)}`);
    runs.push(run.drawn);
    await browser.close();
  }
  return runs;
}

async function responsiveness() {
  const { browser, page } = await open();
  await page.waitForSelector('html[data-warm="true"]', { timeout: 30_000 });
  const started = Date.now();
  await page.setInputFiles('#file-input', data(1000000));
  let loading = true;
  const done = page.waitForFunction(() => document.querySelectorAll('#view-table tbody tr').length > 0, null, { timeout: 600_000 })
    .finally(() => { loading = false; });
  let clicks = 0;
  while (loading) {
    await page.mouse.click(5, 5);
    clicks++;
    await new Promise((r) => setTimeout(r, 100));
  }
  await done;
  const loadMs = Date.now() - started;
  const delays = await page.evaluate(() => window.clickDelays);
  await browser.close();
  return { load_ms: loadMs, clicks, max_click_delay_ms: Math.max(...delays), median_click_delay_ms: delays.sort((a, b) => a - b)[delays.length >> 1] };
}

const first = await firstChart();
console.log(`10k rows, pick to first chart: ${first.map((x) => x.toFixed(0)).join(', ')} ms`);
const during = await responsiveness();
console.log(`1M rows in the page: ${during.load_ms} ms to the first chart; ${during.clicks} clicks, input delay max ${during.max_click_delay_ms.toFixed(1)} ms, median ${during.median_click_delay_ms.toFixed(1)} ms`);
mkdirSync(join(root, 'target', 'bench'), { recursive: true });
writeFileSync(join(root, 'target', 'bench', 'page.json'), JSON.stringify({ first_chart_10k_ms: first, load_1m: during }, null, 2));
