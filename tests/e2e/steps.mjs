// Steps the end-to-end tests share: a day in the shop's time zone, clicking once nothing covers an element, typing
// into an antd input, typing a path, picking in an antd Select, importing.
import { By, Key } from 'selenium-webdriver';
import { visible, eventually } from './harness.mjs';

export const attr = async (driver, id, name) => (await visible(driver, id)).getAttribute(name);

export async function openFile(driver, path) {
  const input = await visible(driver, 'import-path');
  await input.sendKeys(path);
  await click(driver, 'import-path-open');
}

const OPEN_DROPDOWN = '.ant-select-dropdown:not(.ant-select-dropdown-hidden)';

/** Opens the antd Select with data-testid `id` and clicks the option titled `title` in the open dropdown. */
export async function choose(driver, id, title, match = '=') {
  await click(driver, id);
  const css = `${OPEN_DROPDOWN} .ant-select-item-option[title${match}"${title}"]`;
  const option = await eventually(driver, async () => {
    for (const el of await driver.findElements(By.css(css))) if (await el.isDisplayed()) return el;
    return false;
  }, `option ${title} of ${id}`, 10_000);
  await click(driver, option);
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
  await click(driver, 'import-run');
  return visible(driver, 'import-report', 60_000);
}


/** A day in the shop's time zone (the archive's default, Asia/Shanghai), `offset` days from today. */
export function shopDay(offset) {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(new Date(Date.now() + offset * 86_400_000));
  const part = (type) => parts.find((p) => p.type === type).value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The input inside (or at) the element with data-testid `id`. */
export async function inputOf(driver, id) {
  const el = await visible(driver, id);
  return (await el.getTagName()) === 'input' || (await el.getTagName()) === 'textarea' ? el : el.findElement(By.css('input, textarea'));
}

/**
 * Whether the element stands still: its box is the same twice, 60 ms apart. WebDriver measures where to click and
 * then clicks there, so a click on a drawer that is still sliding in lands beside the element, on whatever has
 * moved under that point, and no error says so.
 */
const STILL = `const [el, done] = arguments;
  const box = () => JSON.stringify(el.getBoundingClientRect());
  const first = box();
  setTimeout(() => done(box() === first), 60);`;

/** Clicks once the element stands still and nothing covers it any more (a drawer or a message sliding in or out). */
export async function click(driver, idOrElement) {
  const el = typeof idOrElement === 'string' ? await visible(driver, idOrElement) : idOrElement;
  let last;
  await eventually(driver, async () => {
    try {
      // Into the middle of the view: a drawer's footer covers the bottom of its body.
      await driver.executeScript('arguments[0].scrollIntoView({block: "center"})', el);
      if (!(await driver.executeAsyncScript(STILL, el))) {
        last = { name: 'StillMoving', message: 'the element kept moving' };
        return false;
      }
      await el.click();
      return true;
    } catch (e) {
      last = e;
      return false;
    }
  }, `click ${typeof idOrElement === 'string' ? idOrElement : 'element'}`, 15_000).catch(async (e) => {
    const over = await driver.executeScript(`const r = arguments[0].getBoundingClientRect();
      const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      return JSON.stringify(r) + ' ' + (top ? top.outerHTML.slice(0, 200) : 'nothing');`, el).catch(() => '');
    throw new Error(`${e.message}: ${last?.name} ${last?.message ?? ''}; on top: ${over}`);
  });
}

/**
 * Opens the antd tab whose label carries data-testid `id`, and waits until it is the active one; a click that did not
 * open it (the tab bar rendered again as it landed) is made again.
 */
export async function openTab(driver, id) {
  const active = async () => driver.executeScript(
    `return !!document.querySelector('[data-testid="${id}"]')?.closest('.ant-tabs-tab')?.classList.contains('ant-tabs-tab-active')`);
  await eventually(driver, async () => {
    if (await active()) return true;
    await click(driver, id);
    return eventually(driver, active, `tab ${id} opens`, 2_000).catch(() => false);
  }, `tab ${id} opens`, 20_000);
}

export async function typeInto(driver, id, text, { clear = true } = {}) {
  const input = await inputOf(driver, id);
  await click(driver, input);
  if (clear) await input.sendKeys(Key.chord(Key.CONTROL, 'a'), Key.BACK_SPACE);
  await input.sendKeys(text);
}

