// The foundation slice in real headless Chromium: drop a Fingertips download on the one-file page
// opened from file://, see the load report and the compare-areas chart, with no network requests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openPage, sample, csvDataRows, dropFiles, reportFor, drawnPixels, screenshotDir } from './harness.mjs';

const NCMP = 'fingertips/ncmp_reception_prev_overweight.csv';

async function checkSlice(page, foreignRequests, errors, shot) {
  const bytes = sample(NCMP);
  const report = await reportFor(page, 'ncmp_reception_prev_overweight.csv');
  assert.equal(report.format, 'fingertips');
  assert.equal(report.rowsRead, csvDataRows(bytes.toString('utf8')), 'rows read = records in the file');
  assert.equal(report.observations + report.rejected, report.rowsRead, 'every row is used or rejected with a reason');
  assert.ok(report.observations > 100);
  await page.waitForFunction(() => document.querySelectorAll('#view-table tbody tr').length > 0);
  assert.ok(await drawnPixels(page) > 5000, 'the chart canvas has drawn pixels');
  await page.screenshot({ path: join(screenshotDir, shot), fullPage: true });
  assert.deepEqual(foreignRequests, [], 'no requests to anything but the page');
  assert.deepEqual(errors, []);
}

test('file input: Fingertips download → report → compare-areas chart, offline', async () => {
  const { browser, page, foreignRequests, errors } = await openPage();
  try {
    await page.setInputFiles('#file-input', { name: 'ncmp_reception_prev_overweight.csv', mimeType: 'text/csv', buffer: sample(NCMP) });
    await checkSlice(page, foreignRequests, errors, 'foundation-file-input.png');
  } finally { await browser.close(); }
});

test('synthetic drop event works the same', async () => {
  const { browser, page, foreignRequests, errors } = await openPage();
  try {
    await dropFiles(page, [{ name: 'ncmp_reception_prev_overweight.csv', bytes: sample(NCMP) }]);
    await checkSlice(page, foreignRequests, errors, 'foundation-drop.png');
  } finally { await browser.close(); }
});

test('sample button loads the built-in Fingertips sample', async () => {
  const { browser, page, foreignRequests, errors } = await openPage();
  try {
    await page.click('#sample-button');
    await checkSlice(page, foreignRequests, errors, 'foundation-sample.png');
  } finally { await browser.close(); }
});

test('a PNG, a zip and an empty file give clear messages and a second drop still works', async () => {
  const { browser, page, foreignRequests, errors } = await openPage();
  try {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0]);
    await dropFiles(page, [{ name: 'chart.png', bytes: png }, { name: 'data.zip', bytes: zip }, { name: 'empty.csv', bytes: Buffer.alloc(0) }]);
    await page.waitForSelector('#status.error');
    for (const name of ['chart.png', 'data.zip', 'empty.csv']) {
      const caption = await page.$eval(`.file-report[data-file="${name}"] caption`, (c) => c.textContent);
      assert.match(caption, new RegExp(`^${name.replace('.', '\\.')}: .{10,}`), `a message for ${name}`);
    }
    await dropFiles(page, [{ name: 'ncmp_reception_prev_overweight.csv', bytes: sample(NCMP) }]);
    await checkSlice(page, foreignRequests, errors, 'foundation-after-bad-input.png');
  } finally { await browser.close(); }
});

test('the warm-up view built in the worker is drawn off-screen at start, with its marks', async () => {
  const { browser, page, errors } = await openPage();
  try {
    // `data-warm` is `failed` when the worker's warm-up view cannot be drawn or has no marks.
    await page.waitForSelector('html[data-warm]', { timeout: 30_000 });
    assert.equal(await page.getAttribute('html', 'data-warm'), 'true');
    assert.equal(await page.evaluate(() => performance.getEntriesByName('il:warm').length), 1);
    assert.deepEqual(errors, []);
  } finally { await browser.close(); }
});
