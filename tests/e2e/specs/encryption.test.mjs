// The encrypted archive in the real app: encryption turned on from Settings (passphrase twice, the warning that a lost
// one cannot be recovered acknowledged) leaves a file with no customer data readable and that the CLI cannot open
// without the passphrase; the next start shows only the unlock screen (Chinese and English), a wrong passphrase is
// refused, the right one opens the shop; encryption turned off again. Screenshots of each step.
// The unlock screen cannot read the language setting (it is inside the archive): it offers both.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { By } from 'selenium-webdriver';
import { launchApp, visible, eventually, screenshot, freshDbPath, cli, cliBinary } from '../harness.mjs';
import { click, typeInto } from '../steps.mjs';

const PASSPHRASE = '小鱼手作 2026 spring';
const dbPath = freshDbPath('encrypted');
let app;
after(async () => {
  await app?.stop();
});

/** `laoke encrypt` with the passphrase: "encrypted", or the error's code. */
function encrypt() {
  const env = { ...process.env, LAOKE_PASSPHRASE: PASSPHRASE };
  try {
    execFileSync(cliBinary, ['--db', dbPath, 'encrypt', '--json'], { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] });
    return 'encrypted';
  } catch (e) {
    return JSON.parse(e.stdout).error.code;
  }
}

/** `laoke info` with or without the passphrase: the document, or the error's code. */
function info(passphrase) {
  const env = { ...process.env, LAOKE_PASSPHRASE: passphrase ?? '' };
  try {
    return JSON.parse(execFileSync(cliBinary, ['--db', dbPath, 'info', '--json'], { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] }));
  } catch (e) {
    return JSON.parse(e.stdout).error.code;
  }
}

test('encryption is turned on in Settings, the next start asks for the passphrase, and it is turned off again', async () => {
  cli(dbPath, 'demo', '--customers', '150', '--seed', '9');
  cli(dbPath, 'settings', '--set', 'language=en-US', '--set', 'theme=light');
  const nicks = cli(dbPath, 'customers', '--limit', '20').customers.map((c) => c.nick).filter((n) => n && n.length >= 3);
  assert.ok(nicks.length >= 10);

  app = await launchApp({ dbPath });
  let { driver } = app;
  await click(driver, 'nav-settings');
  const card = await visible(driver, 'encryption-card');
  await driver.executeScript('arguments[0].scrollIntoView()', card);
  assert.equal(await (await visible(driver, 'encryption-state')).getAttribute('data-encrypted'), 'false');
  await click(driver, 'encryption-enable');
  await visible(driver, 'encryption-warning');
  await typeInto(driver, 'encryption-next', PASSPHRASE);
  await typeInto(driver, 'encryption-confirm', PASSPHRASE);
  // antd hides the checkbox's own input; its label is what a person clicks.
  await click(driver, await driver.findElement(By.xpath('//input[@data-testid="encryption-understood"]/ancestor::label')));
  await screenshot(app, 'encryption-enable');
  await click(driver, 'encryption-ok');
  await eventually(driver, async () => (await (await visible(driver, 'encryption-state')).getAttribute('data-encrypted')) === 'true',
    'the card says encrypted');
  await screenshot(app, 'encryption-on');

  const bytes = readFileSync(dbPath);
  assert.notEqual(bytes.subarray(0, 15).toString('latin1'), 'SQLite format 3', 'no SQLite header: the file is encrypted');
  for (const nick of nicks) assert.equal(bytes.indexOf(Buffer.from(nick)), -1, `"${nick}" is not readable in the file`);
  assert.equal(info(), 'db.locked');
  assert.equal(info(PASSPHRASE).counts.customers, 150);
  await app.stop();

  // The next start: only the unlock screen, in either language (the language setting is inside the archive).
  app = await launchApp({ dbPath });
  ({ driver } = app);
  const screen = await visible(driver, 'unlock-screen');
  assert.match(await screen.getText(), /The customer archive is encrypted/);
  assert.equal((await driver.findElements(By.css('[data-testid="nav-settings"]'))).length, 0, 'nothing of the app behind it');
  await click(driver, await driver.findElement(By.xpath('//*[@data-testid="unlock-language"]//*[text()="中文"]')));
  await eventually(driver, async () => /客户档案已加密/.test(await screen.getText()), 'the screen in Chinese');
  assert.match(await (await visible(driver, 'unlock-brand')).getText(), /老客\s*Laoke/);
  await screenshot(app, 'encryption-unlock-zh');
  await typeInto(driver, 'unlock-passphrase', 'not the passphrase');
  await click(driver, 'unlock-submit');
  const error = await visible(driver, 'unlock-error');
  assert.equal(await error.getAttribute('data-code'), 'db.passphrase_wrong');
  await screenshot(app, 'encryption-unlock-wrong');
  await typeInto(driver, 'unlock-passphrase', PASSPHRASE);
  await click(driver, 'unlock-submit');
  await click(driver, 'nav-customers');
  const total = await visible(driver, 'customers-total');
  await eventually(driver, async () => /150/.test(await total.getText()), 'the list shows the 150 customers');

  // Turned off again with the passphrase: a plain file the CLI opens without one.
  await click(driver, 'nav-settings');
  await driver.executeScript('arguments[0].scrollIntoView()', await visible(driver, 'encryption-card'));
  await click(driver, 'encryption-disable');
  await typeInto(driver, 'encryption-current', PASSPHRASE);
  await click(driver, 'encryption-ok');
  await eventually(driver, async () => (await (await visible(driver, 'encryption-state')).getAttribute('data-encrypted')) === 'false',
    'the card says not encrypted');
  assert.equal(readFileSync(dbPath).subarray(0, 15).toString('latin1'), 'SQLite format 3');
  assert.equal(info().counts.customers, 150);
  // While the app runs, the command line may not replace the file under it.
  assert.equal(encrypt(), 'db.in_use');
  assert.equal(readFileSync(dbPath).subarray(0, 15).toString('latin1'), 'SQLite format 3');
  await app.stop();

  // Encrypted again from the command line once the app has quit (its claim goes with its process, a moment after
  // the session ends): the app starts on the unlock screen, in English here.
  let answer;
  for (let tries = 0; tries < 50 && (answer = encrypt()) === 'db.in_use'; tries++) await new Promise((r) => setTimeout(r, 200));
  assert.equal(answer, 'encrypted', 'laoke encrypt once the app has quit');
  app = await launchApp({ dbPath });
  ({ driver } = app);
  const en = await visible(driver, 'unlock-screen');
  assert.match(await en.getText(), /The customer archive is encrypted/);
  await screenshot(app, 'encryption-unlock-en');
});
