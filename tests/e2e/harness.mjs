// The end-to-end harness: starts Xvfb (unless a display is given), tauri-driver and the real
// laoke-app binary on a fresh database, and hands a selenium WebDriver to the test. Later
// issues add cases by writing another file under specs/ that calls launchApp().
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir, homedir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Builder, By, until } from 'selenium-webdriver';

const here = dirname(fileURLToPath(import.meta.url));
export const root = resolve(here, '../..');
export const appBinary = process.env.LAOKE_APP_BIN ?? join(root, 'target/debug/laoke-app');
export const cliBinary = process.env.LAOKE_CLI_BIN ?? join(root, 'target/debug/laoke');
export const artifacts = join(root, 'target/e2e');
// Installed by .ci/install-deps with `cargo install tauri-driver`.
const driverBinary =
  process.env.TAURI_DRIVER ?? join(process.env.CARGO_HOME ?? join(homedir(), '.cargo'), 'bin/tauri-driver');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function startXvfb() {
  if (process.env.DISPLAY) return { display: process.env.DISPLAY, stop() {} };
  const display = `:${90 + Math.floor(Math.random() * 400)}`;
  const xvfb = spawn('Xvfb', [display, '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
  return { display, stop: () => xvfb.kill('SIGTERM') };
}

async function waitForDriver(port, child, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`tauri-driver exited with ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/status`);
      // tauri-driver answers before WebKitWebDriver is up; wait for the native driver's "ready".
      if (res.ok && (await res.json())?.value?.ready !== false) return;
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
  throw new Error(`tauri-driver did not answer on port ${port} within ${timeoutMs} ms`);
}

/** A fresh, empty database path for one test run. */
export function freshDbPath(name = 'laoke') {
  return join(mkdtempSync(join(tmpdir(), 'laoke-e2e-')), `${name}.db`);
}

/** Starts the real app on `dbPath` and returns { driver, stop, display, dbPath }. */
export async function launchApp({ dbPath = freshDbPath(), env = {} } = {}) {
  if (!existsSync(appBinary)) throw new Error(`build the app first: ${appBinary} is missing (make app)`);
  // A display or port picked at random can be taken (another run, a lock left behind):
  // a launch whose driver never answers is tried once more on fresh ones.
  for (let attempt = 1; ; attempt++) {
    try {
      return await launchOnce(dbPath, env);
    } catch (e) {
      if (attempt >= 2 || !String(e.message).includes('did not answer')) throw e;
      console.log(`launch attempt ${attempt} failed (${e.message}); trying a fresh display and port`);
    }
  }
}

async function launchOnce(dbPath, env) {
  const xvfb = startXvfb();
  const port = 4500 + Math.floor(Math.random() * 1000);
  // A fresh home for the webview's own storage (localStorage, caches): every launch starts
  // like a new install, so what survives a restart is only what the archive kept.
  const home = mkdtempSync(join(tmpdir(), 'laoke-e2e-home-'));
  const xdg = { XDG_DATA_HOME: join(home, 'data'), XDG_CONFIG_HOME: join(home, 'config'), XDG_CACHE_HOME: join(home, 'cache') };
  const driver = spawn(driverBinary, ['--port', String(port), '--native-port', String(port + 1), '--native-driver', '/usr/bin/WebKitWebDriver'], {
    env: { ...process.env, ...xdg, ...env, DISPLAY: xvfb.display, LAOKE_DB: dbPath, LAOKE_LOG: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    await waitForDriver(port, driver);
    const session = await new Builder()
      .usingServer(`http://127.0.0.1:${port}/`)
      .withCapabilities({ browserName: 'wry', 'tauri:options': { application: appBinary } })
      .build();
    return {
      driver: session,
      display: xvfb.display,
      dbPath,
      async stop() {
        await session.quit().catch(() => {});
        driver.kill('SIGTERM');
        xvfb.stop();
      },
    };
  } catch (e) {
    driver.kill('SIGTERM');
    xvfb.stop();
    throw e;
  }
}

export const byTestId = (id) => By.css(`[data-testid="${id}"]`);

/** Waits until the element with data-testid `id` is present and visible, and returns it. */
export async function visible(driver, id, timeoutMs = 20_000) {
  const el = await driver.wait(until.elementLocated(byTestId(id)), timeoutMs, `no [data-testid=${id}]`);
  await driver.wait(until.elementIsVisible(el), timeoutMs, `[data-testid=${id}] is not visible`);
  return el;
}

/** Waits until `fn` returns a truthy value and returns it. */
export async function eventually(driver, fn, message, timeoutMs = 30_000) {
  return driver.wait(async () => (await fn().catch(() => false)) || false, timeoutMs, message);
}

/** Saves the webview (WebDriver) and the whole X screen (the window with its frame) as PNGs. */
export async function screenshot(app, name) {
  mkdirSync(artifacts, { recursive: true });
  // Let charts finish their entry animation so the picture shows what a person sees.
  await sleep(1200);
  const png = await app.driver.takeScreenshot();
  writeFileSync(join(artifacts, `${name}.png`), Buffer.from(png, 'base64'));
  try {
    execFileSync('import', ['-display', app.display, '-window', 'root', join(artifacts, `${name}-screen.png`)]);
  } catch {
    // ImageMagick missing: the WebDriver screenshot is enough.
  }
}

/** Runs the `laoke` CLI with --json on `dbPath` and returns the parsed document. */
export function cli(dbPath, ...args) {
  const out = execFileSync(cliBinary, ['--db', dbPath, ...args, '--json'], { encoding: 'utf8' });
  return JSON.parse(out);
}
