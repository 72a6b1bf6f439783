import { openPage } from './harness.mjs';
const { browser, page, errors } = await openPage();
for (const name of process.argv.slice(2)) {
  await page.selectOption('#sample-select', name);
  await page.click('#sample-button');
  await page.waitForFunction(() => document.querySelectorAll('#view-table tbody tr').length > 0, null, { timeout: 8000 }).catch(() => {});
  await page.waitForTimeout(300);
  await page.locator('#views-section').screenshot({ path: `/tmp/sample-${name}.png` });
  console.log(name, await page.$eval('#status', (e) => e.textContent));
}
console.log(errors);
await browser.close();
