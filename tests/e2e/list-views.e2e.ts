import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { loginAs, openSession, shot, SUPER_ADMIN, type App } from './app';

let app: App;
let browser: Browser;
let superToken: string;

const LIST = '/admin/plugins/caladeo-contacts';

const CONTACTS = [
  {
    firstName: 'Élise',
    lastName: 'Dupré',
    email: 'elise.dupre@exemple.fr',
    phone: '0612345678',
    newsletter: true,
  },
  {
    firstName: 'Marc',
    lastName: 'Dupont',
    email: 'marc.dupont@exemple.fr',
    phone: '0698765432',
    newsletter: false,
  },
  {
    firstName: 'Zoé',
    lastName: 'Martin',
    email: 'zoe.martin@exemple.fr',
    phone: '0611223344',
    newsletter: true,
  },
];

/** The links that open a contact: its name (its e-mail and phone are links too). */
const ROW_NAMES = 'table tbody tr a:not([href^="mailto:"]):not([href^="tel:"])';

/** The headings of the contacts table, as a person reads them. */
const headings = async (page: Page) =>
  (await page.locator('table thead th').allTextContents())
    .map((text) => text.replace(/[↑↓]/g, '').trim())
    .filter(Boolean);

/** The names in the table's rows. */
const names = async (page: Page) =>
  (await page.locator(ROW_NAMES).allInnerTexts()).map((text) => text.trim());

const waitForNames = async (page: Page, expected: string[]) => {
  await page.waitForFunction(
    ([selector, wanted]) =>
      JSON.stringify(
        Array.from(document.querySelectorAll(selector)).map((link) => link.textContent?.trim())
      ) === JSON.stringify(wanted),
    [ROW_NAMES, expected] as const
  );
  expect(await names(page)).toEqual(expected);
};

beforeAll(async () => {
  ({ app, browser, superToken } = await openSession());
  for (const contact of CONTACTS) await app.api('POST', '/caladeo-contacts/contacts', contact, superToken);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('columns and saved views of the contacts list', () => {
  it('keeps a hidden column after a reload, saves a search with a filter as a view and applies it again', async () => {
    const page = await loginAs(browser, app.baseUrl, SUPER_ADMIN.email, SUPER_ADMIN.password);
    await page.goto(`${app.baseUrl}${LIST}`);
    await waitForNames(page, ['Marc Dupont', 'Élise Dupré', 'Zoé Martin']);
    expect(await headings(page)).toContain('Téléphone');

    // hide the phone column: it is kept on the server, so a reload keeps it hidden
    await page.getByRole('button', { name: 'Colonnes' }).click();
    await page.getByRole('checkbox', { name: 'Téléphone' }).click();
    await page.getByRole('button', { name: 'Monter Ville' }).click();
    await shot(page, 'list-views-columns-menu');
    await page.keyboard.press('Escape');
    await page.waitForFunction(
      () => !document.querySelector('table thead')?.textContent?.includes('Téléphone')
    );
    expect((await headings(page)).slice(0, 3)).toEqual(['Nom', 'Ville', 'E-mail']);
    await page.waitForLoadState('networkidle');
    await page.reload();
    await waitForNames(page, ['Marc Dupont', 'Élise Dupré', 'Zoé Martin']);
    expect(await headings(page)).not.toContain('Téléphone');
    expect((await headings(page)).slice(0, 3)).toEqual(['Nom', 'Ville', 'E-mail']);

    // a search without its accent and a newsletter filter
    await page.locator('input[name="q"]').fill('dupre');
    await page.waitForURL(/q=dupre/);
    await page.getByRole('combobox', { name: 'Newsletter' }).click();
    await page.getByRole('option', { name: 'Abonné', exact: true }).click();
    await page.waitForURL(/newsletter=true/);
    await waitForNames(page, ['Élise Dupré']);

    await page.getByRole('button', { name: 'Vues' }).click();
    await page.getByRole('button', { name: 'Enregistrer la vue actuelle' }).click();
    await page.getByRole('textbox', { name: 'Nom de la vue' }).fill('Dupré abonnés');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByText('Vue « Dupré abonnés » enregistrée').waitFor();

    // the same name in other letters is refused, said next to the field
    await page.getByRole('button', { name: 'Vues' }).click();
    await page.getByRole('button', { name: 'Enregistrer la vue actuelle' }).click();
    await page.getByRole('textbox', { name: 'Nom de la vue' }).fill('DUPRE abonnes');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByText("Est déjà le nom d'une autre de vos vues").waitFor();
    await shot(page, 'list-views-name-taken');
    await page.getByRole('button', { name: 'Annuler' }).click();

    // cleared, the list shows everyone again
    await page.getByRole('button', { name: 'Effacer les filtres' }).click();
    await waitForNames(page, ['Marc Dupont', 'Élise Dupré', 'Zoé Martin']);
    expect(page.url()).not.toMatch(/q=|newsletter=/);

    // applied, the view puts its search and filter back in the URL, and the results with them
    await page.getByRole('button', { name: 'Vues' }).click();
    await shot(page, 'list-views-menu');
    await page.getByRole('button', { name: 'Appliquer la vue Dupré abonnés' }).click();
    await page.waitForURL(/newsletter=true/);
    const url = new URL(page.url());
    expect(url.searchParams.get('q')).toBe('dupre');
    expect(url.searchParams.get('newsletter')).toBe('true');
    await waitForNames(page, ['Élise Dupré']);
    expect(await page.locator('input[name="q"]').inputValue()).toBe('dupre');
    expect(await headings(page)).not.toContain('Téléphone');
    await shot(page, 'list-views-applied');

    // the URL is the view: opened again, it shows the same
    await page.goto(url.toString());
    await waitForNames(page, ['Élise Dupré']);
    await page.context().close();
  });
});
