// Dark mode in the real app: the seller's choice in Settings (here saved through the CLI) turns antd, the
// shell's own colours and the ECharts charts dark; switched back in Settings, the app is light at once.
// Screenshots in both languages.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { By } from 'selenium-webdriver';
import { launchApp, visible, eventually, screenshot, cli, freshDbPath } from '../harness.mjs';
import { click } from '../steps.mjs';

let app;
after(async () => {
  await app?.stop();
});

const theme = (driver) => driver.executeScript('return document.documentElement.dataset.theme');
const background = (driver) => driver.executeScript('return getComputedStyle(document.body).backgroundColor');

test('a dark theme chosen in Settings darkens the whole app, charts included, in both languages', async () => {
  const dbPath = freshDbPath('theme');
  cli(dbPath, 'demo', '--customers', '2000', '--seed', '7');
  cli(dbPath, 'settings', '--set', 'theme=dark', '--set', 'language=zh-CN');
  app = await launchApp({ dbPath });
  const { driver } = app;
  // A shop with orders opens on today's care list; the dashboard is one click away.
  await visible(driver, 'page-care');
  await click(driver, 'nav-dashboard');
  await visible(driver, 'page-dashboard');
  await eventually(driver, async () => (await theme(driver)) === 'dark', 'the dark theme');
  assert.equal(await background(driver), 'rgb(20, 20, 20)');
  const charts = await driver.findElements(By.css('[role="img"][data-theme]'));
  assert.ok(charts.length > 0, 'the dashboard draws charts');
  for (const c of charts) assert.equal(await c.getAttribute('data-theme'), 'dark');
  await screenshot(app, 'theme-dark-dashboard-zh');
  await click(driver, 'nav-customers');
  await visible(driver, 'customers-table');
  await screenshot(app, 'theme-dark-customers-zh');

  // Back to light, and English, from the Settings page.
  await click(driver, 'nav-settings');
  await click(driver, 'settings-theme-light');
  await click(driver, 'settings-save');
  await eventually(driver, async () => (await theme(driver)) === 'light', 'the light theme');
  assert.equal(cli(dbPath, 'settings').theme, 'light');
  cli(dbPath, 'settings', '--set', 'theme=dark', '--set', 'language=en-US');
  await app.stop();
  app = await launchApp({ dbPath });
  await click(app.driver, 'nav-dashboard');
  await visible(app.driver, 'page-dashboard');
  await eventually(app.driver, async () => (await theme(app.driver)) === 'dark', 'dark again');
  await screenshot(app, 'theme-dark-dashboard-en');
  await click(app.driver, 'nav-settings');
  await visible(app.driver, 'settings-theme');
  await screenshot(app, 'theme-dark-settings-en');
});
