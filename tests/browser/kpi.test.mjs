// KPI summary, tooltips and notes in headless Chromium: tooltips by mouse and keyboard, a KPI row
// opening its chart, and a note on a period surviving a share link.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { openPage, sample, dropFiles, screenshotDir } from './harness.mjs';

const DIST = 'fingertips/ncmp_reception_prev_overweight_dist.csv';

async function rows(page) {
  await page.waitForFunction(() => document.querySelectorAll('#view-table tbody tr').length > 0);
  return page.$$eval('#view-table tbody tr', (trs) => trs.map((r) => [...r.cells].map((c) => c.textContent)));
}

test('chart marks have tooltips by mouse and by keyboard', async () => {
  const { browser, page, errors } = await openPage();
  try {
    await dropFiles(page, [{ name: 'dist.csv', bytes: sample(DIST) }]);
    await page.click('#tab-compare-areas');
    await rows(page);
    const marks = await page.evaluate(() => document.querySelector('#chart').getBoundingClientRect().toJSON());
    // Hover across the chart until a bar's tooltip shows an area name from the table.
    const names = (await rows(page)).map((r) => r[1]);
    let shown = '';
    for (let y = marks.top + 10; y < marks.bottom && !shown; y += 6) {
      await page.mouse.move(marks.left + marks.width * 0.4, y);
      if (await page.isVisible('#tooltip')) shown = await page.$eval('#tooltip', (t) => t.textContent);
    }
    assert.ok(names.some((n) => shown.includes(n)), `a hover tooltip names an area: "${shown}"`);
    await page.screenshot({ path: join(screenshotDir, 'tooltip-hover.png') });
    await page.focus('#chart');
    await page.keyboard.press('ArrowRight');
    const keyed = await page.$eval('#tooltip', (t) => t.textContent);
    assert.ok(keyed.length > 0 && !(await page.isHidden('#tooltip')), 'arrow keys show a tooltip');
    assert.equal(await page.$eval('#mark-live', (p) => p.textContent), keyed, 'and announce it');
    assert.deepEqual(errors, []);
  } finally { await browser.close(); }
});

test('a KPI summary row opens its SPC chart with Enter', async () => {
  const { browser, page, errors } = await openPage();
  try {
    await page.selectOption('#sample-select', 'eating-disorder');
    await page.click('#sample-button');
    await rows(page);
    await page.click('#tab-kpi-summary');
    await page.waitForFunction(() => document.querySelector('#chart-caption').textContent.startsWith('KPI summary'));
    const first = (await rows(page))[0][0];
    await page.locator('#view-table tbody tr').first().focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('#tab-spc').getAttribute('aria-selected') === 'true');
    await page.waitForFunction((name) => document.querySelector('#chart-caption').textContent.includes(name), first);
    await page.locator('#views-section').screenshot({ path: join(screenshotDir, 'kpi-to-spc.png') });
    assert.deepEqual(errors, []);
  } finally { await browser.close(); }
});

test('a note on a period is listed in the table and survives a share link and a snapshot', async () => {
  const first = await openPage();
  let link; let snapshot;
  try {
    await first.page.selectOption('#sample-select', 'eating-disorder');
    await first.page.click('#sample-button');
    await rows(first.page);
    await first.page.click('#tab-trend');
    await rows(first.page);
    await first.page.click('#annotations-panel summary');
    await first.page.selectOption('#note-period', 'Oct 2018');
    await first.page.fill('#note-text', 'New triage pathway');
    await first.page.click('#note-add');
    await first.page.waitForFunction(() => document.querySelector('#view-table').textContent.includes('New triage pathway'));
    await first.page.click('#share-link');
    await first.page.waitForFunction(() => document.querySelector('#share-output').value.includes('#v=1'));
    link = await first.page.$eval('#share-output', (i) => i.value);
    const [download] = await Promise.all([first.page.waitForEvent('download'), first.page.click('#save-snapshot')]);
    snapshot = join(mkdtempSync(join(tmpdir(), 'note-')), 'snapshot.html');
    await download.saveAs(snapshot);
  } finally { await first.browser.close(); }
  for (const url of [link, pathToFileURL(snapshot).href]) {
    const second = await openPage(url);
    try {
      await second.page.waitForFunction(() => document.querySelector('#view-table')?.textContent.includes('New triage pathway'));
      assert.match(await second.page.$eval('#note-list', (l) => l.textContent), /Oct 2018: New triage pathway/);
    } finally { await second.browser.close(); }
  }
});

test('clicking a hex on the map selects that area for the other views', async () => {
  const { browser, page, errors } = await openPage();
  try {
    await dropFiles(page, [{ name: 'dist.csv', bytes: sample(DIST) }]);
    await rows(page);
    await page.click('#tab-map');
    await page.waitForFunction(() => document.querySelector('#chart-caption').textContent.startsWith('Hex map'));
    // Sweep synthetic pointer moves over the canvas in the page until a tooltip names an area.
    const found = await page.evaluate(() => {
      const canvas = document.querySelector('#chart');
      const box = canvas.getBoundingClientRect();
      for (let y = box.top + 2; y < box.bottom; y += 4) {
        for (let x = box.left + 2; x < box.right; x += 4) {
          canvas.dispatchEvent(new MouseEvent('mousemove', { clientX: x, clientY: y, bubbles: true }));
          const tip = document.querySelector('#tooltip');
          if (!tip.hidden && tip.textContent) return { x, y, text: tip.textContent };
        }
      }
      return null;
    });
    assert.ok(found, 'a hex has a tooltip');
    const clicked = found.text;
    await page.evaluate(({ x, y }) => document.querySelector('#chart')
      .dispatchEvent(new MouseEvent('click', { clientX: x, clientY: y, bubbles: true })), found);
    await page.waitForFunction(() => document.querySelector('#status').textContent.startsWith('Selected '));
    const name = (await page.$eval('#status', (s) => s.textContent)).replace(/^Selected ([^:]+):.*$/, '$1');
    assert.ok(clicked.includes(name), `the clicked hex (${clicked}) is the selected area (${name})`);
    await page.click('#tab-spine');
    await page.waitForFunction((n) => document.querySelector('#chart-caption').textContent.includes(n), name);
    assert.deepEqual(errors, []);
  } finally { await browser.close(); }
});
