// Activities and coupons in the real app: a guess-the-price activity planned on a day of the month, dragged to the
// next day (the archive has it there, its checklist moved with it), a step ticked, its results entered and its ROI
// shown as the CLI counts it from the imported orders; a coupon plan whose estimated cost shows before it is saved,
// as `laoke coupons estimate` gives it. Screenshots of both pages in Chinese and in English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { By } from 'selenium-webdriver';
import { launchApp, visible, eventually, screenshot, cli, byTestId, freshDbPath } from '../harness.mjs';
import { choose, click, shopDay, typeInto } from '../steps.mjs';

const TITLE = '猜价格 · e2e新品';
let app;
let dbPath;
// Two days of one month, before today: the activity is planned on `from` and dragged to `to`.
const [from, to, back] = Number(shopDay(0).slice(8)) >= 3 ? [shopDay(-2), shopDay(-1), 0] : [shopDay(-5), shopDay(-4), 1];

before(async () => {
  dbPath = freshDbPath('activities');
  cli(dbPath, 'demo', '--customers', '300', '--seed', '9');
  cli(dbPath, 'settings', '--set', 'language=zh-CN', '--set', 'theme=light', '--set', 'shop_name=小鱼手作');
  // A purchase the evening of `to`, after the slot opens (18:30): the activity's results count it.
  const csv = join(dirname(dbPath), 'evening.csv');
  writeFileSync(csv, '订单编号,买家会员名,买家实际支付金额,订单状态,订单创建时间,订单付款时间,宝贝标题,宝贝总数量,退款金额\n'
    + `e2e-9001,e2e茶友,288,交易成功,${to} 20:30:00,${to} 20:31:00,手作茶盏,1,0\n`);
  cli(dbPath, 'import', csv);
  app = await launchApp({ dbPath });
});
after(async () => {
  await app?.stop();
});

/** Closes the activity editor if saving left it open, and waits until it has gone. */
async function closeEditor(driver) {
  const open = async () => (await driver.findElements(By.css('.ant-drawer-open [data-testid="activity-close"]'))).length > 0;
  if (await open()) await click(driver, 'activity-close');
  await eventually(driver, async () => !(await open()), 'the editor closes', 20_000);
}

/** The title of the activity card on `day` (its text content: the card ellipsizes it). */
async function titleOn(driver, day) {
  const el = await driver.findElement(By.css(`[data-testid="activity-day-${day}"] [data-testid="activity-card-title"]`));
  return driver.executeScript('return arguments[0].textContent', el);
}

const listed = (month) => cli(dbPath, 'activities', 'list', '--month', month);

/** Fires the HTML5 drag-and-drop events a person's drag would (WebDriver's pointer actions do not start one in WebKit). */
async function dragTo(driver, card, cell) {
  await driver.executeScript(`const [card, cell] = arguments;
    const data = new DataTransfer();
    const fire = (el, type) => el.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
    fire(card, 'dragstart'); fire(cell, 'dragenter'); fire(cell, 'dragover'); fire(cell, 'drop'); fire(card, 'dragend');`, card, cell);
}

test('a guess-the-price activity is planned, dragged to the next day, a step ticked, its results give ROI', async () => {
  const { driver } = app;
  await visible(driver, 'nav-activities', 60_000);
  await click(driver, 'nav-activities');
  await visible(driver, 'activity-calendar');
  if (back) await click(driver, 'activity-prev');
  await visible(driver, `activity-day-${from}`);
  // The day's "+" shows on hover; a click on it is what a person does.
  await driver.executeScript('arguments[0].click()', await driver.findElement(byTestId(`activity-add-${from}`)));
  await visible(driver, 'activity-new-modal');
  await choose(driver, 'activity-new-type', '猜价格');
  await click(driver, await driver.findElement(By.css('[data-testid="activity-new-ok"]')));
  await visible(driver, 'activity-editor');
  await typeInto(driver, 'activity-title', TITLE);
  const save = await visible(driver, 'activity-save');
  await eventually(driver, async () => save.isEnabled(), 'Rust accepts the activity', 20_000);
  await click(driver, save);
  const month = from.slice(0, 7);
  const saved = await eventually(driver, async () => listed(month).find((v) => v.activity.title === TITLE), 'the activity is saved');
  assert.equal(saved.activity.date, from);
  assert.equal(saved.activity.type, 'guess_price');
  assert.equal(saved.steps[0].kind, 'pre_announce');
  await closeEditor(driver);
  const card = await visible(driver, 'activity-card');
  assert.equal(await card.getAttribute('data-date'), from);
  await eventually(driver, async () => (await titleOn(driver, from)) === TITLE, 'the card shows on its day');

  await dragTo(driver, card, await visible(driver, `activity-day-${to}`));
  const moved = await eventually(driver, async () => {
    const v = listed(month).find((x) => x.id === saved.id);
    return v?.activity.date === to ? v : false;
  }, 'the archive has the activity on the day it was dropped on');
  // The checklist is relative: its first step moved a day too.
  assert.equal(Date.parse(moved.steps[0].due) - Date.parse(saved.steps[0].due), 86_400_000);
  await eventually(driver, async () => (await titleOn(driver, to)) === TITLE, 'the card is on the new day');
  await screenshot(app, 'activities-month-zh-light');

  await click(driver, await driver.findElement(By.css(`[data-testid="activity-card"][data-activity-id="${saved.id}"]`)));
  await visible(driver, 'activity-editor');
  // antd hides a checkbox's <input> under its drawn box: a click on it is the box's click.
  const tick = await eventually(driver, async () => (await driver.findElements(byTestId('step-0')))[0], 'the checklist');
  await eventually(driver, async () => tick.isEnabled(), 'the step can be ticked');
  await driver.executeScript('arguments[0].click()', tick);
  await eventually(driver, async () => listed(month).find((x) => x.id === saved.id)?.steps[0].done === true, 'step 0 is ticked');
  await typeInto(driver, 'activity-participants', '42');
  await typeInto(driver, 'activity-new-members', '7');
  await click(driver, 'activity-results-save');
  const roi = await visible(driver, 'activity-roi', 30_000);
  const results = await eventually(driver, async () => listed(month).find((x) => x.id === saved.id)?.results, 'the results are saved');
  assert.equal(results.participants, 42);
  assert.equal(results.new_members, 7);
  assert.ok(results.orders >= 1, 'the evening purchase counts');
  assert.equal(results.cost, '88.00');
  await eventually(driver, async () => (await roi.getAttribute('data-value')) === results.roi, `ROI ${results.roi} shown`);
  await screenshot(app, 'activities-editor-zh-light');
  await closeEditor(driver);
});

test('a coupon plan shows its estimated cost before it is saved, as the CLI estimates it', async () => {
  const { driver } = app;
  await click(driver, 'nav-coupons');
  await click(driver, 'coupon-new');
  await visible(driver, 'coupon-editor');
  await typeInto(driver, 'coupon-name', '老客回馈e2e');
  await typeInto(driver, 'coupon-threshold', '199');
  await typeInto(driver, 'coupon-amount', '20');
  await typeInto(driver, 'coupon-quantity', '100');
  const plan = { name: '老客回馈e2e', kind: 'amount_off', threshold: '199', amount: '20', quantity: 100,
    valid_from: shopDay(0), valid_to: shopDay(0), target: null };
  const file = join(dirname(dbPath), 'plan.json');
  writeFileSync(file, JSON.stringify(plan));
  const expected = cli(dbPath, 'coupons', 'estimate', '--plan', file);
  assert.equal(expected.handed_out, 100);
  const estimate = await visible(driver, 'coupon-estimate', 30_000);
  await eventually(driver, async () => {
    const text = await estimate.getText();
    return ['cost_low', 'cost_expected', 'cost_high'].every((k) => text.includes(Number(expected[k]).toLocaleString('zh-CN', { minimumFractionDigits: 2 })));
  }, `the estimate shows ${expected.cost_low} – ${expected.cost_expected} – ${expected.cost_high}`);
  assert.equal(await (await visible(driver, 'coupon-target-size')).getText(), String(expected.target_size));
  await screenshot(app, 'coupons-estimate-zh-light');
  await click(driver, 'coupon-save');
  await eventually(driver, async () => cli(dbPath, 'coupons', 'list').some((v) => v.plan.name === '老客回馈e2e'), 'the plan is saved');
  await visible(driver, 'coupon-row');
});

test('a plan without a code shows the redemptions the imported orders match, and takes them over as results', async () => {
  const { driver } = app;
  // The demo shop's exports name no code but the shop's 满200减20 discount: the last year's orders that got it.
  const plan = { name: '满200减20e2e', kind: 'amount_off', threshold: '200', amount: '20', quantity: 1000,
    valid_from: shopDay(-365), valid_to: shopDay(0), target: null };
  const file = join(dirname(dbPath), 'matched.json');
  writeFileSync(file, JSON.stringify(plan));
  const { id } = cli(dbPath, 'coupons', 'add', '--plan', file);
  const listedPlan = () => cli(dbPath, 'coupons', 'list').find((v) => v.id === id);
  const matched = listedPlan().matched;
  assert.ok(matched && matched.redeemed > 0 && matched.by_offer === matched.redeemed, JSON.stringify(matched));
  await driver.navigate().refresh();
  await visible(driver, 'nav-coupons', 60_000);
  await click(driver, 'nav-coupons');
  const block = await visible(driver, 'coupon-matched-redeemed', 30_000);
  assert.equal(await block.getAttribute('data-value'), String(matched.redeemed));
  await screenshot(app, 'coupons-matched-zh-light');
  await click(driver, `coupon-use-matched-${id}`);
  await eventually(driver, async () => listedPlan().results?.source === 'orders', 'the matched redemptions are the results');
  assert.equal(listedPlan().results.redeemed, matched.redeemed);
});

test('both pages in English', async () => {
  const { driver } = app;
  cli(dbPath, 'settings', '--set', 'language=en-US');
  await driver.navigate().refresh();
  await visible(driver, 'nav-activities', 60_000);
  await click(driver, 'nav-activities');
  if (back) await click(driver, 'activity-prev');
  await eventually(driver, async () => (await (await visible(driver, 'activity-period')).getText()).match(/[A-Za-z]/), 'the month in English');
  await visible(driver, 'activity-card');
  await screenshot(app, 'activities-month-en-light');
  await click(driver, 'nav-coupons');
  await visible(driver, 'coupon-row');
  await screenshot(app, 'coupons-en-light');
});
