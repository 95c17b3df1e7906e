import fs from 'fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import {
  launchBrowser,
  loginAs,
  registerSuperAdmin,
  SCREENSHOTS,
  shot,
  startApp,
  SUPER_ADMIN,
  type App,
} from './app';

let app: App;
let browser: Browser;
let contact: string;

beforeAll(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  app = await startApp();
  const token = await registerSuperAdmin(app);
  const created = await app.api(
    'POST',
    '/caladeo-contacts/contacts',
    { firstName: 'Hélène', lastName: 'Lefèvre', email: 'helene.lefevre@exemple.fr', phone: '06 12 34 56 78' },
    token
  );
  contact = String(created.documentId);
  browser = await launchBrowser();
});

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
