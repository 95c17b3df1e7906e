import { afterAll, beforeAll, describe, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { loginAs, openSession, shot, SUPER_ADMIN, type App } from './app';

let app: App;
let browser: Browser;
let superToken: string;
let seville: string;

const REFERENCE = 'OFF-2027-0042';
const OFFERS_PAGE = '/admin/plugins/caladeo-contacts/offers';

beforeAll(async () => {
  ({ app, browser, superToken } = await openSession());
  const api = (method: string, url: string, body: unknown) => app.api(method, url, body, superToken);
  const lycee = String(
    (await api('POST', '/caladeo-contacts/clients', { name: 'Lycée Hélène Boucher', type: 'school' }))
      .documentId
  );
  // offers are the app's own type, written through the content manager
  const offer = async (data: Record<string, unknown>) =>
    String((await api('POST', '/content-manager/collection-types/api::offer.offer', data)).documentId);
  seville = await offer({
    title: 'Voyage scolaire à Séville',
    reference: REFERENCE,
    offerStatus: 'sent',
    destination: 'Séville, Espagne',
    startDate: '2027-04-10',
    endDate: '2027-04-17',
    pricePerPerson: 640,
    client: { connect: [{ documentId: lycee }] },
  });
  await offer({
    title: 'Classe de neige',
    reference: 'OFF-2027-0051',
    offerStatus: 'draft',
    startDate: '2027-02-01',
    client: { connect: [{ documentId: lycee }] },
  });
  await offer({ title: 'Week-end à Lisbonne', reference: 'OFF-2027-0060', offerStatus: 'accepted' });
  const people: Array<[string, string, string, boolean]> = [
    ['Claire', 'Moreau', 'responsable_voyage', false],
    ['Paul', 'Durand', 'payeur', true],
    ['Inès', 'Martin', 'voyageur', false],
    ['Lucas', 'Bernard', 'voyageur', false],
    ['Chloé', 'Petit', 'voyageur', false],
    ['Hugo', 'Roux', 'voyageur', false],
  ];
  for (const [firstName, lastName, role, isPrimary] of people) {
    const contact = String(
      (
        await api('POST', '/caladeo-contacts/contacts', {
          firstName,
          lastName,
          email: `${lastName.toLowerCase()}@exemple.fr`,
        })
      ).documentId
    );
    await api('POST', `/caladeo-contacts/offers/${seville}/contact-links`, { contact, role, isPrimary });
  }
  for (const [firstName, lastName] of [
    ['Zoé', 'Lefèvre'],
    ['Noah', 'Fontaine'],
  ])
    await api('POST', '/caladeo-contacts/contacts', { firstName, lastName });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** Attaches a contact found by the picker to the open offer, with a role. */
const attach = async (
  page: Page,
  labels: { picker: string; role: string; button: string },
  search: string,
  name: RegExp,
  role: string
) => {
  await page.getByRole('combobox', { name: labels.picker }).pressSequentially(search, { delay: 50 });
  await page.getByRole('option', { name }).click();
  // each person's row has its own role select; the attach form's is the last one
  await page.getByRole('combobox', { name: labels.role }).last().click();
  await page.getByRole('option', { name: role, exact: true }).click();
  await page.getByRole('button', { name: labels.button }).click();
};

describe('offers in the Contacts tab', () => {
  it('lists, searches and opens an offer, and attaches a traveller from it, in French', async () => {
    const page = await loginAs(browser, app.baseUrl, SUPER_ADMIN.email, SUPER_ADMIN.password);
    await page.goto(`${app.baseUrl}/admin/plugins/caladeo-contacts`);
    await page.getByRole('link', { name: 'Offres', exact: true }).click();
    await page.getByRole('row', { name: /OFF-2027-0060/ }).waitFor();
    await page
      .getByRole('row', { name: new RegExp(REFERENCE) })
      .getByText('Envoyée')
      .waitFor();
    await page
      .getByRole('row', { name: new RegExp(REFERENCE) })
      .getByText('Lycée Hélène Boucher')
      .waitFor();
    await shot(page, 'offres-01-liste');

    await page.getByRole('combobox', { name: 'Statut' }).click();
    await page.getByRole('option', { name: 'Acceptée', exact: true }).click();
    await page.getByRole('row', { name: new RegExp(REFERENCE) }).waitFor({ state: 'detached' });
    await page.getByRole('row', { name: /OFF-2027-0060/ }).waitFor();
    await page.getByRole('combobox', { name: 'Statut' }).click();
    await page.getByRole('option', { name: 'Tous les statuts' }).click();

    // the client's name, without its accents, finds its two offers and not the others
    await page.locator('input[name="q"]').fill('lycee');
    await page.getByRole('row', { name: /OFF-2027-0051/ }).waitFor();
    await page.getByRole('row', { name: /OFF-2027-0060/ }).waitFor({ state: 'detached' });
    await shot(page, 'offres-02-recherche');

    await page.getByRole('row', { name: new RegExp(REFERENCE) }).click();
    await page.getByRole('heading', { name: 'Voyage scolaire à Séville' }).waitFor();
    await page.getByRole('link', { name: 'Lycée Hélène Boucher' }).waitFor();
    await page.getByText('du 10 avril 2027 au 17 avril 2027').waitFor();
    await page.getByText(/640,00\s€/).waitFor();
    await page.getByRole('heading', { name: 'Voyageurs (4)' }).waitFor();
    await page.getByRole('heading', { name: 'Payeurs (1)' }).waitFor();
    await page.getByRole('heading', { name: 'Responsables voyage (1)' }).waitFor();
    await page
      .getByRole('row', { name: /Paul Durand/ })
      .getByText('Principal')
      .waitFor();
    await page.getByRole('button', { name: 'Générer le devis' }).waitFor();
    await shot(page, 'offres-03-offre');

    await attach(
      page,
      { picker: 'Chercher un contact', role: 'Rôle', button: 'Rattacher' },
      'lefevre',
      /Zoé Lefèvre/,
      'Voyageur'
    );
    await page.getByRole('heading', { name: 'Voyageurs (5)' }).waitFor();
    await page.getByRole('row', { name: /Zoé Lefèvre/ }).waitFor();
    await shot(page, 'offres-04-voyageur-rattache');
    await page.context().close();
  }, 180_000);

  it('does the same in English on a smaller screen', async () => {
    await app.api('PUT', '/admin/users/me', { preferedLanguage: 'en' }, superToken);
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1024, height: 768 } });
    const page = await context.newPage();
    await page.addInitScript("window.localStorage.setItem('strapi-admin-language', 'en')");
    await page.goto(`${app.baseUrl}/admin/auth/login`);
    await page.locator('input[name="email"]').fill(SUPER_ADMIN.email);
    await page.locator('input[name="password"]').fill(SUPER_ADMIN.password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/admin(\/)?$/);

    await page.goto(`${app.baseUrl}${OFFERS_PAGE}`);
    await page.getByRole('heading', { name: 'Offers', exact: true }).waitFor();
    await page
      .getByRole('row', { name: new RegExp(REFERENCE) })
      .getByText('Sent')
      .waitFor();
    await shot(page, 'offers-en-01-list');
    await page.locator('input[name="q"]').fill('0042');
    await page.getByRole('row', { name: /OFF-2027-0060/ }).waitFor({ state: 'detached' });
    await page.getByRole('row', { name: new RegExp(REFERENCE) }).click();
    await page.getByRole('heading', { name: 'Voyage scolaire à Séville' }).waitFor();
    await page.getByText('April 10, 2027 to April 17, 2027').waitFor();
    await page.getByRole('heading', { name: 'Travellers (5)' }).waitFor();
    await page.getByRole('heading', { name: 'Payers (1)' }).waitFor();
    await shot(page, 'offers-en-02-offer');

    await attach(
      page,
      { picker: 'Find a contact', role: 'Role', button: 'Attach' },
      'fontaine',
      /Noah Fontaine/,
      'Traveller'
    );
    await page.getByRole('heading', { name: 'Travellers (6)' }).waitFor();
    await shot(page, 'offers-en-03-traveller-attached');
    await context.close();
  }, 180_000);
});
