import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, headless, without what would make a run slower or noisier. */
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
