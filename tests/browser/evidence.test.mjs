// The page reads each indicator the way its file says: the comparison level its published labels were made at,
// shown in the load report and the indicator settings, changeable there, and carried by the view spec.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openPage, dropFiles, screenshotDir } from './harness.mjs';

const HEADER = ['Indicator ID', 'Indicator Name', 'Parent Code', 'Parent Name', 'Area Code', 'Area Name', 'Area Type', 'Sex', 'Age',
  'Category Type', 'Category', 'Time period', 'Value', 'Lower CI 95.0 limit', 'Upper CI 95.0 limit', 'Lower CI 99.8 limit',
  'Upper CI 99.8 limit', 'Count', 'Denominator', 'Value note', 'Recent Trend', 'Compared to England value or percentiles',
  'Compared to Region value or percentiles', 'Time period Sortable', 'New data', 'Compared to goal', 'Time period range'];

/** A Fingertips-layout download whose labels were made at 99.8% (as QOF prevalence is): two areas differ from England
 *  at 95% but not at 99.8%, and are published Similar. */
function download998() {
  const rows = [
    ['E92000001', 'England', 'England', 20, [19.9, 20.1], [19.85, 20.15], ''],
    ['E38000001', 'Area A', 'Sub-ICB', 21.5, [20.5, 23], [19.5, 24], 'Similar'],
    ['E38000002', 'Area B', 'Sub-ICB', 23.5, [22, 25], [21, 26], 'Higher'],
    ['E38000003', 'Area C', 'Sub-ICB', 16.5, [15, 18], [14, 19], 'Lower'],
    ['E38000004', 'Area D', 'Sub-ICB', 19.5, [18, 21], [17, 22], 'Similar'],
    ['E38000005', 'Area E', 'Sub-ICB', 21, [20.2, 22], [19.8, 23], 'Similar'],
    ['E38000006', 'Area F', 'Sub-ICB', 18.4, [17.5, 19.4], [17, 20.3], 'Similar'],
  ];
  const q = (c) => `"${String(c).replace(/"/g, '""')}"`;
  const lines = [HEADER.map(q).join(',')];
  for (const [code, name, type, value, ci95, ci998, label] of rows) {
    const cells = Array(27).fill('');
    Object.assign(cells, { 0: '90713', 1: 'Epilepsy: QOF prevalence (18+ yrs)', 4: code, 5: name, 6: type, 7: 'Persons', 8: '18+ yrs',
      11: '2023/24', 12: value, 13: ci95[0], 14: ci95[1], 15: ci998[0], 16: ci998[1], 21: label });
    lines.push(cells.map(q).join(','));
  }
  return new TextEncoder().encode(lines.join('\n') + '\n');
}

async function bars(page) {
  await page.waitForFunction(() => document.querySelectorAll('#view-table tbody tr').length === 6);
  return page.$$eval('#view-table tbody tr', (rows) => Object.fromEntries(rows.map((r) => [r.cells[1].textContent, [...r.cells].map((c) => c.textContent)])));
}

test('a file whose labels were made at 99.8% is compared at 99.8%, says so, and can be changed', async () => {
  const { browser, page, errors } = await openPage();
  try {
    await dropFiles(page, [{ name: 'epilepsy-ccg.csv', bytes: download998() }]);
    await page.click('#tab-compare-areas');
    const rows = await bars(page);
    const header = await page.$$eval('#view-table thead th', (cells) => cells.map((c) => c.textContent));
    const label = header.findIndex((h) => /compared/i.test(h));
    assert.ok(header.includes('Lower 99.8% CI'), header.join(' | '));
    assert.deepEqual(Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, v[label]])),
      { 'Area A': 'Similar', 'Area B': 'Higher', 'Area C': 'Lower', 'Area D': 'Similar', 'Area E': 'Similar', 'Area F': 'Similar' });
    // The load report says how the level was decided.
    const evidence = await page.$$eval('.file-report[data-file="epilepsy-ccg.csv"] details.evidence tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
    const level = evidence.find((r) => r[1] === 'comparison level');
    assert.ok(level, JSON.stringify(evidence));
    assert.equal(level[2], '99.8%');
    assert.equal(level[3], 'the published labels');
    assert.match(level[4], /99\.8% intervals reproduce 6 of 6 published labels; 95% intervals reproduce 3 of 6/);
    const polarity = evidence.find((r) => r[1] === 'polarity');
    assert.equal(polarity[2], 'no judgement');
    // The settings panel shows it, and a change there recomputes at 95%, flagging the rows that then differ.
    await page.click('#polarity-panel summary');
    const levelSelect = page.locator('#polarity-list select[data-kind="level"]').first();
    assert.match(await levelSelect.locator('option').first().textContent(), /As the file shows \(99\.8%\)/);
    await page.locator('#polarity-panel').screenshot({ path: join(screenshotDir, 'evidence-settings.png') });
    await page.locator('.file-report[data-file="epilepsy-ccg.csv"] details.evidence summary').click();
    await page.locator('.file-report[data-file="epilepsy-ccg.csv"]').screenshot({ path: join(screenshotDir, 'evidence-report.png') });
    await levelSelect.selectOption('95');
    await page.waitForFunction(() => [...document.querySelectorAll('#view-table thead th')].some((th) => th.textContent === 'Lower 95% CI'));
    const at95 = await bars(page);
    assert.equal(at95['Area A'][label], 'Higher');
    const reason = at95['Area A'].at(-1);
    assert.match(reason, /differs from the file's published “Similar”/);
    assert.equal(at95['Area D'][label], 'Similar');
    await page.screenshot({ path: join(screenshotDir, 'evidence-compare-95.png'), fullPage: false });
    assert.deepEqual(errors, []);
  } finally { await browser.close(); }
});
