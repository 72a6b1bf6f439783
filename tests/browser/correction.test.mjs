// Correcting detection in the page: a KPI table with an unrecognised area column is misread; the user
// picks the layout and the column's role, and the file is read again with nothing lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, dropFiles, reportFor } from './harness.mjs';

const KPI = 'Indicator,Org,Time period,Value\nSmoking at delivery %,Derby,2022/23,11.2\nSmoking at delivery %,Derbyshire,2022/23,9.8\n';

test('layout and column roles can be corrected and the file re-read', async () => {
  const { browser, page, errors } = await openPage();
  try {
    await dropFiles(page, [{ name: 'kpi.csv', bytes: Buffer.from(KPI) }]);
    const before = await reportFor(page, 'kpi.csv');
    assert.equal(before.format, 'wide-by-area');
    assert.equal(before.rejected, 2, 'names in a value column are rejected, with reasons');
    const form = page.locator('.file-report[data-file="kpi.csv"] details.correction');
    await form.locator('summary').click();
    await form.locator('select.correct-format').selectOption('long');
    await form.locator('select[data-header="Org"]').selectOption('area_name');
    await form.locator('button').click();
    await page.waitForFunction(() => document.querySelector('.file-report[data-file="kpi.csv"] .report-summary td:nth-child(2)')?.textContent === 'long');
    const after = await reportFor(page, 'kpi.csv');
    assert.deepEqual([after.format, after.rowsRead, after.observations, after.rejected], ['long', 2, 2, 0]);
    const areas = await page.$$eval('#control-area option, #view-table tbody td', (nodes) => nodes.map((n) => n.textContent));
    assert.ok(areas.includes('Derby') && areas.includes('Derbyshire'), `areas named from the corrected column: ${areas}`);
    const kept = await page.$eval('.file-report[data-file="kpi.csv"] select[data-header="Org"]', (s) => s.value);
    assert.equal(kept, 'area_name', 'the correction is shown after the re-read');
    assert.deepEqual(errors, []);
  } finally { await browser.close(); }
});
