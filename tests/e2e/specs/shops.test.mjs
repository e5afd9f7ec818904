// Several Shopify stores of one seller in the real app (their order numbers all start at #1001): the import
// preview's shop picker — the shop chosen last for the platform, a new shop, "import into the shop that holds
// these orders" — the Import page refusing another store's file and importing it anyway with its rows rejected
// in Chinese, the Settings shop list counting cash on delivery or not, and the dashboard of one shop.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { By } from 'selenium-webdriver';
import { launchApp, visible, eventually, screenshot, freshDbPath, cli, root, byTestId } from '../harness.mjs';
import { attr, choose, click, importAndReport, openFile } from '../steps.mjs';

const store = (name) => join(root, 'tests/fixtures/import', `shopify_store_${name}.csv`);
const shopNamed = (dbPath, name) => cli(dbPath, 'shops').shops.find((s) => s.name === name);

let app;
after(async () => {
  await app?.stop();
});

/** Waits for the preview of the file just opened (its shop picker shown) and returns the picker's text. */
async function pickerText(driver) {
  await eventually(driver, async () => (await attr(driver, 'import-format', 'data-value')) === 'shopify', 'a Shopify preview');
  return (await visible(driver, 'import-shop')).getText();
}

test('the shop picker, another store refused then imported anyway, COD per shop, the dashboard of one shop', async () => {
  const dbPath = freshDbPath('shops');
  cli(dbPath, 'settings', '--set', 'language=zh-CN', '--set', 'timezone=America/Toronto');
  cli(dbPath, 'import', store('north'), '--shop', 'North');
  cli(dbPath, 'import', store('south'), '--shop', 'South');
  app = await launchApp({ dbPath });
  const { driver } = app;
  await click(driver, 'nav-import');

  // Two Shopify shops and no shop column: the picker offers the shop chosen last (South), whose #1001–#1004
  // are other orders than this file's.
  await openFile(driver, store('outlet'));
  assert.match(await pickerText(driver), /South/);
  await visible(driver, 'import-shop-remembered');
  assert.equal(await attr(driver, 'import-shop-conflicts', 'data-count'), '4');
  await screenshot(app, 'shops-picker-conflicts');

  // A new shop for the Outlet store.
  await choose(driver, 'import-shop-select', '新建店铺…');
  await (await visible(driver, 'import-shop-new-name')).sendKeys('Outlet');
  await click(driver, 'import-shop-new-ok');
  await visible(driver, 'import-shop-new');
  await eventually(driver, async () => (await driver.findElements(byTestId('import-shop-conflicts'))).length === 0,
    'no conflicts in a new shop');
  // Cash on delivery: #1001 and #1003 are shipped but pending, and count as purchases.
  const cod = await driver.findElements(byTestId('import-order-cod'));
  assert.equal(cod.length, 3, 'three of the previewed orders are unconfirmed cash on delivery');
  await importAndReport(driver);
  assert.equal(Number(await attr(driver, 'import-report-orders_new', 'data-value')), 6);
  assert.equal(Number(await attr(driver, 'import-report-cod_counted', 'data-value')), 2);
  assert.match(await (await visible(driver, 'import-report-shops')).getText(), /Outlet/);
  assert.equal(shopNamed(dbPath, 'Outlet').orders, 6);
  assert.equal(cli(dbPath, 'stats', '--shop', 'Outlet').purchases, 3);

  // North's export, with Outlet now the shop chosen last: the preview finds its orders in North and offers it.
  await openFile(driver, store('north'));
  await pickerText(driver);
  await eventually(driver, async () => (await driver.findElements(byTestId('import-shop-elsewhere'))).length === 1,
    'North holds these orders');
  await click(driver, 'import-shop-use-elsewhere');
  const north = By.css('[data-testid="import-shop-select"] .ant-select-selection-item[title="North"]');
  await eventually(driver, async () => (await driver.findElements(north)).length === 1, 'the picker shows North');
  await eventually(driver, async () => (await driver.findElements(byTestId('import-shop-elsewhere'))).length === 0,
    'North is the shop now');
  await importAndReport(driver);
  assert.equal(Number(await attr(driver, 'import-report-orders_unchanged', 'data-value')), 5);

  // South's export into North: refused whole, then imported anyway with its four rows rejected.
  await openFile(driver, store('south'));
  await pickerText(driver);
  await choose(driver, 'import-shop-select', 'North');
  await eventually(driver, async () => (await attr(driver, 'import-shop-conflicts', 'data-count')) === '4', 'conflicts in North');
  let report = await importAndReport(driver);
  assert.equal(await report.getAttribute('data-error'), 'import.other_shop');
  const refused = await visible(driver, 'import-error');
  assert.match(await refused.getText(), /很可能属于另一个店铺/);
  assert.equal(cli(dbPath, 'stats', '--shop', 'North').orders, 5, 'a refused file changes nothing');
  await screenshot(app, 'shops-other-shop-refused');
  await click(driver, 'import-anyway');
  report = await eventually(driver, async () => {
    const r = await visible(driver, 'import-report');
    return (await r.getAttribute('data-error')) === '' ? r : false;
  }, 'the import ran', 60_000);
  assert.equal(Number(await attr(driver, 'import-report-rejected-count', 'data-value')), 4);
  const reasons = await driver.findElements(By.css('[data-testid="import-report-rejected"] [data-code="row.order_conflict"]'));
  assert.equal(reasons.length, 4);
  assert.match(await reasons[0].getText(), /店铺「North」的订单 #1001 是 ava\.north@example\.com 在 .* 下的/);
  await screenshot(app, 'shops-conflicts-rejected');
  assert.equal(cli(dbPath, 'stats', '--shop', 'North').orders, 5, 'the conflicting rows changed nothing');

  // Settings: the Outlet shop stops counting unconfirmed cash on delivery.
  await click(driver, 'nav-settings');
  const outlet = shopNamed(dbPath, 'Outlet');
  const toggle = await visible(driver, 'settings-shops');
  await driver.executeScript('arguments[0].scrollIntoView({block: "center"})', toggle);
  await click(driver, await driver.findElement(By.css(`[data-testid="settings-shop-cod"][data-shop="${outlet.id}"]`)));
  await eventually(driver, async () => !shopNamed(dbPath, 'Outlet').count_cod, 'Outlet no longer counts COD');
  assert.equal(cli(dbPath, 'stats', '--shop', 'Outlet').purchases, 1);
  await screenshot(app, 'shops-settings');

  // The dashboard of one shop.
  await click(driver, 'nav-dashboard');
  await choose(driver, 'dashboard-shop', 'South');
  await eventually(driver, async () => (await attr(driver, 'dashboard-stat-orders', 'data-value')) === '4', 'South has 4 orders');
  await screenshot(app, 'shops-dashboard-south');
});
