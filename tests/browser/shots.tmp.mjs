import { openPage } from './harness.mjs';
const { browser, page, errors } = await openPage();
const [sampleName, ...tabs] = process.argv.slice(2);
await page.selectOption('#sample-select', sampleName);
await page.click('#sample-button');
await page.waitForFunction(() => document.querySelectorAll('#view-table tbody tr').length > 0, null, { timeout: 8000 }).catch(() => {});
for (const tab of tabs) {
  await page.click(`#tab-${tab}`);
  await page.waitForTimeout(700);
  await page.locator('#views-section').screenshot({ path: `/tmp/tab-${tab}.png` });
  console.log(tab, await page.$eval('#status', (e) => e.textContent), await page.$eval('#chart-caption', (e) => e.textContent.slice(0, 150)));
}
console.log(errors);
await browser.close();
