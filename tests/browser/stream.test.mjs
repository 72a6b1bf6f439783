// Streaming loads in real headless Chromium: progress with rows read, and Cancel, which restarts
// the worker and reads the files loaded before it again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, sample, dropFiles } from './harness.mjs';

const DIST = 'fingertips/ncmp_reception_prev_overweight_dist.csv';

test('a large drop shows rows read and can be cancelled; the earlier file stays usable', async () => {
  const { browser, page, errors } = await openPage();
  try {
    await dropFiles(page, [{ name: 'dist.csv', bytes: sample(DIST) }]);
    await page.waitForFunction(() => document.querySelectorAll('#view-table tbody tr').length > 0);
    const before = await page.$$eval('#view-table tbody tr', (rows) => rows.length);
    // A file of about 120 MB built in the page (rows of the sample repeated), dropped as a File.
    await page.evaluate((text) => {
      const lines = text.split('\r\n').filter((l) => l);
      const body = lines.slice(1).join('\r\n') + '\r\n';
      const parts = [lines[0] + '\r\n'];
      for (let i = 0; i < 25000; i++) parts.push(body.replaceAll('"93106"', `"${90000 + i}"`));
      const transfer = new DataTransfer();
      transfer.items.add(new File(parts, 'big.csv', { type: 'text/csv' }));
      document.getElementById('drop-zone').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, sample(DIST).toString('utf8'));
    await page.waitForFunction(() => /big\.csv: [\d,]+ rows/.test(document.getElementById('progress-label').textContent)
      && !/: 0 rows/.test(document.getElementById('progress-label').textContent), null, { timeout: 60_000 });
    assert.equal(await page.isVisible('#cancel-load'), true);
    await page.click('#cancel-load');
    await page.waitForFunction(() => document.getElementById('status').textContent === 'Loading cancelled.', null, { timeout: 60_000 });
    assert.equal(await page.isVisible('#progress-row'), false);
    assert.equal(await page.isVisible('#cancel-load'), false);
    // The restarted worker holds the earlier file again: a new view of it draws.
    await page.click('#tab-overview');
    await page.click('#tab-compare-areas');
    await page.waitForFunction((n) => document.querySelectorAll('#view-table tbody tr').length === n, before);
    assert.doesNotMatch(await page.textContent('#status'), /could not/);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
