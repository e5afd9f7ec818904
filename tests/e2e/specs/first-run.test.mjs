// First run of the real app: the welcome screen, "Explore with a demo shop", and the Dashboard
// and Customers pages showing what the Rust side wrote (checked against the laoke CLI on the
// same database file).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchApp, visible, eventually, screenshot, cli, byTestId } from '../harness.mjs';
import { click } from '../steps.mjs';

let app;
before(async () => {
  app = await launchApp();
});
after(async () => {
  await app?.stop();
});

test('a fresh database opens on the welcome screen', async () => {
  await visible(app.driver, 'welcome-demo');
  await visible(app.driver, 'welcome-import');
  assert.equal(cli(app.dbPath, 'info').counts.orders, 0);
  await screenshot(app, 'welcome');
});

test('"Explore with a demo shop" fills the database and lands on the Dashboard', async () => {
  const button = await visible(app.driver, 'welcome-demo');
  await click(app.driver, button);
  const stat = await visible(app.driver, 'dashboard-stat-customers', 120_000);
  const info = cli(app.dbPath, 'info');
  assert.ok(info.counts.customers > 0, 'the demo wrote customers');
  const stats = cli(app.dbPath, 'stats');
  // The card shows the customer count the Rust side computed (formatted, e.g. "2,000").
  await eventually(
    app.driver,
    async () => (await stat.getText()).replace(/[^0-9]/g, '').includes(String(stats.customers)),
    `dashboard shows ${stats.customers} customers`,
  );
  await visible(app.driver, 'dashboard-chart-sales');
  const canvas = await app.driver.findElements(byTestId('dashboard-chart-sales'));
  assert.equal(canvas.length, 1);
  await screenshot(app, 'dashboard');
});

test('the Customers page lists the archive, most valuable first', async () => {
  await click(app.driver, 'nav-customers');
  const table = await visible(app.driver, 'customers-table');
  const expected = cli(app.dbPath, 'customers', '--limit', '1', '--sort', 'value:desc');
  const top = expected.customers[0].nick;
  await eventually(app.driver, async () => (await table.getText()).includes(top), `the table shows ${top}`);
  const total = await visible(app.driver, 'customers-total');
  await eventually(
    app.driver,
    async () => (await total.getText()).replace(/[^0-9]/g, '') === String(expected.total),
    `the total reads ${expected.total}`,
  );
  await screenshot(app, 'main-window');
});
