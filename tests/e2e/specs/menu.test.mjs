// The real app's native menu bar (GTK here, above the webview) and about box carry the product name, in the UI's
// language: English on a fresh install under an English system, Chinese once the seller chooses 中文 in Settings, and
// still Chinese after a restart (the archive's saved language reaches the menu too). The menu is read back from the
// app (`menu_labels`), not from the UI that asked for it. Screenshots of the whole screen show the bar in both languages.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchApp, visible, eventually, screenshot, freshDbPath } from '../harness.mjs';
import { choose, click } from '../steps.mjs';

const dbPath = freshDbPath('menu');
let app;
after(async () => {
  await app?.stop();
});

/** What the app menu says: each submenu's title and its items' texts. */
async function menu(driver) {
  const answer = await driver.executeAsyncScript(`
    const done = arguments[arguments.length - 1];
    window.__TAURI_INTERNALS__.invoke('menu_labels').then((menu) => done({ menu }), (error) => done({ error }));`);
  if (answer.error) throw new Error(`menu_labels: ${JSON.stringify(answer.error)}`);
  return answer.menu;
}

/** Waits until the menu is exactly `expected` and returns it. */
async function menuBecomes(driver, expected, what) {
  let last;
  await eventually(driver, async () => {
    last = await menu(driver);
    return JSON.stringify(last) === JSON.stringify(expected);
  }, `the menu in ${what}`, 15_000).catch((e) => {
    throw new Error(`${e.message}: the menu says ${JSON.stringify(last)}`);
  });
  return last;
}

// Linux's menu: File (Quit) and Help (About); Edit and Window are macOS's and Windows' (see src-tauri/src/menu.rs).
const ENGLISH = [['File', 'Quit 老客 Laoke'], ['Help', 'About 老客 Laoke']];
const CHINESE = [['文件', '退出 老客 Laoke'], ['帮助', '关于 老客 Laoke']];

/** The bar sits above the webview and takes only its own height: the page keeps the window's width and nearly all
 *  of its 800 px, and the navigation starts at the webview's top, under the bar rather than behind it. */
async function assertLayoutFits(driver) {
  const { width, height, navTop } = await driver.executeScript(`return { width: window.innerWidth, height: window.innerHeight,
    navTop: document.querySelector('[data-testid="welcome-skip"], [data-testid="nav-settings"]')?.getBoundingClientRect().top }`);
  assert.equal(width, 1280, 'the webview is as wide as the window');
  assert.ok(height >= 740 && height < 800, `the bar takes a menu's height from the webview (${height}px left)`);
  assert.ok(navTop >= 0, `nothing is drawn behind the bar (${navTop})`);
}

test('the menu names 老客 Laoke in English, then in Chinese once 中文 is chosen', async () => {
  app = await launchApp({ dbPath });
  const { driver } = app;
  await visible(driver, 'welcome-skip');
  await menuBecomes(driver, ENGLISH, 'English');
  await assertLayoutFits(driver);
  await screenshot(app, 'menu-en');

  await click(driver, 'welcome-skip');
  await click(driver, 'nav-settings');
  await choose(driver, 'settings-language', '中文');
  await click(driver, 'settings-save');
  await eventually(driver, async () => (await (await visible(driver, 'nav-customers')).getText()) === '客户', 'the nav reads 客户');
  await menuBecomes(driver, CHINESE, 'Chinese');
  await assertLayoutFits(driver);
  await screenshot(app, 'menu-zh');
  await app.stop();
  app = undefined;
});

test('after a restart the menu speaks the saved language', async () => {
  app = await launchApp({ dbPath });
  await visible(app.driver, 'welcome-skip');
  await menuBecomes(app.driver, CHINESE, 'Chinese after a restart');
});
