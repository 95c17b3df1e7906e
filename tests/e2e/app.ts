import fs from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../../scripts/lib/browser';
import { APP_DIR, startStrapiProcess } from '../../scripts/lib/strapi-process';

export { launchBrowser, loginAs } from '../../scripts/lib/browser';
export { APP_DIR };
export const SCREENSHOTS = path.join(APP_DIR, 'test-output', 'screenshots');
export const SUPER_ADMIN = { email: 'direction@agence.test', password: 'Caladeo-e2e-1' };

/**
 * `strapi start` on its own SQLite file and port, with the environment given over the app's own
 * (a setting a test needs small, say); the built admin must exist.
 */
export const startApp = async (env: NodeJS.ProcessEnv = {}) => {
  const database = path.join(APP_DIR, '.tmp', `e2e-${process.pid}.db`);
  fs.mkdirSync(path.dirname(database), { recursive: true });
  fs.rmSync(database, { force: true });
  const strapi = await startStrapiProcess({ ...env, DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: database });
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
 * What each browser test starts with: the app on its own database (and environment), its super
 * admin's token and a browser. The app is stopped again when the browser does not start.
 */
export const openSession = async (env: NodeJS.ProcessEnv = {}) => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const app = await startApp(env);
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

const AXE = require.resolve('axe-core');

export type Impact = 'minor' | 'moderate' | 'serious' | 'critical';
export type Violation = {
  id: string;
  impact: Impact;
  help: string;
  target: string;
  html: string;
  ours: boolean;
};

/**
 * Runs axe-core on the whole document (page-level rules such as "one h1" need it), then splits
 * the violations: ours are those inside the page's main region (where the plugin renders) or on
 * the document itself; those in Strapi's own shell (main menu, notifications) are printed but do
 * not fail the test, since the plugin cannot change them.
 */
export const audit = async (page: Page): Promise<Violation[]> => {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<AxeResults> } }).axe;
    type AxeResults = {
      violations: Array<{
        id: string;
        impact: Impact;
        help: string;
        nodes: Array<{ target: string[]; html: string }>;
      }>;
    };
    const { violations } = await axe.run(document);
    return violations.flatMap((violation) =>
      violation.nodes.map((node) => {
        const selector = node.target.join(' ');
        const element = node.target.length === 1 ? document.querySelector(node.target[0]) : null;
        const ours =
          element === document.documentElement || (element !== null && element.closest('main') !== null);
        const { id, impact, help } = violation;
        return { id, impact, help, target: selector, html: node.html.slice(0, 160), ours };
      })
    );
  });
};
