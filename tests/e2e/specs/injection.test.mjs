// UI injection in the real app: customers imported from a Taobao export whose nicks and item titles hold HTML/JS
// payloads (<img onerror>, <script>, javascript: links, {{…}} template expressions, <svg onload>, <iframe>, <style>),
// bidi and zero-width characters, emoji and 10,000-character strings; tags, a note, the shop's name and a care rule
// (name and template) carry payloads too. On every page visited — the customer list (and a search for a payload),
// a payload customer's profile (tags, notes, orders with their item titles), the Care page (today's messages, the
// rules and the rule editor's preview) and the dashboard — the spec asserts that no payload ran (window.__pwned is
// never set), that no element a payload would make exists (img[src=x], javascript: links, iframes, inline handlers,
// an inline script or style from a payload), that every request the webview made stayed inside the app (its own
// origin and IPC, and never the payload's `x`), that the payloads are shown as the literal text they are, and that
// the page does not scroll sideways (the 10,000-character nick must not blow the layout). Screenshots in Chinese and
// English (looked at when this spec was written).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { By, Key } from 'selenium-webdriver';
import { launchApp, visible, eventually, screenshot, cli, byTestId, freshDbPath, root } from '../harness.mjs';
import { click, openTab, shopDay, typeInto } from '../steps.mjs';

const FIXTURE = join(root, 'tests/fixtures/e2e/taobao_payloads.csv');

// The nicks of tests/fixtures/e2e/taobao_payloads.csv (make_taobao_payloads.py writes it).
const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=2</script>';
const LINK = '<a href="javascript:window.__pwned=3">点我</a>';
const MUSTACHE = "{{constructor.constructor('window.__pwned=4')()}}";
const RTL = '\u202eRTL\u202c 反向文本 tb_abc';
const ZWJ = '零\u200d宽\u200b连\u2060接\ufeff符_👩\u200d👩\u200d👧';
const LONG = ('LongNick_' + 'abcdefghij0123456789'.repeat(500)).slice(0, 10_000);
const SVG = '${7*7}<svg onload=window.__pwned=6>';
const NICKS = [IMG, SCRIPT, LINK, MUSTACHE, RTL, ZWJ, LONG, '"quoted", comma; semi\ttab', SVG];
// Item titles of the first buyer's two orders.
const IMG_TITLES = ['<script>window.__pwned=2</script>限量 手工皂', '<b>粗体</b> & &amp; &lt;i&gt; 回购款'];

// Tags: at most 30 characters each.
const TAGS = ['<img src=x onerror=__pwned=5>', '<script>__pwned=12</script>', 'javascript:__pwned=13', '<b>粗</b>\u202e标签\u202c🎉'];
// The note also points at a server of this spec's own, which counts every request that reaches it.
const note = (server) => `<img src=x onerror="window.__pwned=20"> <img src="${server}/note.png"> <script>window.__pwned=21</script> ` +
  `<a href="javascript:window.__pwned=22">x</a> <div style="background:url(${server}/bg.png)">{{constructor.constructor('window.__pwned=23')()}}</div> ` +
  '\u202e倒序\u202c 零\u200d宽';
let NOTE;
const SHOP = '<img src=x onerror=__pwned=14>小店';
const RULE = '<img src=x onerror=__pwned=8>活动';
const TEMPLATE = '{nick}，<script>window.__pwned=9</script><img src=x onerror="window.__pwned=10"> ' +
  '<a href="javascript:window.__pwned=11">领券</a> {{{{constructor.constructor(\'window.__pwned=15\')()}}}} ' +
  '\u202eRTL\u202c 零\u200d宽 🎉🧧 {shop}';
// What the template renders to ({{ is a literal brace): the payloads must appear as these characters.
const rendered = (nick) => TEMPLATE.replace('{nick}', nick).replace('{shop}', SHOP).replace('{{{{', '{{').replace('}}}}', '}}');

let dbPath;
let app;
let server;
/** The requests that reached this spec's server. */
const hits = [];
/** Every URL the webview fetched, over the whole run (the timing buffer is cleared after each read). */
const urls = new Set();

after(async () => {
  await app?.stop();
  server?.close();
});

before(async () => {
  server = createServer((req, res) => {
    hits.push(req.url);
    res.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  NOTE = note(`http://127.0.0.1:${server.address().port}`);
  dbPath = freshDbPath('injection');
  cli(dbPath, 'settings', '--set', 'language=zh-CN', '--set', 'theme=light', '--set', `shop_name=${SHOP}`);
  const [report] = cli(dbPath, 'import', FIXTURE).files;
  assert.equal(report.format, 'taobao_orders');
  assert.deepEqual(report.rejected, [], 'every payload row imports');
  assert.equal(report.orders_new, 10);
  assert.equal(report.customers_new, NICKS.length);
  // The archive holds the payloads byte for byte, the 10,000 characters too.
  const stored = cli(dbPath, 'customers', '--limit', '50').customers.map((c) => c.nick);
  assert.deepEqual([...stored].sort(), [...NICKS].sort());
  for (const tag of TAGS) assert.equal(cli(dbPath, 'customers', 'bulk', '--tag', tag).customers, NICKS.length);
  const rule = join(dirname(dbPath), 'payload-rule.json');
  writeFileSync(rule, JSON.stringify({
    name: RULE, trigger: { kind: 'campaign', date: shopDay(0) }, channel: 'wangwang', send_at: '09:00', template: TEMPLATE,
  }));
  cli(dbPath, 'care', 'rules', 'add', '--rule', rule);
  const today = cli(dbPath, 'care', 'today').messages;
  assert.equal(today.length, NICKS.length, 'the campaign writes to every payload buyer today');
  assert.equal(today.find((m) => m.text.startsWith(IMG)).text, rendered(IMG));
});

// The app's own origin (tauri://localhost on Linux, http://tauri.localhost elsewhere) and its IPC.
const OWN = /^(tauri:\/\/localhost|https?:\/\/tauri\.localhost|ipc:\/\/localhost|https?:\/\/ipc\.localhost)([/?#]|$)/;

// Runs in the page: what a payload would have left behind, and the requests made since the last look.
const INSPECT = `
  if (!window.__e2eGuard) {
    window.__e2eGuard = true;
    window.__e2eViolations = [];
    performance.setResourceTimingBufferSize(100000);
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__e2eViolations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')));
  }
  const bad = [];
  for (const v of window.__e2eViolations.splice(0)) bad.push('content security policy violated: ' + v);
  const show = (el) => el.outerHTML.slice(0, 160);
  if (window.__pwned !== undefined) bad.push('window.__pwned = ' + String(window.__pwned));
  for (const s of document.querySelectorAll('script')) {
    if (!s.src || /__pwned/.test(s.textContent)) bad.push('inline script: ' + show(s));
  }
  for (const el of document.querySelectorAll(
    'img[src="x"], a[href^="javascript:" i], [src^="javascript:" i], iframe, object, embed, svg[onload], b, svg script')) {
    bad.push('payload element: ' + show(el));
  }
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) if (/^on/i.test(a.name)) bad.push('inline handler ' + a.name + ': ' + show(el));
  }
  for (const s of document.querySelectorAll('style')) if (s.textContent.includes('*{display:none}')) bad.push('payload style');
  const urls = performance.getEntriesByType('resource').map((e) => e.name);
  performance.clearResourceTimings();
  const page = document.scrollingElement;
  return { bad, urls, location: location.href, overflow: page.scrollWidth - page.clientWidth,
    innerWidth: window.innerWidth };
`;

/** Asserts that nothing ran, no payload element exists, no request left the app and the page does not scroll sideways. */
async function inspect(driver, where) {
  const seen = await driver.executeScript(INSPECT);
  for (const u of seen.urls) urls.add(u);
  assert.deepEqual(seen.bad, [], `${where}: a payload took effect`);
  assert.match(seen.location, OWN, `${where}: the webview is still the app`);
  const away = [...urls].filter((u) => !OWN.test(u) || /^[a-z]+:\/\/[^/]+\/x(\?|#|$)/.test(u));
  assert.deepEqual(away, [], `${where}: every request stays inside the app`);
  assert.deepEqual(hits, [], `${where}: nothing reached the server a payload points at`);
  assert.ok(seen.overflow <= 1, `${where}: the page scrolls sideways by ${seen.overflow}px`);
  return seen;
}

/** The element's own width fits the window, and its content does not run out of it sideways. */
async function fits(driver, el, where) {
  const measure = () => driver.executeScript(`const e = arguments[0]; const r = e.getBoundingClientRect();
    return { right: r.right, width: r.width, scroll: e.scrollWidth, client: e.clientWidth, inner: window.innerWidth };`, el);
  // A drawer slides in from the right: measured mid-motion it ends a few pixels past the window.
  let box = await measure();
  for (let i = 0; i < 20 && box.right > box.inner + 1; i += 1) {
    await driver.sleep(100);
    box = await measure();
  }
  assert.ok(box.right <= box.inner + 1, `${where}: ends at ${box.right}px, past the window's ${box.inner}px`);
  assert.ok(box.scroll <= box.client + 1, `${where}: its content is ${box.scroll}px wide in ${box.client}px`);
}

/** The element is inside the window, where a person can reach it. */
async function onScreen(driver, id, where) {
  const box = await driver.executeScript(`const r = arguments[0].getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, height: window.innerHeight };`, await visible(driver, id));
  assert.ok(box.top >= 0 && box.bottom <= box.height, `${where}: at ${Math.round(box.top)}–${Math.round(box.bottom)}px of ${box.height}px`);
}

const textOf = (driver, el) => driver.executeScript('return arguments[0].textContent', el);

async function openCustomers(driver) {
  await click(driver, 'nav-customers');
  await visible(driver, 'page-customers');
}

/** Searches the list for `text` and waits until it shows exactly the `nicks`. */
async function search(driver, text, nicks) {
  await typeInto(driver, 'customers-search', text);
  await eventually(driver, async () => {
    const shown = await driver.executeScript(`return [...document.querySelectorAll('[data-testid="customer-row"] strong')]
      .map((s) => s.textContent)`);
    return JSON.stringify(shown) === JSON.stringify(nicks);
  }, `the search ${JSON.stringify(text.slice(0, 40))} finds ${nicks.length}`);
  assert.equal(await (await visible(driver, 'customers-total')).getAttribute('data-total'), String(nicks.length));
}

/** Opens the profile of the list's first row. */
async function openProfile(driver) {
  await driver.executeScript('document.querySelector(\'[data-testid="customer-row"] strong\').click()');
  return visible(driver, 'profile-drawer');
}

async function closeDrawer(driver) {
  // Escape, not the close button: a header that grew past the window takes its button out of reach.
  await driver.actions().sendKeys(Key.ESCAPE).perform();
  await eventually(driver, async () => (await driver.findElements(By.css('.ant-drawer-open, .ant-drawer-mask-motion-leave'))).length === 0,
    'the drawer closes');
}

test('the app opens on Care; today\'s messages show the payload nicks and template as text', async () => {
  app = await launchApp({ dbPath });
  const { driver } = app;
  await visible(driver, 'care-today', 60_000);
  await inspect(driver, 'care, on opening');
  const shown = await eventually(driver, async () => {
    const els = await driver.findElements(By.css('[data-testid^="care-message-r"]'));
    return els.length === NICKS.length && els;
  }, `the ${NICKS.length} campaign messages are listed`);
  const texts = await Promise.all((await driver.findElements(byTestId('care-message-text'))).map((el) => textOf(driver, el)));
  const nicks = await Promise.all((await driver.findElements(byTestId('care-message-nick'))).map((el) => textOf(driver, el)));
  assert.deepEqual([...nicks].sort(), [...NICKS].sort(), 'every nick is shown as the characters it is');
  for (const nick of NICKS) assert.ok(texts.includes(rendered(nick)), `the message to ${nick.slice(0, 40)} is the literal text`);
  for (const el of shown) await fits(driver, el, 'a care message');
  await inspect(driver, 'care today');
  await screenshot(app, 'injection-care-today');
  // The long buyer's message, scrolled into view, keeps inside its card.
  const long = await driver.findElement(By.xpath(`//*[@data-testid="care-message-nick" and starts-with(., "LongNick_")]`));
  await driver.executeScript('arguments[0].scrollIntoView({block: "center"})', long);
  await inspect(driver, 'care today, scrolled');
  await screenshot(app, 'injection-care-today-long');
});

test('the customer list and a search for a payload show the nicks as text', async () => {
  const { driver } = app;
  await openCustomers(driver);
  const table = await visible(driver, 'customers-table');
  await eventually(driver, async () => (await driver.findElements(byTestId('customer-row'))).length === NICKS.length,
    'every customer is listed');
  const text = await textOf(driver, table);
  for (const nick of NICKS) assert.ok(text.includes(nick), `the list shows ${nick.slice(0, 40)} as text`);
  await fits(driver, table, 'the customer table');
  await inspect(driver, 'customer list');
  await screenshot(app, 'injection-customers');

  // Searching for the markup finds the buyer whose nick it is, and only them.
  await search(driver, '<img src=x', [IMG]);
  await inspect(driver, 'customer search');
  await screenshot(app, 'injection-customers-search');
});

test('a payload customer\'s profile shows tags, a payload note and item titles as text', async () => {
  const { driver } = app;
  await search(driver, '<img src=x', [IMG]);
  const drawer = await openProfile(driver);
  const nick = await visible(driver, 'profile-nick');
  await eventually(driver, async () => (await textOf(driver, nick)) === IMG, 'the header shows the nick as text');
  await inspect(driver, 'profile overview');
  await screenshot(app, 'injection-profile-overview');

  await openTab(driver, 'profile-tab-tags');
  const tags = await visible(driver, 'profile-tags');
  await eventually(driver, async () => (await driver.findElements(byTestId('profile-tag'))).length === TAGS.length, 'every tag chip');
  for (const tag of TAGS) assert.ok((await textOf(driver, tags)).includes(tag), `the chip ${tag} is text`);
  await typeInto(driver, 'profile-note-input', NOTE, { clear: false });
  await click(driver, 'profile-note-add');
  const note = await eventually(driver, async () => {
    const [n] = await driver.findElements(byTestId('profile-note'));
    return n && (await textOf(driver, n)).includes(NOTE) && n;
  }, 'the note is listed as the text typed');
  assert.ok(note);
  assert.ok(cli(dbPath, 'customers', '--search', 'window.__pwned=21').total === 1, 'the archive holds the note as typed');
  await fits(driver, drawer.findElement(By.css('.ant-drawer-body')), 'the profile body');
  await inspect(driver, 'profile tags and notes');
  await screenshot(app, 'injection-profile-notes');

  await openTab(driver, 'profile-tab-orders');
  const orders = await visible(driver, 'profile-orders');
  for (const button of await orders.findElements(By.css('.ant-table-row-expand-icon-collapsed'))) await click(driver, button);
  await eventually(driver, async () => (await driver.findElements(byTestId('profile-order-lines'))).length === 2, 'both orders open');
  const lines = await textOf(driver, orders);
  for (const title of IMG_TITLES) assert.ok(lines.includes(title), `the item title ${title} is text`);
  await inspect(driver, 'profile orders');
  await screenshot(app, 'injection-profile-orders');
  await closeDrawer(driver);
});

test('the 10,000-character buyer keeps the list and the profile inside the window', async (t) => {
  const { driver } = app;
  await search(driver, 'LongNick_', [LONG]);
  await fits(driver, await visible(driver, 'customers-table'), 'the table with the long nick');
  await inspect(driver, 'long nick in the list');
  await screenshot(app, 'injection-long-list');
  const drawer = await openProfile(driver);
  t.after(() => closeDrawer(driver).catch(() => {}));
  const nick = await visible(driver, 'profile-nick');
  await eventually(driver, async () => (await textOf(driver, nick)) === LONG, 'the header holds all 10,000 characters');
  await fits(driver, drawer.findElement(By.css('.ant-drawer-content')), 'the long profile');
  await fits(driver, nick, 'the long nick');
  await onScreen(driver, 'profile-tab-orders', 'the profile tabs below the long nick');
  await inspect(driver, 'long profile');
  await screenshot(app, 'injection-long-profile');
  await openTab(driver, 'profile-tab-orders');
  const orders = await visible(driver, 'profile-orders');
  for (const button of await orders.findElements(By.css('.ant-table-row-expand-icon-collapsed'))) await click(driver, button);
  await visible(driver, 'profile-order-lines');
  await fits(driver, drawer.findElement(By.css('.ant-drawer-body')), 'the long profile\'s orders');
  await inspect(driver, 'long profile orders');
  await screenshot(app, 'injection-long-orders');
});

test('the Care rules list and the rule editor\'s preview show the payload rule as text', async () => {
  const { driver } = app;
  await click(driver, 'nav-care');
  await openTab(driver, 'care-tab-rules');
  const name = await visible(driver, 'care-rule-name');
  assert.equal(await textOf(driver, name), RULE);
  await inspect(driver, 'care rules');
  await screenshot(app, 'injection-care-rules');
  await click(driver, 'care-rule-edit');
  await visible(driver, 'care-rule-editor');
  const preview = await visible(driver, 'care-preview-text', 20_000);
  await eventually(driver, async () => {
    const who = await textOf(driver, await visible(driver, 'care-preview-nick'));
    return NICKS.includes(who) && (await textOf(driver, preview)) === rendered(who);
  }, 'the preview renders the template with a payload nick, as text');
  await inspect(driver, 'rule editor preview');
  await screenshot(app, 'injection-care-preview');
  await closeDrawer(driver);
});

test('the dashboard draws the payload shop without running anything', async () => {
  const { driver } = app;
  await click(driver, 'nav-dashboard');
  await eventually(driver, async () => (await driver.findElements(byTestId('dashboard-stat-orders'))).length > 0, 'the dashboard');
  await visible(driver, 'dashboard-slipping', 60_000).catch(() => {});
  await inspect(driver, 'dashboard');
  await screenshot(app, 'injection-dashboard');
  // Everything the run fetched, for the record (WebKitGTK lists no timings for the app's own tauri:/ipc: schemes).
  console.log(`resource timings seen: ${[...urls].join(', ') || 'none'}`);
});

test('in English the same pages hold too', async () => {
  await app.stop();
  cli(dbPath, 'settings', '--set', 'language=en-US');
  app = await launchApp({ dbPath });
  const { driver } = app;
  await visible(driver, 'care-today', 60_000);
  await eventually(driver, async () => (await driver.findElements(By.css('[data-testid^="care-message-r"]'))).length === NICKS.length,
    'the campaign messages');
  await inspect(driver, 'care today (en)');
  await screenshot(app, 'injection-en-care-today');
  await openCustomers(driver);
  await eventually(driver, async () => (await driver.findElements(byTestId('customer-row'))).length === NICKS.length, 'the list');
  await inspect(driver, 'customer list (en)');
  await screenshot(app, 'injection-en-customers');
  await search(driver, 'LongNick_', [LONG]);
  await openProfile(driver);
  await visible(driver, 'profile-nick');
  await inspect(driver, 'long profile (en)');
  await screenshot(app, 'injection-en-long-profile');
  const tabs = await driver.executeScript(
    'return document.querySelector(\'[data-testid="profile-tab-orders"]\').getBoundingClientRect().bottom <= window.innerHeight');
  await closeDrawer(driver);
  await search(driver, '<img src=x', [IMG]);
  await openProfile(driver);
  await openTab(driver, 'profile-tab-tags');
  assert.ok((await textOf(driver, await visible(driver, 'profile-note'))).includes(NOTE), 'the note is text');
  await inspect(driver, 'profile notes (en)');
  await screenshot(app, 'injection-en-profile-notes');
  assert.ok(tabs, 'the profile tabs below the long nick are on screen (en)');
});

test('the checks catch a payload that does land in the page (the control)', async () => {
  // Markup put into the page on purpose, as a renderer that used innerHTML would: each check must see it.
  const { driver } = app;
  const url = `http://127.0.0.1:${server.address().port}/control.png`;
  await driver.executeScript(`document.body.insertAdjacentHTML('beforeend',
    '<div id="e2e-control">' + arguments[0] + arguments[1] + '<img src="' + arguments[2] + '"></div>')`, IMG, LINK, url);
  const seen = await eventually(driver, async () => {
    const s = await driver.executeScript(INSPECT);
    return s.bad.some((b) => b.startsWith('content security policy violated')) && s;
  }, 'the blocked handler and image are reported', 10_000).catch(() => driver.executeScript(INSPECT));
  console.log(`control: ${JSON.stringify(seen.bad)}; requests: ${JSON.stringify(seen.urls)}; hits: ${JSON.stringify(hits)}`);
  const found = (prefix) => seen.bad.some((b) => b.startsWith(prefix));
  assert.ok(found('payload element: <img src="x"'), 'an img[src=x] is found');
  assert.ok(found('payload element: <a href="javascript:'), 'a javascript: link is found');
  assert.ok(found('inline handler onerror'), 'an inline handler is found');
  // The webview's content security policy blocked the outside image, and the listener saw it: on the pages above,
  // no report means nothing tried to leave.
  assert.ok(found(`content security policy violated: img-src ${url}`), 'the blocked request is reported');
  assert.deepEqual(hits, [], 'the outside image never reached the server');
  await driver.executeScript('document.getElementById("e2e-control").remove()');
});
