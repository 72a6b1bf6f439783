// The analysis views opened in the page with data: inequalities, funnel, compare indicators, a map
// from the user's own HexJSON, and SPC rule settings with a confirmed rebase. Screenshots for review.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPage, root, sample, dropFiles, drawnPixels, screenshotDir } from './harness.mjs';

async function rows(page) {
  await page.waitForFunction(() => document.querySelectorAll('#view-table tbody tr').length > 0);
  return page.$$eval('#view-table tbody tr', (trs) => trs.map((r) => [...r.cells].map((c) => c.textContent)));
}

async function openTab(page, tab, captionStart) {
  await page.click(`#tab-${tab}`);
  await page.waitForFunction((text) => document.querySelector('#chart-caption').textContent.includes(text), captionStart);
  assert.ok(await drawnPixels(page) > 2000, `${tab}: chart drawn`);
  await page.locator('#views-section').screenshot({ path: join(screenshotDir, `more-${tab}.png`) });
  return rows(page);
}

test('inequalities: deprivation deciles in published order with the SII', async () => {
  const { browser, page, errors } = await openPage();
  try {
    const fixture = readFileSync(join(root, 'tests', 'fixtures', 'ncmp-year6-obesity-deprivation-deciles-fingertips-layout.csv'));
    await dropFiles(page, [{ name: 'deciles.csv', bytes: fixture }]);
    await page.waitForFunction(() => document.querySelector('#status').textContent.startsWith('Loaded'));
    const table = await openTab(page, 'inequalities', 'SII');
    const categories = table.map((r) => r[1]).filter((c) => /decile/i.test(c));
    assert.match(categories[0], /Most deprived/);
    assert.match(categories.at(-1), /Least deprived/);
    assert.deepEqual(errors, []);
  } finally { await browser.close(); }
});

test('funnel plot and compare indicators from the samples', async () => {
  const { browser, page, errors } = await openPage();
  try {
    await dropFiles(page, [{ name: 'dist.csv', bytes: sample('fingertips/ncmp_reception_prev_overweight_dist.csv') }]);
    await rows(page);
    const funnel = await openTab(page, 'funnel', 'limits');
    assert.equal(funnel.length, 10, 'one row per district');
    await page.click('#sample-button').catch(() => {});
    await page.selectOption('#sample-select', 'east-midlands');
    await page.click('#sample-button');
    await rows(page);
    const scatter = await openTab(page, 'scatter', 'against');
    assert.ok(scatter.length >= 5);
    assert.match(await page.$eval('#chart-caption', (c) => c.textContent), /R²/);
    assert.deepEqual(errors, []);
  } finally { await browser.close(); }
});

test("a dropped HexJSON becomes the map, and areas without a hex are listed", async () => {
  const { browser, page, errors } = await openPage();
  try {
    const hexjson = JSON.stringify({ layout: 'odd-r', hexes: { E06000015: { n: 'Derby', q: 0, r: 0 }, E10000007: { n: 'Derbyshire', q: 1, r: 0 } } });
    const kpi = 'Indicator,Area Code,Area Name,Time period,Value\nSmoking at delivery %,E06000015,Derby,2022/23,11.2\n'
      + 'Smoking at delivery %,E10000007,Derbyshire,2022/23,9.8\nSmoking at delivery %,E06000018,Nottingham,2022/23,12.9\n';
    await dropFiles(page, [{ name: 'my-areas.hexjson', bytes: Buffer.from(hexjson) }, { name: 'kpi.csv', bytes: Buffer.from(kpi) }]);
    await rows(page);
    const format = await page.$eval('.file-report[data-file="my-areas.hexjson"] .report-summary td:nth-child(2)', (td) => td.textContent);
    assert.equal(format, 'hexjson');
    const table = await openTab(page, 'map', 'Hex map');
    const text = table.map((r) => r.join(' ')).join('\n');
    assert.match(text, /Derby/);
    assert.match(text, /Nottingham/, 'the area with no hex is listed, not dropped');
    assert.deepEqual(errors, []);
  } finally { await browser.close(); }
});

test('SPC: rule settings and a rebase confirmed by the user give new limits from that month', async () => {
  const { browser, page, errors } = await openPage();
  try {
    await page.selectOption('#sample-select', 'eating-disorder');
    await page.click('#sample-button');
    await page.waitForFunction(() => document.querySelector('#tab-spc').getAttribute('aria-selected') === 'true');
    // Month rows only (the table ends with the icon rows).
    const months = (table) => table.filter((r) => /^[A-Z][a-z]{2} \d{4}$/.test(r[0]));
    const before = months(await rows(page));
    const meanColumn = (await page.$$eval('#view-table thead th', (th) => th.map((h) => h.textContent))).indexOf('Mean');
    assert.equal(new Set(before.map((r) => r[meanColumn])).size, 1, 'one mean before rebasing');
    await page.selectOption('#control-rebase', 'Oct 2018');
    await page.waitForFunction((col) => new Set([...document.querySelectorAll('#view-table tbody tr')]
      .filter((r) => /^[A-Z][a-z]{2} \d{4}$/.test(r.cells[0].textContent)).map((r) => r.cells[col].textContent)).size === 2, meanColumn);
    await page.selectOption('#control-shift_length', '8');
    await rows(page);
    await page.locator('#views-section').screenshot({ path: join(screenshotDir, 'more-spc-rebased.png') });
    assert.deepEqual(errors, []);
  } finally { await browser.close(); }
});
