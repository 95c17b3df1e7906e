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

  it('asks before deleting a saved view, naming it, and deletes it only once confirmed', async () => {
    await app.api(
      'POST',
      '/caladeo-contacts/list-views/contacts',
      { name: 'Abonnés newsletter', state: { filters: { newsletter: 'true' }, columns: ['name', 'email'] } },
      superToken
    );
    const page = await loginAs(browser, app.baseUrl, SUPER_ADMIN.email, SUPER_ADMIN.password);
    await page.goto(`${app.baseUrl}${LIST}`);
    await waitForNames(page, ['Marc Dupont', 'Élise Dupré', 'Zoé Martin']);

    await page.getByRole('button', { name: 'Vues' }).click();
    await page.getByRole('button', { name: 'Supprimer Abonnés newsletter' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Supprimer la vue « Abonnés newsletter » ?' });
    await dialog.waitFor();
    await shot(page, 'list-views-delete-confirm');
    // cancelled, nothing is deleted
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await dialog.waitFor({ state: 'detached' });
    const names = async () =>
      (
        (await app.api('GET', '/caladeo-contacts/list-views/contacts', undefined, superToken)) as unknown as {
          name: string;
        }[]
      ).map((view) => view.name);
    expect(await names()).toContain('Abonnés newsletter');

    await page.getByRole('button', { name: 'Vues' }).click();
    await page.getByRole('button', { name: 'Supprimer Abonnés newsletter' }).click();
    await dialog.getByRole('button', { name: 'Supprimer', exact: true }).click();
    await page.getByText('Vue « Abonnés newsletter » supprimée').waitFor();
    expect(await names()).not.toContain('Abonnés newsletter');
    // the other view stays, in the menu and on the server
    expect(await names()).toContain('Dupré abonnés');
    await page.getByRole('button', { name: 'Vues' }).click();
    await page.getByRole('button', { name: 'Appliquer la vue Dupré abonnés' }).waitFor();
    expect(await page.getByRole('button', { name: 'Appliquer la vue Abonnés newsletter' }).count()).toBe(0);
    await page.context().close();
  });

  it.each([
    { width: 1440, height: 900 },
    { width: 1024, height: 768 },
  ])('fits the toolbar’s Colonnes and Vues buttons at $width×$height, in French', async (viewport) => {
    const page = await loginAs(browser, app.baseUrl, SUPER_ADMIN.email, SUPER_ADMIN.password, { viewport });
    // as it opens, and with every filter set (_Effacer les filtres_ then takes room on the line)
    for (const [state, query] of [
      ['plain', ''],
      ['filtered', '?q=dup&country=FR&newsletter=true&role=payeur'],
    ]) {
      await page.goto(`${app.baseUrl}${LIST}${query}`);
      if (state === 'filtered') await page.getByRole('button', { name: 'Effacer les filtres' }).waitFor();
      else await waitForNames(page, ['Marc Dupont', 'Élise Dupré', 'Zoé Martin']);
      await shot(page, `list-views-toolbar-${viewport.width}-${state}`);
      const layout = await page.evaluate(() => {
        const box = (element: Element) => element.getBoundingClientRect();
        const buttons = Array.from(document.querySelectorAll<HTMLElement>('main button'));
        const named = (text: string) => buttons.find((button) => button.textContent?.trim() === text);
        const [columns, views] = [named('Colonnes'), named('Vues')];
        // the page's content spans from the search box's left to the header's primary action's right
        const search = document.querySelector('main input[name="q"]');
        const create = named('Nouveau contact');
        if (!columns || !views || !search || !create) return null;
        const controls = Array.from(
          document.querySelectorAll('main input, main [role="combobox"], main button')
        ).filter((control) => control !== columns && control !== views && !columns.contains(control));
        const overlaps = (a: DOMRect, b: DOMRect) =>
          a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
        return {
          // each button shows its whole label on one line
          labelsFit: [columns, views].every(
            (button) => button.scrollWidth <= button.clientWidth && box(button).height < 40
          ),
          sideBySide:
            box(columns).right <= box(views).left && Math.abs(box(columns).top - box(views).top) < 1,
          inside: box(columns).left >= box(search).left && box(views).right <= box(create).right + 1,
          overControl: [columns, views].some((button) =>
            controls.some((control) => overlaps(box(button), box(control)))
          ),
          sideways: document.documentElement.scrollWidth > document.documentElement.clientWidth,
        };
      });
      expect(layout).toEqual({
        labelsFit: true,
        sideBySide: true,
        inside: true,
        overControl: false,
        sideways: false,
      });
    }
    await page.context().close();
  });
});
