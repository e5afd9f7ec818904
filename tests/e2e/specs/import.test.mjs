// The Import page against the real app: a GBK Taobao export typed as a path (preview → import → report →
// history, checked against the fixture's expectations through the laoke CLI), and a generic CSV mapped
// column by column through the mapping editor's Selects, saved as a preset and recognized again; and a
// large generated export, whose progress bar moves with Rust's events and whose Cancel changes nothing.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { By } from 'selenium-webdriver';
import { launchApp, visible, eventually, screenshot, freshDbPath, cli, root, byTestId } from '../harness.mjs';
import { attr, choose, click, importAndReport, openFile } from '../steps.mjs';

const fixtures = join(root, 'tests/fixtures/import');
const expectOf = (name) => JSON.parse(readFileSync(join(fixtures, `${name}.expect.json`), 'utf8'));
const STATS = ['customers', 'buyers', 'orders', 'purchases', 'revenue'];
/** Decimal strings compare by value ("232.9" == "232.90"); counts compare as numbers. */
const same = (a, b) => (typeof b === 'string' ? Number(a) === Number(b) : a === b);

let app;
after(async () => {
  await app?.stop();
});

function assertStats(dbPath, expected) {
  const stats = cli(dbPath, 'stats');
  for (const key of STATS) assert.ok(same(stats[key], expected[key]), `stats.${key}: ${stats[key]} ≠ ${expected[key]}`);
}

test('broken rows in the Chinese UI: every rejected row says why in Chinese, from its code', async () => {
  const name = 'taobao_row_rejects';
  const expected = expectOf(name);
  const dbPath = freshDbPath('import-rejects');
  cli(dbPath, 'settings', '--set', 'language=zh-CN');
  app = await launchApp({ dbPath });
  const { driver } = app;
  await click(driver, 'welcome-import');
  await visible(driver, 'page-import');
  await openFile(driver, join(fixtures, `${name}.csv`));
  await eventually(driver, async () => (await attr(driver, 'import-format', 'data-value')) === expected.format, 'format');
  await importAndReport(driver);
  assert.equal(Number(await attr(driver, 'import-report-rejected-count', 'data-value')), expected.rejected.length);
  const reasons = await driver.findElements(By.css('[data-testid="import-report-rejected"] [data-code]'));
  assert.equal(reasons.length, expected.rejected.length);
  const codes = await Promise.all(reasons.map((r) => r.getAttribute('data-code')));
  assert.deepEqual(codes, expected.rejected.map((r) => r.code));
  for (const r of reasons) {
    const text = await r.getText();
    assert.match(text, /[\u4e00-\u9fff]/, `a Chinese reason: ${text}`);
    assert.doesNotMatch(text, /cannot|missing|negative|amount|quantity/i, `no English: ${text}`);
  }
  assert.match(await reasons[0].getText(), /“2021-02-30 10:00:30”不是有效的日期时间/);
  await driver.executeScript('arguments[0].scrollIntoView({block: "center"})', reasons[0]);
  await screenshot(app, 'import-rejected-rows-zh');
  await app.stop();
  app = undefined;
});

test('a damaged byte: the preview names its line in Chinese, and the file imports with it replaced', async () => {
  const dbPath = freshDbPath('import-damaged');
  cli(dbPath, 'settings', '--set', 'language=zh-CN');
  app = await launchApp({ dbPath });
  const { driver } = app;
  await click(driver, 'welcome-import');
  await visible(driver, 'page-import');
  await openFile(driver, join(fixtures, 'broken/damaged_gbk.csv'));
  const refused = await visible(driver, 'import-preview-error');
  assert.match(await refused.getText(), /第 3 行（第 1142 字节处）有无法按 gb18030 读出的字节/);
  await screenshot(app, 'import-damaged-byte-zh');
  await click(driver, 'import-preview-replace');
  await eventually(driver, async () => (await attr(driver, 'import-format', 'data-value')) === 'taobao_orders', 'format');
  await importAndReport(driver);
  const replaced = await visible(driver, 'import-report-replaced');
  assert.equal(await replaced.getAttribute('data-count'), '1');
  assert.match(await replaced.getText(), /已替换为 � 后导入/);
  assert.equal(cli(dbPath, 'stats').orders, 3);
  await app.stop();
  app = undefined;
});

test('a Taobao export: preview shows format and encoding, import matches the expected archive, history lists it', async () => {
  const name = 'taobao_a_2018';
  const expected = expectOf(name);
  const dbPath = freshDbPath('import-taobao');
  cli(dbPath, 'settings', '--set', 'language=zh-CN'); // the seller's language: the screenshots show the Chinese UI
  app = await launchApp({ dbPath });
  const { driver } = app;
  await click(driver, 'welcome-import');
  await visible(driver, 'page-import');
  await openFile(driver, join(fixtures, `${name}.csv`));

  await eventually(driver, async () => (await attr(driver, 'import-format', 'data-value')) === expected.format, 'format');
  assert.equal(await attr(driver, 'import-encoding', 'data-value'), expected.encoding);
  assert.equal(Number(await attr(driver, 'import-preview-orders', 'data-count')), expected.orders);
  assert.equal(Number(await attr(driver, 'import-preview-rejected', 'data-count')), expected.rejected.length);
  const orders = await visible(driver, 'import-preview-orders');
  assert.match(await orders.getText(), new RegExp(expected.orders_detail[0].order_id));
  await screenshot(app, 'import-preview');

  const report = await importAndReport(driver);
  assert.equal(Number(await attr(driver, 'import-report-orders_new', 'data-value')), expected.orders);
  assert.equal(Number(await attr(driver, 'import-report-rows', 'data-value')), expected.rows);
  assert.equal(Number(await attr(driver, 'import-report-customers_new', 'data-value')), expected.customers);
  assert.equal(await report.getAttribute('data-error'), '');
  assertStats(dbPath, expected.stats);

  const history = await visible(driver, 'import-history');
  await eventually(driver, async () => (await history.getText()).includes(`${name}.csv`), 'the history lists the batch');
  await screenshot(app, 'import-report');
  await app.stop();
  app = undefined;
});

test('a generic CSV: map its columns through the Selects, preview, save a preset, import', async () => {
  const name = 'generic_ddmmyyyy';
  const expected = expectOf(name);
  const dbPath = freshDbPath('import-generic');
  cli(dbPath, 'settings', '--set', `timezone=${expected.timezone}`, '--set', 'language=en-US');
  app = await launchApp({ dbPath });
  const { driver } = app;
  await click(driver, 'welcome-skip');
  await click(driver, 'nav-import');
  const file = join(fixtures, `${name}.csv`);
  await openFile(driver, file);

  await visible(driver, 'mapping-editor');
  assert.equal(await attr(driver, 'import-format', 'data-value'), '');
  assert.equal(await (await visible(driver, 'import-run')).isEnabled(), false);
  for (const [field, header] of Object.entries(expected.mapping.columns)) await choose(driver, `mapping-field-${field}`, header);
  await choose(driver, 'mapping-date-format', `(${expected.mapping.date_format})`, '$=');
  await (await visible(driver, 'mapping-preset-name')).sendKeys('Web shop export');
  await click(driver, 'mapping-preset-save');
  await screenshot(app, 'import-mapping');

  await click(driver, 'mapping-apply');
  await eventually(driver, async () => (await attr(driver, 'import-format', 'data-value')) === 'generic', 'generic preview');
  assert.equal(Number(await attr(driver, 'import-preview-orders', 'data-count')), expected.orders);
  assert.equal(Number(await attr(driver, 'import-preview-rejected', 'data-count')), 0);

  await importAndReport(driver);
  assert.equal(Number(await attr(driver, 'import-report-orders_new', 'data-value')), expected.orders);
  assert.equal(cli(dbPath, 'stats').orders, expected.orders);
  assertStats(dbPath, expected.stats);

  // The saved preset is found by the header the next time this file is chosen.
  await openFile(driver, file);
  const preset = await visible(driver, 'import-preset');
  assert.match(await preset.getText(), /Web shop export/);
  assert.equal(await attr(driver, 'import-format', 'data-value'), 'generic');
  await screenshot(app, 'import-preset');
  await app.stop();
  app = undefined;
});

test('a large export shows progress from Rust, and Cancel leaves the archive unchanged', async (t) => {
  const big = join(dirname(freshDbPath('import-big')), 'big_taobao.csv');
  writeLargeTaobao(big, 300_000);
  t.after(() => rmSync(big, { force: true }));
  const dbPath = freshDbPath('import-cancel');
  app = await launchApp({ dbPath });
  const { driver } = app;
  await click(driver, 'welcome-import');
  await openFile(driver, big);
  await eventually(driver, async () => (await attr(driver, 'import-format', 'data-value')) === 'taobao_orders', 'format');
  await click(driver, 'import-run');
  const progress = await visible(driver, 'import-progress');
  const moving = await eventually(driver, async () => {
    if ((await driver.findElements(byTestId('import-report'))).length > 0) return 'finished';
    return Number(await progress.getAttribute('data-percent')) > 0 ? 'moving' : false;
  }, 'the progress bar moves', 60_000);
  if (moving === 'finished') return t.skip('the import finished before it could be cancelled');
  // Cancel at once: the import takes a few seconds, and a screenshot's pause could outlast it.
  await click(driver, 'import-cancel');
  const report = await visible(driver, 'import-report', 60_000);
  if ((await report.getAttribute('data-error')) !== 'cancelled') return t.skip('the import finished before Cancel reached it');
  await visible(driver, 'import-cancelled');
  assert.equal(cli(dbPath, 'stats').orders, 0, 'a cancelled import changes nothing');
  await screenshot(app, 'import-cancelled');
});

/** A GB18030 Taobao export of `rows` orders: the rows of taobao_a_2018.csv repeated with fresh order numbers. */
function writeLargeTaobao(path, rows) {
  // latin1 keeps every byte as is: the GBK text passes through untouched, the ASCII order numbers are rewritten.
  const [header, ...lines] = readFileSync(join(fixtures, 'taobao_a_2018.csv'), 'latin1').split(/\r?\n/).filter(Boolean);
  const out = [header];
  for (let n = 1; n <= rows; n++) out.push(lines[n % lines.length].replace('3561284470123456', String(n).padStart(16, '0')));
  writeFileSync(path, Buffer.from(`${out.join('\r\n')}\r\n`, 'latin1'));
}
