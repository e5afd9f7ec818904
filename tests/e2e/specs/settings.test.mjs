// Settings are saved in the archive by the Rust side: switching the language to Chinese changes
// the UI at once and survives a restart of the app on the same database.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { By, until } from 'selenium-webdriver';
import { launchApp, visible, eventually, screenshot, freshDbPath, cli } from '../harness.mjs';
import { click } from '../steps.mjs';

const dbPath = freshDbPath('settings');
let app;
after(async () => {
  await app?.stop();
});

async function navText(driver) {
  return (await visible(driver, 'nav-customers')).getText();
}

test('choosing 中文 in Settings switches the UI to Chinese', async () => {
  app = await launchApp({ dbPath });
  await click(app.driver, 'welcome-skip');
  await click(app.driver, 'nav-settings');
  await click(app.driver, 'settings-language');
  const option = await app.driver.wait(
    until.elementLocated(By.css('.ant-select-item-option[title="中文"]')), 10_000, 'the 中文 option');
  await app.driver.wait(until.elementIsVisible(option), 10_000);
  await click(app.driver, option);
  await click(app.driver, 'settings-save');
  await eventually(app.driver, async () => (await navText(app.driver)) === '客户', 'the nav reads 客户');
  assert.equal(cli(dbPath, 'settings').language, 'zh-CN', 'the archive holds the choice');
  assert.match(await (await visible(app.driver, 'settings-db-path')).getText(), /settings\.db/);
  await screenshot(app, 'settings-zh');
  await app.stop();
  app = undefined;
});

test('the language is still Chinese after a restart', async () => {
  app = await launchApp({ dbPath });
  await click(app.driver, 'welcome-skip');
  await eventually(app.driver, async () => (await navText(app.driver)) === '客户', 'the nav reads 客户 after restart');
});
