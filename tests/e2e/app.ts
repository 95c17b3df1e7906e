import { spawn, type ChildProcess } from 'child_process';
import fs from 'fs';
import net from 'net';
import path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const APP_DIR = path.resolve(__dirname, '..', '..');
export const SCREENSHOTS = path.join(APP_DIR, 'test-output', 'screenshots');
export const SUPER_ADMIN = { email: 'direction@agence.test', password: 'Caladeo-e2e-1' };

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

/** `strapi start` on its own SQLite file and port; the built admin must exist. */
export const startApp = async () => {
  if (!fs.existsSync(path.join(APP_DIR, 'dist', 'build', 'index.html'))) {
    throw new Error('The admin is not built: run `npm run build:admin` first');
  }
  const port = await freePort();
  const database = path.join(APP_DIR, '.tmp', `e2e-${process.pid}.db`);
  fs.mkdirSync(path.dirname(database), { recursive: true });
  fs.rmSync(database, { force: true });
  const child: ChildProcess = spawn(path.join(APP_DIR, 'node_modules', '.bin', 'strapi'), ['start'], {
    cwd: APP_DIR,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_CLIENT: 'sqlite',
      DATABASE_FILENAME: database,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 240; attempt++) {
    const healthy = await fetch(`${baseUrl}/_health`).then(
      (response) => response.ok,
      () => false
    );
    if (healthy) break;
    if (child.exitCode !== null) throw new Error(`strapi start exited:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const api = async (method: string, url: string, body?: unknown, token?: string) => {
    const response = await fetch(`${baseUrl}${url}`, {
      method,
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await response.json().catch(() => null)) as { data?: Record<string, unknown> } | null;
    if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${JSON.stringify(json)}`);
    return json?.data ?? {};
  };
  const stop = async () => {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    fs.rmSync(database, { force: true });
  };
  return { baseUrl, api, stop, databaseFile: database };
};

export type App = Awaited<ReturnType<typeof startApp>>;

/** Registers the first admin (a super admin, Claire Direction) and answers its access token. */
export const registerSuperAdmin = async (app: App) => {
  const registered = await app.api('POST', '/admin/register-admin', {
    ...SUPER_ADMIN,
    firstname: 'Claire',
    lastname: 'Direction',
  });
  return String(registered.token);
};

export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });

/**
 * What each browser test starts with: the app on its own database, its super admin's token and a
 * browser. The app is stopped again when the browser does not start.
 */
export const openSession = async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const app = await startApp();
  try {
    const superToken = await registerSuperAdmin(app);
    const browser = await launchBrowser();
    return { app, browser, superToken };
  } catch (error) {
    await app.stop();
    throw error;
  }
};

/** A full-page screenshot in test-output/screenshots, named for the step it shows. */
export const shot = (page: Page, name: string) =>
  // animations finished: a dialog or a notification caught while fading in is unreadable
  page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true, animations: 'disabled' });

/** Logs in through the admin's form, in French at 1440×900 unless told otherwise. */
export const loginAs = async (
  browser: Browser,
  baseUrl: string,
  email: string,
  password: string,
  {
    language = 'fr',
    viewport = { width: 1440, height: 900 },
  }: { language?: 'fr' | 'en'; viewport?: { width: number; height: number } } = {}
) => {
  const context = await browser.newContext({ locale: language === 'fr' ? 'fr-FR' : 'en-GB', viewport });
  const page = await context.newPage();
  // the admin reads its language from local storage; the script runs in the page, not in node
  await page.addInitScript(`window.localStorage.setItem('strapi-admin-language', '${language}')`);
  await page.goto(`${baseUrl}/admin/auth/login`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL(/\/admin(\/)?$/);
  return page;
};
