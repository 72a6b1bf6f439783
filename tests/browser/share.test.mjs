// Sharing and exports in real headless Chromium: link round trip, one-file snapshot offline,
// hostile links and names, and CSV / PNG / SVG exports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openPage, pageUrl, sample, dropFiles, screenshotDir } from './harness.mjs';

const DIST = 'fingertips/ncmp_reception_prev_overweight_dist.csv';

async function tableText(page) {
  await page.waitForFunction(() => document.querySelectorAll('#view-table tbody tr').length > 0);
  return page.$$eval('#view-table tr', (rows) => rows.map((r) => [...r.cells].map((c) => c.textContent)));
}

async function loadSampleAndPickSpine(page) {
  await dropFiles(page, [{ name: 'dist.csv', bytes: sample(DIST) }]);
  await tableText(page);
  await page.click('#tab-spine');
  await page.selectOption('#control-area', { label: 'Watford' });
  await page.waitForFunction(() => document.querySelector('#chart-caption').textContent.includes('Watford'));
  return tableText(page);
}

test('a share link reopens the same view with the same values in a fresh browser', async () => {
  const first = await openPage();
  let link; let expected;
  try {
    expected = await loadSampleAndPickSpine(first.page);
    await first.page.click('#share-link');
    await first.page.waitForFunction(() => document.querySelector('#share-output').value.includes('#v=1&s='));
    link = await first.page.$eval('#share-output', (i) => i.value);
    assert.deepEqual(first.foreignRequests, []);
  } finally { await first.browser.close(); }
  const second = await openPage(link);
  try {
    assert.deepEqual(await tableText(second.page), expected);
    assert.equal(await second.page.getAttribute('#tab-spine', 'aria-selected'), 'true');
    await second.page.screenshot({ path: join(screenshotDir, 'share-link-reopened.png'), fullPage: true });
    assert.deepEqual(second.errors, []);
  } finally { await second.browser.close(); }
});

test('"Save as one file" opens from file:// with the network blocked and shows the same view', async () => {
  const first = await openPage();
  let path; let expected;
  try {
    expected = await loadSampleAndPickSpine(first.page);
    const [download] = await Promise.all([first.page.waitForEvent('download'), first.page.click('#save-snapshot')]);
    path = join(mkdtempSync(join(tmpdir(), 'snapshot-')), 'indicator-lens-snapshot.html');
    await download.saveAs(path);
  } finally { await first.browser.close(); }
  const url = pathToFileURL(path).href;
  const second = await openPage(url);
  try {
    assert.deepEqual(await tableText(second.page), expected);
    assert.deepEqual(second.foreignRequests, [], 'the snapshot makes no requests');
  } finally { await second.browser.close(); }
});

test('forged links end in a clear message and an empty page, never script execution', async () => {
  const forged = ['#v=2&s=abc', '#v=1&s=%%%', '#v=1&s=AAAA', '#v=1', '#v=1&s=eJwLAQ&d=' + 'A'.repeat(50)];
  for (const fragment of forged) {
    const { browser, page, errors } = await openPage(`${pageUrl}${fragment}`);
    let dialogs = 0;
    page.on('dialog', async (d) => { dialogs++; await d.dismiss(); });
    try {
      await page.waitForSelector('#status.error');
      assert.match(await page.$eval('#status', (s) => s.textContent), /could not be opened/);
      assert.equal(await page.isHidden('#views-section'), true);
      assert.equal(dialogs, 0);
      assert.deepEqual(errors, []);
    } finally { await browser.close(); }
  }
});

test('hostile names show as text everywhere and CSV export escapes formulas', async () => {
  const { browser, page, errors } = await openPage();
  let dialogs = 0;
  page.on('dialog', async (d) => { dialogs++; await d.dismiss(); });
  try {
    const text = sample(DIST).toString('utf8')
      .replace('"Watford"', '"<img src=x onerror=alert(1)>"')
      .replace('"Stevenage"', '"=HYPERLINK(""http://x"",""y"")"');
    await dropFiles(page, [{ name: '<b>evil</b>.csv', bytes: Buffer.from(text) }]);
    await page.click('#tab-compare-areas');
    const rows = await tableText(page);
    assert.ok(rows.some((r) => r.includes('<img src=x onerror=alert(1)>')), 'the name is shown as text');
    assert.equal(await page.$$eval('img', (imgs) => imgs.length), 0, 'no element made from data');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    const csv = readFileSync(await download.path(), 'utf8');
    assert.match(csv, /"'=HYPERLINK\(/, 'formula escaped');
    assert.equal(csv.trim().split('\r\n').length, rows.length, 'one CSV line per table row');
    assert.equal(dialogs, 0);
    assert.deepEqual(errors, []);
  } finally { await browser.close(); }
});

test('PNG and SVG exports hold the chart; small-number suppression applies to the CSV', async () => {
  const { browser, page } = await openPage();
  try {
    await page.click('#sample-button');
    await tableText(page);
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
    const pngBytes = readFileSync(await png.path());
    assert.deepEqual([...pngBytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join(''), 'PNG');
    assert.ok(pngBytes.length > 5000);
    const width = pngBytes.readUInt32BE(16);
    assert.equal(width, 2 * await page.$eval('#chart', (c) => c.width), 'PNG at twice the screen size');
    const [svg] = await Promise.all([page.waitForEvent('download'), page.click('#export-svg')]);
    const svgText = readFileSync(await svg.path(), 'utf8');
    assert.match(svgText, /^<svg/);
    assert.match(svgText, /England/);
    await page.click('#tab-spine');
    await page.check('#suppress-small');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    const lines = readFileSync(await csv.path(), 'utf8').trim().split('\r\n').map((l) => l.split(','));
    const countColumn = lines[0].findIndex((h) => /count/i.test(h));
    assert.ok(countColumn >= 0, 'the spine table has a count column');
    for (const line of lines.slice(1)) {
      const n = Number(line[countColumn]);
      assert.ok(!(n > 0 && n < 5), `no count below 5 exported: ${line}`);
    }
  } finally { await browser.close(); }
});

test('"Copy table" puts the table on the clipboard as tab-separated text, and says so when the browser refuses', async () => {
  const { browser, page, errors } = await openPage();
  try {
    await dropFiles(page, [{ name: 'dist.csv', bytes: sample(DIST) }]);
    const rows = await tableText(page);
    // The clipboard itself belongs to the machine: a stand-in keeps what the page writes to it.
    await page.evaluate(() => {
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (text) => { window.copied = text; } } });
    });
    await page.click('#copy-table');
    await page.waitForFunction(() => document.querySelector('#status').textContent.includes('Table copied'));
    const copied = await page.evaluate(() => window.copied);
    assert.deepEqual(copied.split('\n').map((line) => line.split('\t')), rows, 'header and rows, one line each, cells split by tabs');
    await page.evaluate(() => {
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async () => { throw new Error('denied'); } } });
    });
    await page.click('#copy-table');
    await page.waitForFunction(() => document.querySelector('#status').classList.contains('error'));
    assert.match(await page.textContent('#status'), /did not allow copying/);
    assert.deepEqual(errors, []);
  } finally { await browser.close(); }
});
