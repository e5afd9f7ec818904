// The dashboard in the real app: with the demo shop it draws its series charts and the cohort heat map with the
// figures the CLI computes on the same file; a cohort cell opens the customer list filtered to exactly that cell's
// customers (the same filter counted by the CLI); an empty archive gets the empty state, not empty charts.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { By } from 'selenium-webdriver';
import { launchApp, visible, eventually, screenshot, cli, byTestId, freshDbPath } from '../harness.mjs';
import { attr, click } from '../steps.mjs';

let app;
after(async () => {
  await app?.stop();
});

const digits = async (el) => (await el.getText()).replace(/[^0-9]/g, '');
const CHARTS = ['growth', 'sales', 'aov', 'repurchase'];

test('with the demo shop the dashboard draws its charts and the cohort heat map', async () => {
  const dbPath = freshDbPath('dashboard');
  cli(dbPath, 'demo', '--customers', '2000', '--seed', '7');
  app = await launchApp({ dbPath });
  const { driver } = app;
  // A shop with orders opens on today's care list; the dashboard is one click away.
  await visible(driver, 'page-care');
  await click(driver, 'nav-dashboard');
  const stats = cli(dbPath, 'stats');
  await eventually(driver, async () => (await attr(driver, 'dashboard-stat-orders', 'data-value')) === String(stats.orders),
    `the dashboard shows the ${stats.orders} orders the CLI counts`);
  for (const id of CHARTS) {
    await visible(driver, `dashboard-chart-${id}`);
    const canvases = await driver.findElements(By.css(`[data-testid="dashboard-chart-${id}"] canvas`));
    assert.ok(canvases.length > 0, `the ${id} chart is drawn`);
  }
  // The heat map: a row per cohort month, as the CLI lists them.
  await visible(driver, 'cohort-table');
  const rows = await driver.findElements(byTestId('cohort-row'));
  assert.equal(rows.length, stats.cohorts.length);
  const first = stats.cohorts[0];
  assert.equal(await rows[0].getAttribute('data-month'), first.month);
  const cells = await rows[0].findElements(byTestId('cohort-cell'));
  assert.equal(cells.length, first.retention.length);
  assert.equal(await cells[0].getAttribute('data-rate'), first.retention[0]);
  // The slipping-away list and the churn card come with the rest.
  await visible(driver, 'dashboard-churn');
  await visible(driver, 'dashboard-slipping', 60_000);
  await screenshot(app, 'dashboard-demo');
  await driver.executeScript('document.querySelector(\'[data-testid="dashboard-cohorts"]\').scrollIntoView({block: "start"})');
  await screenshot(app, 'dashboard-demo-cohorts');
});

test('a cohort cell opens the customer list filtered to exactly its customers', async () => {
  const { driver, dbPath } = app;
  const stats = cli(dbPath, 'stats');
  // The oldest cohort's best month after the first: a cell with buyers behind it.
  const first = stats.cohorts[0];
  const best = first.retention.reduce((b, r, i) => (Number(r) > Number(first.retention[b]) ? i : b), 0);
  assert.ok(Number(first.retention[best]) > 0, 'the demo shop has repeat buyers in its first cohort');
  const cell = await driver.findElement(By.css(
    `[data-testid="cohort-cell"][data-month="${first.month}"][data-index="${best}"]`));
  await click(driver, cell);
  await visible(driver, 'page-customers');
  // The filter the list applies is in its URL: the CLI counts the same customers.
  const url = await driver.getCurrentUrl();
  const filter = new URLSearchParams(url.split('?')[1]).get('filter');
  assert.ok(filter, `the URL carries the filter: ${url}`);
  const parsed = JSON.parse(filter);
  assert.deepEqual(parsed.rules.map((r) => r.field), ['first_purchase', 'bought_on']);
  const expected = cli(dbPath, 'customers', '--filter', filter, '--limit', '1', '--sort', 'value:desc');
  assert.ok(expected.total > 0, 'the cell has customers');
  const total = await visible(driver, 'customers-total');
  await eventually(driver, async () => (await digits(total)) === String(expected.total), `the list shows ${expected.total}`);
  // The retention share says how many of the cohort they are (4 places).
  assert.ok(Math.abs(expected.total / first.buyers - Number(first.retention[best])) < 0.0001);
  // The filter is shown, and can be cleared.
  const box = await visible(driver, 'customers-advanced');
  assert.equal((await box.findElements(byTestId('filter-condition'))).length, 2);
  const table = await visible(driver, 'customers-table');
  await eventually(driver, async () => (await table.getText()).includes(expected.customers[0].nick || expected.customers[0].buyer_id),
    'the first matching customer is listed');
  await screenshot(app, 'dashboard-cohort-customers');
});

test('an empty archive shows the empty state, not empty charts', async () => {
  await app?.stop();
  app = await launchApp();
  const { driver } = app;
  await click(driver, 'welcome-skip');
  await visible(driver, 'dashboard-empty');
  await visible(driver, 'dashboard-import');
  await visible(driver, 'dashboard-demo');
  assert.equal((await driver.findElements(By.css('[role="img"][data-theme]'))).length, 0, 'no chart is drawn');
  await screenshot(app, 'dashboard-empty');
});
