import fs from 'fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { loginAs, openSession, shot, SUPER_ADMIN, type App } from './app';

let app: App;
let browser: Browser;
let superToken: string;
let offerId: string;

const OFFER_REFERENCE = 'OFF-2027-0042';
/** The admin who registered the panel (app.ts), as the history names her. */
const ADMIN_NAME = 'Claire Direction';
const FRENCH_DATE = String.raw`\d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4} à \d{2}:\d{2}`;
/** The line under a detail page's heading: « Modifié le 3 décembre 2026 à 14:05 par Claire Direction ». */
const lastChangeLine = (page: Page, participle: string) =>
  page.getByText(new RegExp(`^${participle} le ${FRENCH_DATE} par ${ADMIN_NAME}$`));

/** Clicks what starts a download and answers the file's name and its first bytes. */
const download = async (page: Page, trigger: () => Promise<void>) => {
  const [file] = await Promise.all([page.waitForEvent('download'), trigger()]);
  const content = fs.readFileSync(await file.path());
  return { name: file.suggestedFilename(), head: content.subarray(0, 5).toString('latin1') };
};

/** Logs in through the admin's form, in French. */
const login = (email: string, password: string) => loginAs(browser, app.baseUrl, email, password);

beforeAll(async () => {
  ({ app, browser, superToken } = await openSession());
  const client = await app.api(
    'POST',
    '/caladeo-contacts/clients',
    { name: 'Comité des fêtes de Brûlon', type: 'association' },
    superToken
  );
  await app.api(
    'POST',
    '/caladeo-contacts/contacts',
    { firstName: 'Marc', lastName: 'Dubois', email: 'marc.dubois@exemple.fr' },
    superToken
  );
  // offers are the app's own type, written through the content manager
  const offer = await app.api(
    'POST',
    '/content-manager/collection-types/api::offer.offer',
    {
      title: 'Week-end à Lisbonne',
      reference: OFFER_REFERENCE,
      offerStatus: 'draft',
      destination: 'Lisbonne',
      client: { connect: [{ documentId: client.documentId }] },
    },
    superToken
  );
  offerId = String(offer.documentId);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('a super admin in the Contacts tab', () => {
  it('creates a contact, fixes a field error, finds it without accents, links it to a client and an offer, gets the quote and sees the consent log', async () => {
    const page = await login(SUPER_ADMIN.email, SUPER_ADMIN.password);
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.getByRole('link', { name: 'Contacts' }).first().click();
    await page.getByRole('button', { name: 'Nouveau contact' }).first().click();

    await page.getByLabel('Prénom').fill('Hélène');
    await page.getByLabel('Nom', { exact: true }).fill('Lefèvre');
    await page.getByLabel('E-mail').fill('helene@@exemple');
    await page.getByLabel('Téléphone').fill('06 12 34 56 78');
    // the field's hint shows the number as the server will store it
    await page.getByText('+33612345678').first().waitFor();
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    // the server's code email.invalid, shown in French under the field
    const emailError = page
      .locator('[name="email"]')
      .locator('xpath=ancestor::div[1]/..')
      .getByText('Doit être une adresse e-mail valide', { exact: true });
    await emailError.first().waitFor();
    await shot(page, '02-formulaire-contact-erreur');

    await page.getByLabel('E-mail').fill('helene.lefevre@exemple.fr');
    await page.getByLabel('Ville').fill('Bordeaux');
    await page.getByLabel('Newsletter').check();
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('heading', { name: 'Hélène Lefèvre' }).waitFor();
    // under the heading, who created the contact and when, in French
    await lastChangeLine(page, 'Créé').waitFor();

    await page.getByRole('link', { name: 'Retour aux contacts' }).click();
    await page.getByPlaceholder('Nom, e-mail, téléphone, ville…').fill('helene lefevre');
    await page.waitForURL(/q=helene/);
    await page.locator('tbody').getByText('Hélène Lefèvre', { exact: true }).waitFor();
    // the rows come without their total, which its own request brings after them
    await page.getByText(/^\d+ résultats? · page 1$/).waitFor();
    // the city column holds the city alone, not "Bordeaux, France"
    await page
      .getByRole('row', { name: /Hélène Lefèvre/ })
      .getByText('Bordeaux', { exact: true })
      .waitFor();
    await shot(page, '01-liste-contacts');
    await page.locator('tbody').getByText('Hélène Lefèvre', { exact: true }).click();

    await page
      .getByRole('combobox', { name: 'Chercher un client' })
      .pressSequentially('brulon', { delay: 50 });
    await page.getByRole('option', { name: /Comité des fêtes de Brûlon/ }).click();
    await page.getByRole('combobox', { name: 'Rôle' }).first().click();
    await page.getByRole('option', { name: 'Responsable voyage' }).click();
    await page.getByRole('checkbox', { name: 'Contact principal' }).first().click();
    await page.getByRole('button', { name: 'Rattacher' }).first().click();
    await page.getByText('Principal', { exact: true }).first().waitFor();
    // the picker is ready for the next client: neither the old choice nor its text remain
    expect(await page.getByRole('combobox', { name: 'Chercher un client' }).inputValue()).toBe('');
    // the new role is the contact's last change, answered with the attach itself
    await lastChangeLine(page, 'Modifié').waitFor();
    await shot(page, '03-fiche-contact');

    await page
      .getByRole('combobox', { name: 'Chercher une offre' })
      .pressSequentially('lisbonne', { delay: 50 });
    await page.getByRole('option', { name: new RegExp(OFFER_REFERENCE) }).click();
    await page.getByRole('combobox', { name: 'Rôle' }).last().click();
    await page.getByRole('option', { name: 'Payeur' }).click();
    await page.getByRole('button', { name: 'Rattacher' }).last().click();
    const offerRow = page.getByRole('row', { name: new RegExp(OFFER_REFERENCE) });
    const quote = await download(page, () =>
      offerRow.getByRole('button', { name: 'Générer le devis' }).click()
    );
    expect(quote.name).toBe(`devis-${OFFER_REFERENCE}.pdf`);
    expect(quote.head).toBe('%PDF-');

    // the newsletter box ticked in the form is in the log as turned on, with the admin who ticked it
    await page.getByRole('heading', { name: 'Consentement newsletter' }).waitFor();
    const consentRow = page.getByRole('row', { name: /Inscription activée par l’agence/ });
    await consentRow.getByText(`Agence · ${SUPER_ADMIN.email}`).waitFor();
    await page.getByRole('heading', { name: 'Consentement newsletter' }).scrollIntoViewIfNeeded();
    await shot(page, '08-fiche-contact-devis-consentement');

    await page.getByRole('link', { name: 'Comité des fêtes de Brûlon' }).click();
    await page.getByRole('heading', { name: 'Comité des fêtes de Brûlon' }).waitFor();
    const row = page.getByRole('row', { name: /Hélène Lefèvre/ });
    await row.getByText('Responsable voyage', { exact: true }).waitFor();
    await row.getByText('Principal', { exact: true }).waitFor();
    await shot(page, '04-fiche-client');
    const fromClient = await download(page, () =>
      page.getByRole('button', { name: 'Générer le devis' }).click()
    );
    expect(fromClient.head).toBe('%PDF-');

    await page
      .getByRole('combobox', { name: 'Chercher un contact' })
      .pressSequentially('dubois', { delay: 50 });
    await page.getByRole('option', { name: /Marc Dubois/ }).click();
    // the attach form's role, not the role selects of the contacts already attached
    await page.getByRole('combobox', { name: 'Rôle', exact: true }).click();
    await page.getByRole('option', { name: 'Payeur' }).click();
    await page.getByRole('button', { name: 'Rattacher' }).click();
    await page
      .getByRole('row', { name: /Marc Dubois/ })
      .getByText('Payeur', { exact: true })
      .waitFor();
    expect(await page.getByRole('combobox', { name: 'Chercher un contact' }).inputValue()).toBe('');
    await shot(page, '09-fiche-client-contact-rattache');

    // the offer's page in the tab: the payer attached from the contact's page is its last change
    await page.goto(`${app.baseUrl}/admin/plugins/caladeo-contacts/offers/${offerId}`);
    await lastChangeLine(page, 'Modifiée').waitFor();
    await shot(page, '11-fiche-offre-derniere-modification');

    // the offer's own page in the content manager offers the same quote
    await page.goto(`${app.baseUrl}/admin/content-manager/collection-types/api::offer.offer/${offerId}`);
    const quoteAction = page.getByRole('button', { name: 'Générer le devis' });
    // the content manager loads its layouts on first visit: slow on a busy machine
    await quoteAction.waitFor({ timeout: 90_000 });
    await shot(page, '10-offre-devis');
    const fromOffer = await download(page, () => quoteAction.click());
    expect(fromOffer.head).toBe('%PDF-');

    await page.goto(`${app.baseUrl}/admin/plugins/caladeo-contacts/clients`);
    await page.locator('tbody').getByText('Comité des fêtes de Brûlon', { exact: true }).waitFor();
    await shot(page, '05-liste-clients');
    await page.context().close();
  });
});

describe('an Editor without the contacts actions', () => {
  it('sees no Contacts entry, is refused by URL, and once granted read sees the list without New', async () => {
    const roles = (await app.api('GET', '/admin/roles', undefined, superToken)) as unknown as Array<{
      id: number;
      code: string;
    }>;
    const editorRole = roles.find((role) => role.code === 'strapi-editor');
    expect(editorRole).toBeDefined();
    const roleId = (editorRole as { id: number }).id;
    const editor = { email: 'redaction@agence.test', password: 'Caladeo-e2e-2' };
    const invited = await app.api(
      'POST',
      '/admin/users',
      { email: editor.email, firstname: 'Rémi', lastname: 'Rédaction', roles: [roleId] },
      superToken
    );
    await app.api('POST', '/admin/register', {
      registrationToken: invited.registrationToken,
      userInfo: { firstname: 'Rémi', lastname: 'Rédaction', password: editor.password },
    });

    const page = await login(editor.email, editor.password);
    // the main menu is drawn once the user's permissions are loaded: wait for the content manager's link
    await page
      .getByRole('link', { name: /contenu|content/i })
      .first()
      .waitFor();
    expect(await page.getByRole('link', { name: 'Contacts', exact: true }).count()).toBe(0);

    await page.goto(`${app.baseUrl}/admin/plugins/caladeo-contacts`);
    await page.getByText("Vous n'avez pas les permissions pour accéder à ce contenu").first().waitFor();
    await shot(page, '06-editeur-refuse');

    // the super admin grants the Editor role the contacts read action, keeping what it had
    const held = (await app.api(
      'GET',
      `/admin/roles/${roleId}/permissions`,
      undefined,
      superToken
    )) as unknown as Array<{
      action: string;
      subject: string | null;
      properties: Record<string, unknown>;
      conditions: string[];
    }>;
    const permissions = [
      ...held.map(({ action, subject, properties, conditions }) => ({
        action,
        subject,
        properties,
        conditions,
      })),
      { action: 'plugin::caladeo-contacts.contacts.read', subject: null, properties: {}, conditions: [] },
    ];
    await app.api('PUT', `/admin/roles/${roleId}/permissions`, { permissions }, superToken);

    await page.goto(`${app.baseUrl}/admin`);
    await page.getByRole('link', { name: 'Contacts', exact: true }).first().click();
    await page.getByPlaceholder('Nom, e-mail, téléphone, ville…').waitFor();
    await page.locator('tbody').getByText('Hélène Lefèvre', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Nouveau contact' }).count()).toBe(0);
    await shot(page, '07-editeur-liste-sans-creation');

    // reading contacts is not reading their consent log, nor generating quotes
    await page.locator('tbody').getByText('Hélène Lefèvre', { exact: true }).click();
    await page.getByText(`${OFFER_REFERENCE} · Week-end à Lisbonne`).waitFor();
    expect(await page.getByRole('button', { name: 'Générer le devis' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Consentement newsletter' }).count()).toBe(0);
    await page.context().close();
  });
});

describe('the Tâches page', () => {
  it('shows a dead job with its error to the super admin, who retries it', async () => {
    // a sign-up whose mail failed every time, as the job runner leaves it
    const database = new Database(app.databaseFile);
    const now = Date.now();
    const { lastInsertRowid } = database
      .prepare(
        `INSERT INTO caladeo_jobs (kind, state, payload, available_at, attempts, max_attempts, last_error,
           cancel_requested, finished_at, created_at, updated_at)
         VALUES ('newsletter.sign-up', 'dead', '{"signUpId":999999}', ?, 30, 30, 'SMTP server unreachable', 0, ?, ?, ?)`
      )
      .run(now, now, now, now);
    database.close();

    const page = await login(SUPER_ADMIN.email, SUPER_ADMIN.password);
    await page.goto(`${app.baseUrl}/admin/plugins/caladeo-contacts`);
    await page.getByRole('link', { name: 'Tâches', exact: true }).click();
    const row = page.locator(`tr[data-job-id="${lastInsertRowid}"]`);
    await row.getByText('SMTP server unreachable').waitFor();
    await row.getByText('Inscription à la newsletter').waitFor();
    await row.getByText('En échec').waitFor();
    await row.getByText('30 / 30').waitFor();
    await shot(page, '08-taches-en-echec');

    await row.getByRole('button', { name: 'Réessayer' }).click();
    await page.getByText('La tâche est de nouveau en attente').waitFor();
    // its request is gone, so the retried job has nothing left to do and completes
    await row.getByText('Terminée').waitFor({ timeout: 15_000 });
    expect(await row.getByRole('button', { name: 'Réessayer' }).count()).toBe(0);
    await page.context().close();
  });
});
