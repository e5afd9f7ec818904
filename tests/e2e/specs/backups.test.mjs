// Backups in the real app: a bulk change made from the command line took a backup first; the
// Settings page lists it, shows what it holds before restoring, and the restore brings the
// archive back to it (the tags are gone again). Screenshots of the Backups and Export cards.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { By } from 'selenium-webdriver';
import { launchApp, visible, eventually, screenshot, freshDbPath, cli } from '../harness.mjs';
import { click } from '../steps.mjs';

const dbPath = freshDbPath('backups');
let app;
after(async () => {
  await app?.stop();
});

test('a backup taken before a bulk change is previewed and restored from Settings', async () => {
  cli(dbPath, 'demo', '--customers', '200', '--seed', '5');
  const tagged = cli(dbPath, 'customers', 'bulk', '--tag', 'VIP');
  assert.equal(tagged.customers, 200);
  const [before] = cli(dbPath, 'backup', 'list').backups;
  assert.ok(before, 'the bulk change took a backup');

  app = await launchApp({ dbPath });
  const { driver } = app;
  await click(driver, 'nav-settings');
  const card = await visible(driver, 'settings-backups');
  await driver.executeScript('arguments[0].scrollIntoView()', card);
  const restore = await visible(driver, `backup-restore-${before.name}`);
  await click(driver, restore);
  const counts = await visible(driver, 'backup-preview-counts');
  await eventually(driver, async () => /200/.test(await counts.getText()), 'the preview counts 200 customers');
  await screenshot(app, 'backups-restore-preview');
  assert.equal(cli(dbPath, 'info').counts.customer_tags, 200, 'nothing changes before the restore is confirmed');
  await click(driver, 'backup-restore-confirm');
  await eventually(driver, async () => cli(dbPath, 'info').counts.customer_tags === 0, 'the tags are gone again');
  assert.equal(cli(dbPath, 'info').counts.customers, 200);
  const names = cli(dbPath, 'backup', 'list').backups.map((b) => b.name);
  assert.ok(names.length >= 2, 'the state before the restore was backed up too');

  const exportCard = await visible(driver, 'settings-export');
  await driver.executeScript('arguments[0].scrollIntoView()', exportCard);
  await screenshot(app, 'backups-export-cards');
  assert.ok((await driver.findElements(By.css('[data-testid="backup-row"]'))).length >= 2);
});
