import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { loginAs, openSession, shot, SUPER_ADMIN, type App } from './app';

let app: App;
let browser: Browser;
let superToken: string;
let offerId: string;
const travellers: string[] = [];

const LAST_NAME = 'Groupevoyage';
const TRAVELLER_COUNT = 30;
const OFFER_REFERENCE = 'OFF-2027-0330';
const LIST = '/admin/plugins/caladeo-contacts';

/** Logs in with the admin in English (the user's own choice, kept in its profile), on a smaller screen. */
const loginInEnglish = async () => {
  await app.api('PUT', '/admin/users/me', { preferedLanguage: 'en' }, superToken);
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  await page.addInitScript("window.localStorage.setItem('strapi-admin-language', 'en')");
  await page.goto(`${app.baseUrl}/admin/auth/login`);
  await page.locator('input[name="email"]').fill(SUPER_ADMIN.email);
  await page.locator('input[name="password"]').fill(SUPER_ADMIN.password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL(/\/admin(\/)?$/);
  return page;
};

/** The contact list searched for the group's travellers. */
const openGroup = async (page: Page) => {
  await page.goto(`${app.baseUrl}${LIST}?q=${LAST_NAME.toLowerCase()}&order=name`);
  await page.getByRole('link', { name: `Prénom01 ${LAST_NAME}` }).waitFor();
};

beforeAll(async () => {
  ({ app, browser, superToken } = await openSession());
  const offer = await app.api(
    'POST',
    '/content-manager/collection-types/api::offer.offer',
    {
      title: 'Croisière sur le Douro',
      reference: OFFER_REFERENCE,
      offerStatus: 'draft',
      destination: 'Porto',
    },
    superToken
  );
  offerId = String(offer.documentId);
  for (let index = 1; index <= TRAVELLER_COUNT; index += 1) {
    const number = String(index).padStart(2, '0');
    const contact = await app.api(
      'POST',
      '/caladeo-contacts/contacts',
      { firstName: `Prénom${number}`, lastName: LAST_NAME, email: `voyageur${number}@exemple.fr` },
      superToken
    );
    travellers.push(String(contact.documentId));
  }
  // two contacts the search must leave out
  for (const lastName of ['Martin', 'Bernard']) {
    await app.api('POST', '/caladeo-contacts/contacts', { firstName: 'Paul', lastName }, superToken);
  }
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('the contact list as a daily tool', () => {
  it('selects the 30 travellers of a search, attaches them to the offer as travellers, and opens a contact with the keyboard', async () => {
    const page = await loginAs(browser, app.baseUrl, SUPER_ADMIN.email, SUPER_ADMIN.password);
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await openGroup(page);

    // 50 a page: the 30 travellers on one page
    await page.getByRole('combobox', { name: 'Lignes par page' }).click();
    await page.getByRole('option', { name: '50 par page' }).click();
    await page.waitForURL(/pageSize=50/);
    await page.getByRole('checkbox', { name: `Sélectionner Prénom30 ${LAST_NAME}` }).waitFor();

    await page.getByRole('checkbox', { name: 'Sélectionner tous les contacts de la page' }).click();
    await page.getByText('30 contacts sélectionnés').waitFor();
    await expect(
      page.getByRole('checkbox', { name: `Sélectionner Prénom17 ${LAST_NAME}` }).getAttribute('aria-checked')
    ).resolves.toBe('true');
    await shot(page, 'bulk-01-selection-30');

    await page.getByRole('button', { name: 'Associer…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Associer 30 contacts').first().waitFor();
    await dialog.getByRole('combobox', { name: 'Une offre' }).pressSequentially('douro', { delay: 50 });
    await page.getByRole('option', { name: `${OFFER_REFERENCE} · Croisière sur le Douro` }).click();
    await dialog.getByRole('combobox', { name: 'Rôle' }).click();
    await page.getByRole('option', { name: 'Voyageur', exact: true }).click();
    await shot(page, 'bulk-02-associer');
    await dialog.getByRole('button', { name: 'Associer 30 contacts' }).click();
    await page
      .getByText(/30 contacts associés/)
      .first()
      .waitFor();
    // the selection is emptied once done
    await page.getByText('30 contacts sélectionnés').waitFor({ state: 'detached' });
    await shot(page, 'bulk-03-associes');

    // the offer has the 30 travellers, each with the role, none primary
    for (const contact of travellers) {
      const detail = (await app.api(
        'GET',
        `/caladeo-contacts/contacts/${contact}`,
        undefined,
        superToken
      )) as {
        offerLinks: Array<{ role: string; isPrimary: boolean; offer: { reference: string } }>;
      };
      expect(detail.offerLinks).toEqual([
        expect.objectContaining({
          role: 'voyageur',
          isPrimary: false,
          offer: expect.objectContaining({ reference: OFFER_REFERENCE }),
        }),
      ]);
    }
    expect(offerId).toBeTruthy();

    // the keyboard alone: the name is a link, focused it opens the contact with Enter
    const link = page.getByRole('link', { name: `Prénom03 ${LAST_NAME}` });
    await link.focus();
    const focused = await page.evaluate(() => ({
      tag: document.activeElement?.tagName,
      text: document.activeElement?.textContent,
    }));
    expect(focused).toEqual({ tag: 'A', text: `Prénom03 ${LAST_NAME}` });
    await shot(page, 'bulk-04-lien-au-clavier');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/contacts/${travellers[2]}$`));
    await page
      .getByRole('heading', { name: `Prénom03 ${LAST_NAME}` })
      .first()
      .waitFor();
    await shot(page, 'bulk-05-fiche-ouverte');
    await page.context().close();
  });

  it('deletes the 30 contacts in English, once their count is typed', async () => {
    const page = await loginInEnglish();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await openGroup(page);
    await shot(page, 'bulk-06-liste-en');
    await page.getByRole('combobox', { name: 'Rows per page' }).click();
    await page.getByRole('option', { name: '50 per page' }).click();
    await page.getByRole('checkbox', { name: `Select Prénom30 ${LAST_NAME}` }).waitFor();
    await page.getByRole('checkbox', { name: 'Select every contact on this page' }).click();
    await page.getByText('30 contacts selected').waitFor();
    await shot(page, 'bulk-07-selection-en');

    await page.getByRole('button', { name: 'Delete…' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByText('Delete 30 contacts?').waitFor();
    const confirm = dialog.getByRole('button', { name: 'Delete 30 contacts' });
    await expect(confirm.isDisabled()).resolves.toBe(true);
    await dialog.getByLabel('Type 30 to confirm').fill('29');
    await expect(confirm.isDisabled()).resolves.toBe(true);
    await dialog.getByLabel('Type 30 to confirm').fill('30');
    await shot(page, 'bulk-08-suppression-confirmee');
    await confirm.click();
    await page.getByText('30 contacts deleted').first().waitFor();
    await shot(page, 'bulk-09-supprimes');

    const left = (await fetch(`${app.baseUrl}/caladeo-contacts/contacts?q=${LAST_NAME.toLowerCase()}`, {
      headers: { Authorization: `Bearer ${superToken}` },
    }).then((response) => response.json())) as { results: unknown[] };
    expect(left.results).toEqual([]);
    const others = (await fetch(`${app.baseUrl}/caladeo-contacts/contacts`, {
      headers: { Authorization: `Bearer ${superToken}` },
    }).then((response) => response.json())) as { results: Array<{ lastName: string }> };
    expect(others.results.map((contact) => contact.lastName).sort()).toEqual(['Bernard', 'Martin']);
    await page.context().close();
  });
});
