// Membership tiers in the real app: raise a tier's entry value, watch the preview change to what
// `laoke tiers preview` promises for the same ladder, apply it, and see a moved customer's badge change
// in the customer list and in the profile.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { By, Key } from 'selenium-webdriver';
import { launchApp, visible, eventually, screenshot, cli, byTestId, freshDbPath } from '../harness.mjs';
import { click } from '../steps.mjs';

const ladder = (silverMin) => ({
  window: 'lifetime', review: 'yearly', grace_days: 30,
  tiers: [
    { name: '铜卡', min_value: '1', min_purchases: null, combine: 'or', discount: '0.98', benefits: '会员价', color: '#8c6d46' },
    { name: '银卡', min_value: silverMin, min_purchases: 2, combine: 'and', discount: '0.95', benefits: '包邮', color: '#1677ff' },
    { name: '金卡', min_value: '3000', min_purchases: 8, combine: 'or', discount: '0.9', benefits: '生日礼', color: '#d4a017' },
  ],
});

let app;
let mover;
let promised;
before(async () => {
  const dbPath = freshDbPath('tiers');
  cli(dbPath, 'demo', '--customers', '2000', '--seed', '4');
  const saved = `${dbPath}.ladder.json`;
  writeFileSync(saved, JSON.stringify(ladder('500')));
  cli(dbPath, 'tiers', 'apply', '--ladder', saved);
  // What the CLI promises for the edit the test makes in the UI, and a customer it moves down.
  const edited = `${dbPath}.edited.json`;
  writeFileSync(edited, JSON.stringify(ladder('1200')));
  promised = cli(dbPath, 'tiers', 'preview', '--ladder', edited);
  const movers = cli(dbPath, 'tiers', 'movers', '--ladder', edited, '--direction', 'down', '--tier', '铜卡', '--limit', '1');
  assert.ok(movers.total > 0, 'the edit moves someone down');
  mover = movers.customers[0];
  app = await launchApp({ dbPath });
});
after(async () => {
  await app?.stop();
});

async function badgeOf(buyerId) {
  await click(app.driver, 'nav-customers');
  const search = await visible(app.driver, 'customers-search');
  const input = (await search.getTagName()) === 'input' ? search : await search.findElement(By.css('input'));
  // The page starts with an empty search each time it is opened.
  await input.sendKeys(buyerId);
  const total = await visible(app.driver, 'customers-total');
  await eventually(app.driver, async () => (await total.getAttribute('data-total')) === '1', `one customer ${buyerId}`)
    .catch(async (e) => { await screenshot(app, 'tiers-debug'); throw new Error(`${e.message}; search box: ${await input.getAttribute('value')}`); });
  const badge = await app.driver.wait(async () => {
    const rows = await app.driver.findElements(byTestId('customer-row'));
    if (rows.length !== 1 || !(await rows[0].getText()).includes(buyerId)) return null;
    return (await rows[0].findElements(byTestId('tier-badge')))[0] ?? null;
  }, 20_000, `the tier badge of ${buyerId}`);
  return { tier: await badge.getAttribute('data-tier'), color: await badge.getAttribute('data-color') };
}

test('the list shows each customer\'s tier badge in the ladder colour', async () => {
  const before = await badgeOf(mover.buyer_id);
  assert.deepEqual(before, { tier: '银卡', color: '#1677ff' });
  await screenshot(app, 'tiers-badge-before');
});

test('editing a threshold previews what the CLI promises, and applying it changes the badges', async () => {
  await click(app.driver, 'nav-tiers');
  await visible(app.driver, 'tiers-editor');
  await eventually(app.driver, async () => (await app.driver.findElements(byTestId('tier-row'))).length === 3, 'three tiers');
  const silver = (await app.driver.findElements(byTestId('tier-row')))[1];
  const minValue = await silver.findElement(By.css('[data-testid="tier-min-value"] input, input[data-testid="tier-min-value"]'));
  await click(app.driver, minValue);
  await minValue.sendKeys(Key.END, ...Array(8).fill(Key.BACK_SPACE), '1200');

  // The preview counts the edited ladder exactly as the CLI does.
  const preview = await visible(app.driver, 'tiers-preview', 30_000);
  await eventually(app.driver, async () => {
    if ((await preview.getAttribute('aria-busy')) === 'true') return false;
    const rows = await preview.findElements(byTestId('tiers-preview-row'));
    for (const t of promised.tiers) {
      const row = await findRow(rows, t.name);
      if (!row || (await row.getAttribute('data-after')) !== String(t.customers)) return false;
      if ((await row.getAttribute('data-now')) !== String(t.customers_now)) return false;
    }
    return true;
  }, 'the preview shows the CLI\'s counts');
  await screenshot(app, 'tiers-preview');

  // The ↓ count of 铜卡 opens who moves down, the CLI's mover among them.
  const bronze = await findRow(await preview.findElements(byTestId('tiers-preview-row')), '铜卡');
  await click(app.driver, await bronze.findElement(byTestId('tiers-preview-down')));
  const modal = await visible(app.driver, 'tiers-movers');
  await eventually(app.driver, async () => (await modal.getText()).includes(mover.nick || mover.buyer_id), 'the mover is listed');
  await screenshot(app, 'tiers-movers');
  await click(app.driver, await modal.findElement(By.css('.ant-modal-close')));
  await eventually(app.driver, async () => (await app.driver.findElements(By.css('.ant-modal-wrap:not([style*="display: none"]) .ant-modal'))).length === 0, 'the list closes');

  assert.equal(cli(app.dbPath, 'tiers', 'show').tiers[1].customers, promised.tiers[1].customers_now, 'nothing saved yet');
  await click(app.driver, 'tiers-apply');
  const confirm = await visible(app.driver, 'tiers-apply-confirm');
  await click(app.driver, confirm);
  await eventually(app.driver, async () => {
    const shown = cli(app.dbPath, 'tiers', 'show');
    return shown.tiers.every((t, i) => t.customers === promised.tiers[i].customers);
  }, 'the saved tiers are what the preview promised');
  await eventually(app.driver, async () => (await app.driver.findElements(byTestId('tiers-history-row'))).length > 0, 'changes listed');
  await screenshot(app, 'tiers-applied');

  const after = await badgeOf(mover.buyer_id);
  assert.deepEqual(after, { tier: '铜卡', color: '#8c6d46' });
  // A script click: the row may sit under the toast that confirmed the apply.
  await app.driver.executeScript('arguments[0].click()', await app.driver.findElement(By.css('[data-testid="customer-row"] strong')));
  const card = await visible(app.driver, 'profile-tier-card');
  await eventually(app.driver, async () => (await card.getText()).includes('银卡 → 铜卡'), 'the profile shows the change');
  await app.driver.executeScript('arguments[0].scrollIntoView({block: "center"})', card);
  await screenshot(app, 'tiers-profile');
});

async function findRow(rows, name) {
  for (const r of rows) if ((await r.getAttribute('data-name')) === name) return r;
  return null;
}
