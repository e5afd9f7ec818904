// Steps the Import page's end-to-end tests share: typing a path, picking in an antd Select, importing.
import { By } from 'selenium-webdriver';
import { visible, eventually } from './harness.mjs';

export const attr = async (driver, id, name) => (await visible(driver, id)).getAttribute(name);

export async function openFile(driver, path) {
  const input = await visible(driver, 'import-path');
  await input.sendKeys(path);
  await (await visible(driver, 'import-path-open')).click();
}

const OPEN_DROPDOWN = '.ant-select-dropdown:not(.ant-select-dropdown-hidden)';

/** Opens the antd Select with data-testid `id` and clicks the option titled `title` in the open dropdown. */
export async function choose(driver, id, title, match = '=') {
  await (await visible(driver, id)).click();
  const css = `${OPEN_DROPDOWN} .ant-select-item-option[title${match}"${title}"]`;
  const option = await eventually(driver, async () => {
    for (const el of await driver.findElements(By.css(css))) if (await el.isDisplayed()) return el;
    return false;
  }, `option ${title} of ${id}`, 10_000);
  await option.click();
  const chosen = By.css(`[data-testid="${id}"] .ant-select-selection-item[title${match}"${title}"]`);
  await eventually(driver, async () => (await driver.findElements(chosen)).length > 0, `${id} shows ${title}`, 5_000);
  // Let the dropdown finish closing, so the next Select's options are the only ones on screen.
  await eventually(driver, async () => {
    for (const el of await driver.findElements(By.css(OPEN_DROPDOWN))) if (await el.isDisplayed()) return false;
    return true;
  }, `the dropdown of ${id} closes`, 5_000);
}

export async function importAndReport(driver) {
  await eventually(driver, async () => (await visible(driver, 'import-run')).isEnabled(), 'Import is enabled');
  await (await visible(driver, 'import-run')).click();
  return visible(driver, 'import-report', 60_000);
}

