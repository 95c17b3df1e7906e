import fs from 'fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { pdfText } from '../helpers/poppler';
import { loginAs, openSession, shot, SUPER_ADMIN, type App } from './app';

let app: App;
let browser: Browser;
let superToken: string;
let contact: string;
let traveller: string;
let offer: string;

const OFFER_REFERENCE = 'OFF-2027-0077';

beforeAll(async () => {
  ({ app, browser, superToken } = await openSession());
  const create = async (data: Record<string, unknown>) =>
    String((await app.api('POST', '/caladeo-contacts/contacts', data, superToken)).documentId);
  contact = await create({
    firstName: 'Hélène',
    lastName: 'Lefèvre',
    email: 'helene.lefevre@exemple.fr',
    phone: '06 12 34 56 78',
  });
  traveller = await create({
    firstName: 'Gilles',
    lastName: 'Marchand',
    email: 'gilles.marchand@exemple.fr',
  });
  // offers are the app's own type, written through the content manager
  const created = await app.api(
    'POST',
    '/content-manager/collection-types/api::offer.offer',
    { title: 'Séjour à Porto', reference: OFFER_REFERENCE, offerStatus: 'accepted', destination: 'Porto' },
    superToken
  );
  offer = String(created.documentId);
  for (const person of [contact, traveller])
    await app.api(
      'POST',
      `/caladeo-contacts/contacts/${person}/offer-links`,
      { offer, role: 'voyageur' },
      superToken
    );
  // a change of the contact, for its history
  await app.api(
    'PUT',
    `/caladeo-contacts/contacts/${contact}`,
    { city: 'Bordeaux', postalCode: '33000' },
    superToken
  );
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('the Demandes RGPD page', () => {
  it('finds a person by phone as written in a mail and downloads the readable summary of their data', async () => {
    const page = await loginAs(browser, app.baseUrl, SUPER_ADMIN.email, SUPER_ADMIN.password);
    await page.goto(`${app.baseUrl}/admin/plugins/caladeo-contacts/privacy`);
    await page.getByRole('heading', { name: 'Demandes RGPD', level: 1 }).waitFor();

    await page.getByRole('combobox', { name: 'Rechercher par' }).click();
    await page.getByRole('option', { name: 'Téléphone' }).click();
    await page.getByRole('textbox', { name: 'Téléphone' }).fill('06 12 34 56 78');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.getByRole('link', { name: 'Hélène Lefèvre' }).waitFor();
    expect(await page.getByText('Son téléphone').count()).toBe(1);
    await shot(page, 'privacy-lookup');

    await page.getByRole('button', { name: 'Exporter ses données' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: 'Résumé lisible (accès)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^donnees-lefevre-helene-\d{4}-\d{2}-\d{2}\.html$/);
    const summary = fs.readFileSync(String(await download.path()), 'utf8');
    expect(summary).toContain('Données personnelles — Hélène Lefèvre');

    // an unknown address says so; a malformed one names the problem next to the field
    await page.getByRole('combobox', { name: 'Rechercher par' }).click();
    await page.getByRole('option', { name: 'Adresse e-mail' }).click();
    await page.getByRole('textbox', { name: 'Adresse e-mail' }).fill('personne@exemple.fr');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.getByText('Aucun contact ne correspond').waitFor();
    await page.getByRole('textbox', { name: 'Adresse e-mail' }).fill('pas-une-adresse');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.getByText('Doit être une adresse e-mail valide').waitFor();
  });

  it('offers the export on the contact page too', async () => {
    const page = await loginAs(browser, app.baseUrl, SUPER_ADMIN.email, SUPER_ADMIN.password);
    await page.goto(`${app.baseUrl}/admin/plugins/caladeo-contacts/contacts/${contact}`);
    await page.getByRole('button', { name: 'Exporter ses données' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: 'Fichier JSON (portabilité)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^donnees-lefevre-helene-.*\.json$/);
    const data = JSON.parse(fs.readFileSync(String(await download.path()), 'utf8'));
    expect(data).toMatchObject({
      format: 'caladeo-contacts.person-export',
      person: { phone: '+33612345678' },
    });
  });
});

describe('a person’s rights from the contact page', () => {
  it('opens the history, exports the data, then erases the person; the offer keeps its headcount and its quote', async () => {
    const page = await loginAs(browser, app.baseUrl, SUPER_ADMIN.email, SUPER_ADMIN.password);
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(`${app.baseUrl}/admin/plugins/caladeo-contacts/contacts/${contact}`);
    await page.getByRole('heading', { name: 'Historique' }).waitFor();
    await page.getByText('Bordeaux').first().waitFor();
    await page.getByRole('heading', { name: 'Historique' }).scrollIntoViewIfNeeded();
    await shot(page, 'privacy-01-history');

    await page.getByRole('button', { name: 'Exporter ses données' }).click();
    const [exported] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: 'Fichier JSON (portabilité)' }).click(),
    ]);
    const data = JSON.parse(fs.readFileSync(String(await exported.path()), 'utf8'));
    expect(data.person).toMatchObject({ lastName: 'Lefèvre', city: 'Bordeaux' });
    expect(data.offers).toEqual([expect.objectContaining({ reference: OFFER_REFERENCE })]);

    await page.getByRole('button', { name: 'Effacer les données personnelles' }).click();
    const dialog = page.getByRole('alertdialog').or(page.getByRole('dialog'));
    await dialog.getByText('Effacer les données personnelles de Hélène Lefèvre ?').waitFor();
    await dialog.getByText('Cette action est irréversible.').waitFor();
    const confirm = dialog.getByRole('button', { name: 'Effacer définitivement' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByRole('textbox').fill('Hélène Lefèvre');
    await shot(page, 'privacy-02-erase-confirmation');
    await confirm.click();
    await page.getByText('Personne effacée', { exact: true }).first().waitFor();
    await page.getByText(/Données personnelles effacées le/).waitFor();
    // the page shows the anonymous contact, and its history, reloaded, no longer holds the address
    await page.getByText('helene.lefevre@exemple.fr').first().waitFor({ state: 'detached' });
    await shot(page, 'privacy-03-erased');

    // the offer still counts both travellers, and its quote still prints
    const offerRow = page.getByRole('row', { name: new RegExp(OFFER_REFERENCE) });
    const [quote] = await Promise.all([
      page.waitForEvent('download'),
      offerRow.getByRole('button', { name: 'Générer le devis' }).click(),
    ]);
    const text = pdfText(fs.readFileSync(String(await quote.path())));
    expect(text).toContain('pour 2 voyageurs');
    expect(text).not.toContain('Lefèvre');
    expect(text).toContain('Marchand');
  });
});
