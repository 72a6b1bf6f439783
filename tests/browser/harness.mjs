// Shared Playwright harness: Debian's headless Chromium, the built one-file page, request counting.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const shared = join(root, '..', 'shared');
export const pageUrl = pathToFileURL(join(root, 'dist', 'indicator-lens.html')).href;
export const screenshotDir = join(root, 'tests', 'browser', 'screenshots');

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
  '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Launches Chromium and opens the page; records every request that is not the page itself. */
export async function openPage(url = pageUrl) {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  const foreignRequests = [];
  const errors = [];
  page.on('request', (request) => {
    const u = request.url();
    if (u !== url && !u.startsWith('blob:') && !u.startsWith('data:')) foreignRequests.push(u);
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  await page.goto(url);
  await page.waitForSelector('html[data-ready="true"]');
  return { browser, page, foreignRequests, errors };
}

/** Reads a sample file of ../shared/samples. */
export function sample(path) {
  return readFileSync(join(shared, 'samples', path));
}

/** Counts CSV records (quoted fields may hold newlines); returns data rows after the header. */
export function csvDataRows(text) {
  let records = 0; let inQuotes = false; let fieldStarted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (c === '\n' && !inQuotes) { if (fieldStarted) records++; fieldStarted = false; continue; }
    if (c !== '\r') fieldStarted = true;
  }
  if (fieldStarted) records++;
  return records - 1;
}

/** Drops files on the drop zone with a synthetic drag-and-drop event. */
export async function dropFiles(page, files) {
  const payload = files.map((f) => ({ name: f.name, base64: Buffer.from(f.bytes).toString('base64') }));
  await page.evaluate((items) => {
    const transfer = new DataTransfer();
    for (const item of items) {
      const bytes = Uint8Array.from(atob(item.base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], item.name, { type: 'text/csv' }));
    }
    const zone = document.getElementById('drop-zone');
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, payload);
}

/** Reads the load report table of one file from the page. */
export async function reportFor(page, file) {
  const selector = `.file-report[data-file="${file}"] .report-summary tbody tr`;
  await page.waitForSelector(selector);
  const cells = await page.$$eval(`${selector} td`, (tds) => tds.map((td) => td.textContent));
  const [name, format, encoding, delimiter, rowsRead, observations, rejected, warnings] = cells;
  return { name, format, encoding, delimiter, rowsRead: Number(rowsRead), observations: Number(observations), rejected: Number(rejected), warnings: Number(warnings) };
}

/** Number of non-white pixels on a canvas (proof that something was drawn). */
export async function drawnPixels(page, selector = '#chart') {
  return page.$eval(selector, (canvas) => {
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let count = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && (data[i] < 250 || data[i + 1] < 250 || data[i + 2] < 250)) count++;
    return count;
  });
}
