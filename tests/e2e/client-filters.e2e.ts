import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { loginAs, openSession, shot, SUPER_ADMIN, type App } from './app';

let app: App;
let browser: Browser;
let superToken: string;

const CLIENTS = '/admin/plugins/caladeo-contacts/clients';
const EVERYONE = ['Amicale des cheminots', 'Comité Atomium', 'École Saint-Exupéry', 'Société Durand'];

/** The names in the table's rows, once they are the ones expected. */
const waitForNames = async (page: Page, expected: string[]) => {
  await page.waitForFunction(
    (wanted) =>
      JSON.stringify(
        Array.from(document.querySelectorAll('table tbody tr a')).map((link) => link.textContent?.trim())
      ) === JSON.stringify(wanted),
    expected
  );
  expect((await page.locator('table tbody tr a').allInnerTexts()).map((text) => text.trim())).toEqual(
    expected
  );
};

const choose = async (page: Page, filter: string, option: string) => {
  await page.getByRole('combobox', { name: filter }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
};

beforeAll(async () => {
  ({ app, browser, superToken } = await openSession());
  const create = async (body: Record<string, unknown>) =>
    String((await app.api('POST', '/caladeo-contacts/clients', body, superToken)).documentId);
  const amicale = await create({ name: 'Amicale des cheminots', type: 'association', city: 'Lyon' });
  await create({ name: 'Société Durand', type: 'company', city: 'Villeurbanne' });
  await create({ name: 'École Saint-Exupéry', type: 'school', city: 'LYON 3e' });
  await create({ name: 'Comité Atomium', type: 'works_council', city: 'Bruxelles', country: 'BE' });
  const anne = await app.api('POST', '/caladeo-contacts/contacts', { lastName: 'Martin' }, superToken);
  await app.api(
    'POST',
    `/caladeo-contacts/contacts/${String(anne.documentId)}/client-links`,
    { client: amicale, role: 'president', isPrimary: true },
    superToken
  );
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('filters of the clients list', () => {
  it('narrows the list by town and primary contact, keeps it in the URL, and clears it', async () => {
    const page = await loginAs(browser, app.baseUrl, SUPER_ADMIN.email, SUPER_ADMIN.password);
    await page.goto(`${app.baseUrl}${CLIENTS}`);
    await waitForNames(page, EVERYONE);

    await page.getByRole('textbox', { name: 'Ville' }).fill('lyon');
    await page.waitForURL(/city=lyon/);
    await waitForNames(page, ['Amicale des cheminots', 'École Saint-Exupéry']);
    await choose(page, 'Contact principal', 'Sans contact principal');
    await page.waitForURL(/hasPrimary=false/);
    await waitForNames(page, ['École Saint-Exupéry']);
    await shot(page, 'client-filters');

    // the URL is the filtered list: opened again, it shows the same, its filters filled in
    await page.goto(page.url());
    await waitForNames(page, ['École Saint-Exupéry']);
    expect(await page.getByRole('textbox', { name: 'Ville' }).inputValue()).toBe('lyon');

    await page.getByRole('button', { name: 'Effacer les filtres' }).click();
    await waitForNames(page, EVERYONE);
    expect(page.url()).not.toMatch(/city=|hasPrimary=/);
    expect(await page.getByRole('textbox', { name: 'Ville' }).inputValue()).toBe('');

    await choose(page, 'Type', 'CSE');
    await waitForNames(page, ['Comité Atomium']);
    await page.context().close();
  });
});
