import fs from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../../scripts/lib/browser';
import { APP_DIR, startStrapiProcess } from '../../scripts/lib/strapi-process';

export { launchBrowser, loginAs } from '../../scripts/lib/browser';
export { APP_DIR };
export const SCREENSHOTS = path.join(APP_DIR, 'test-output', 'screenshots');
export const SUPER_ADMIN = { email: 'direction@agence.test', password: 'Caladeo-e2e-1' };

/** `strapi start` on its own SQLite file and port; the built admin must exist. */
export const startApp = async () => {
  const database = path.join(APP_DIR, '.tmp', `e2e-${process.pid}.db`);
  fs.mkdirSync(path.dirname(database), { recursive: true });
  fs.rmSync(database, { force: true });
  const strapi = await startStrapiProcess({ DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: database });
  const { baseUrl } = strapi;
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
    await strapi.stop();
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
