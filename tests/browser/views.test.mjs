// Every view after a drop or a sample, in real headless Chromium: tables checked against the CLI,
// charts drawn, polarity edited in the page, keyboard use; screenshots saved for review.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { openPage, root, shared, sample, dropFiles, drawnPixels, screenshotDir } from './harness.mjs';

const CLI = join(root, 'target', 'debug', 'indicator-lens');
const DIST = 'fingertips/ncmp_reception_prev_overweight_dist.csv';

async function tableRows(page) {
  await page.waitForFunction(() => document.querySelectorAll('#view-table tbody tr').length > 0);
  return page.$$eval('#view-table tbody tr', (rows) => rows.map((r) => [...r.cells].map((c) => c.textContent)));
}

async function tableHeader(page) {
  return page.$$eval('#view-table thead th', (cells) => cells.map((c) => c.textContent));
}

function parseCsv(text) {
  const rows = []; let row = []; let cell = ''; let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\n') { row.push(cell.replace(/\r$/, '')); rows.push(row); row = []; cell = ''; } else cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

test('compare areas: every comparison in the page equals the CLI benchmark for the same file', async () => {
  const csv = parseCsv(execFileSync(CLI, ['benchmark', join(shared, 'samples', DIST), '--against', 'england', '--level', '95'], { encoding: 'utf8' }));
  const header = csv[0];
  const cliByArea = new Map(csv.slice(1).map((r) => [r[header.indexOf('area_code')], r[header.indexOf('comparison')]]));
  const { browser, page, errors } = await openPage();
  try {
    await dropFiles(page, [{ name: 'dist.csv', bytes: sample(DIST) }]);
    await page.click('#tab-compare-areas');
    const rows = await tableRows(page);
    const head = await tableHeader(page);
    const codeColumn = head.indexOf('Area code');
    const comparisonColumn = head.findIndex((h) => h.startsWith('Compared with'));
    assert.ok(codeColumn >= 0 && comparisonColumn >= 0, `columns in ${head}`);
    assert.ok(rows.length >= 10);
    for (const row of rows) assert.equal(row[comparisonColumn], cliByArea.get(row[codeColumn]), `area ${row[codeColumn]}`);
    assert.ok(await drawnPixels(page) > 5000);
    await page.screenshot({ path: join(screenshotDir, 'views-compare-areas.png'), fullPage: true });
    assert.deepEqual(errors, []);
  } finally { await browser.close(); }
});

const SAMPLE_VIEWS = [
  ['ncmp-districts', 'compare-areas'], ['east-midlands', 'overview'], ['warwickshire', 'board-summary'],
  ['eating-disorder', 'spc'], ['hcp-kpis', 'trend'], ['prevalence', 'prevalence'],
];

test('each built-in sample opens on its view with a drawn chart and a table', async () => {
  const { browser, page, errors, foreignRequests } = await openPage();
  try {
    for (const [name, view] of SAMPLE_VIEWS) {
      await page.selectOption('#sample-select', name);
      await page.click('#sample-button');
      await page.waitForFunction((v) => document.querySelector(`#tab-${v}`).getAttribute('aria-selected') === 'true', view);
      const rows = await tableRows(page);
      assert.ok(rows.length > 0, `${name}: table rows`);
      assert.ok(await drawnPixels(page) > 2000, `${name}: chart drawn`);
      await page.locator('#views-section').screenshot({ path: join(screenshotDir, `views-${name}.png`) });
    }
    await page.click('#tab-access');
    await page.fill('#control-target_share', '34');
    await page.dispatchEvent('#control-target_share', 'change');
    await page.waitForFunction(() => /34/.test(document.querySelector('#chart-caption').textContent));
    await page.locator('#views-section').screenshot({ path: join(screenshotDir, 'views-access.png') });
    assert.deepEqual(errors, []);
    assert.deepEqual(foreignRequests, []);
  } finally { await browser.close(); }
});

test('setting a polarity in the page turns "increased" into better or worse', async () => {
  const { browser, page } = await openPage();
  try {
    await page.selectOption('#sample-select', 'warwickshire');
    await page.click('#sample-button');
    await page.waitForFunction(() => document.querySelector('#tab-board-summary').getAttribute('aria-selected') === 'true');
    const before = await tableRows(page);
    const head = await tableHeader(page);
    const direction = head.findIndex((h) => /direction/i.test(h));
    const row = before.findIndex((r) => r[direction] === 'increased');
    assert.ok(row >= 0, 'some indicator increased');
    const indicatorName = before[row][0];
    await page.click('#polarity-panel summary');
    const index = await page.$$eval('#polarity-list .indicator-name', (names, name) => names.findIndex((n) => n.textContent === name), indicatorName);
    const select = page.locator('#polarity-list select[data-kind="polarity"]').nth(index);
    await select.selectOption('high');
    await page.waitForFunction(([col, name]) => [...document.querySelectorAll('#view-table tbody tr')]
      .some((r) => r.cells[0].textContent === name && r.cells[col].textContent === 'improved'), [direction, indicatorName]);
  } finally { await browser.close(); }
});

test('keyboard only: the drop zone opens the file chooser and tabs switch views', async () => {
  const { browser, page } = await openPage();
  try {
    // Ask for the chooser first: Playwright intercepts file dialogs only once a listener exists.
    const chooserShown = page.waitForEvent('filechooser');
    await page.focus('#drop-zone');
    await page.keyboard.press('Enter');
    const chooser = await chooserShown;
    await chooser.setFiles({ name: 'dist.csv', mimeType: 'text/csv', buffer: sample(DIST) });
    await tableRows(page);
    await page.focus('#tab-spine');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('#chart-caption').textContent.startsWith('Spine chart'));
    assert.equal(await page.getAttribute('#tab-spine', 'aria-selected'), 'true');
  } finally { await browser.close(); }
});
