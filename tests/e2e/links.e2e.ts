import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { loginAs, openSession, shot, SUPER_ADMIN, type App } from './app';

let app: App;
let browser: Browser;
let superToken: string;

beforeAll(async () => {
  ({ app, browser, superToken } = await openSession());
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const ADMIN = '/caladeo-contacts';

/** A client with Anne (primary, two roles) and Paul (one role), made through the admin routes. */
const clientWithTwoContacts = async (name: string) => {
  const client = await app.api('POST', `${ADMIN}/clients`, { name, type: 'association' }, superToken);
  const person = (firstName: string, lastName: string) =>
    app.api('POST', `${ADMIN}/contacts`, { firstName, lastName }, superToken);
  const anne = await person('Anne', 'Martin');
  const paul = await person('Paul', 'Durand');
  const attach = (contact: Record<string, unknown>, role: string, isPrimary = false) =>
    app.api(
      'POST',
      `${ADMIN}/contacts/${String(contact.documentId)}/client-links`,
      { client: client.documentId, role, isPrimary },
      superToken
    );
  await attach(anne, 'responsable_voyage', true);
  await attach(anne, 'president');
  await attach(paul, 'payeur');
  return { client: String(client.documentId), paul: String(paul.documentId) };
};

const primaryOf = async (client: string) => {
  const detail = (await app.api('GET', `${ADMIN}/clients/${client}`, undefined, superToken)) as {
    contactLinks: Array<{ role: string; isPrimary: boolean; contact: { lastName: string } | null }>;
  };
  return detail.contactLinks
    .filter((link) => link.isPrimary)
    .map((link) => [link.contact?.lastName, link.role]);
};

const LANGUAGES = [
  {
    language: 'fr' as const,
    viewport: { width: 1440, height: 900 },
    clientName: 'Chorale des Trois Rivières',
    words: {
      roleOf: 'Rôle de Paul Durand',
      billing: 'Contact facturation',
      makePrimary: 'Rendre principal',
      primary: 'Principal',
      loses: 'Anne Martin ne sera plus le contact principal de Chorale des Trois Rivières.',
      remove: 'Retirer le rôle Contact facturation (Paul Durand)',
      detachSays:
        'Paul Durand n’aura plus le rôle « Contact facturation » auprès de Chorale des Trois Rivières.',
      detach: 'Détacher',
      detached: 'Le rôle Contact facturation (Paul Durand) a été retiré.',
      undo: 'Annuler',
      restored: 'Rôle rétabli',
      delete: 'Supprimer',
      deleteSays: '2 contacts seront détachés',
      cancel: 'Annuler',
      pickContact: 'Chercher un contact',
      role: 'Rôle',
      traveller: 'Voyageur',
      primaryBox: 'Contact principal',
      attach: 'Rattacher',
      zoeLoses: 'Anne Martin ne sera plus le contact principal de Chorale des Trois Rivières (bis).',
    },
  },
  {
    language: 'en' as const,
    viewport: { width: 1024, height: 768 },
    clientName: 'Three Rivers Choir',
    words: {
      roleOf: 'Role of Paul Durand',
      billing: 'Billing contact',
      makePrimary: 'Make primary',
      primary: 'Primary',
      loses: 'Anne Martin will no longer be the primary contact of Three Rivers Choir.',
      remove: 'Remove the role Billing contact (Paul Durand)',
      detachSays: 'Paul Durand will no longer have the role “Billing contact” on Three Rivers Choir.',
      detach: 'Detach',
      detached: 'The role Billing contact (Paul Durand) was removed.',
      undo: 'Undo',
      restored: 'Role restored',
      delete: 'Delete',
      deleteSays: 'its 2 contacts unlinked',
      cancel: 'Cancel',
      pickContact: 'Find a contact',
      role: 'Role',
      traveller: 'Traveller',
      primaryBox: 'Primary contact',
      attach: 'Attach',
      zoeLoses: 'Anne Martin will no longer be the primary contact of Three Rivers Choir (bis).',
    },
  },
];

describe.each(LANGUAGES)('a client’s contacts edited from the client’s page ($language)', (setup) => {
  const { words } = setup;
  let page: Page;

  it('changes a role, makes another contact primary, detaches with a confirmation and undoes it', async () => {
    const { client } = await clientWithTwoContacts(setup.clientName);
    // the admin takes the user's profile language over the browser's once it is set
    await app.api('PUT', '/admin/users/me', { preferedLanguage: setup.language }, superToken);
    page = await loginAs(browser, app.baseUrl, SUPER_ADMIN.email, SUPER_ADMIN.password, setup);
    await page.goto(`${app.baseUrl}/admin/plugins/caladeo-contacts/clients/${client}`);
    await page.getByRole('heading', { name: setup.clientName, level: 1 }).waitFor();

    // Anne's two roles are one line, and the delete dialog counts two contacts, not three roles
    const rows = page.locator('tbody tr', {
      has: page.getByRole('link', { name: /Anne Martin|Paul Durand/ }),
    });
    await expect(rows.count()).resolves.toBe(2);
    await page.getByRole('button', { name: words.delete }).click();
    await page.getByRole('alertdialog').getByText(words.deleteSays, { exact: false }).waitFor();
    await page.getByRole('alertdialog').getByRole('button', { name: words.cancel }).click();
    await shot(page, `links-${setup.language}-01-client`);

    const paulRow = page.getByRole('row', { name: /Paul Durand/ });
    await page.getByRole('combobox', { name: words.roleOf }).click();
    await page.getByRole('option', { name: words.billing }).click();
    await paulRow.getByRole('combobox', { name: words.roleOf }).getByText(words.billing).waitFor();

    await paulRow.getByRole('button', { name: words.makePrimary }).click();
    const primaryDialog = page.getByRole('alertdialog');
    await primaryDialog.getByText(words.loses).waitFor();
    await shot(page, `links-${setup.language}-02-primary-confirmation`);
    await primaryDialog.getByRole('button', { name: words.makePrimary }).click();
    await paulRow.getByText(words.primary, { exact: true }).waitFor();
    await page
      .getByRole('row', { name: /Anne Martin/ })
      .getByText(words.primary, { exact: true })
      .waitFor({ state: 'detached' });
    expect(await primaryOf(client)).toEqual([['Durand', 'contact_facturation']]);

    await paulRow.getByRole('button', { name: words.remove }).click();
    const detachDialog = page.getByRole('alertdialog');
    await detachDialog.getByText(words.detachSays).waitFor();
    await shot(page, `links-${setup.language}-03-detach-confirmation`);
    await detachDialog.getByRole('button', { name: words.detach }).click();
    await page.getByText(words.detached).waitFor();
    await paulRow.waitFor({ state: 'detached' });
    expect(await primaryOf(client)).toEqual([]);
    await shot(page, `links-${setup.language}-04-detached-undo`);

    await page.getByRole('button', { name: words.undo, exact: true }).click();
    await page.getByText(words.restored, { exact: true }).first().waitFor();
    // nobody took the primary meanwhile: Paul has his role and the primary back
    await paulRow.getByRole('combobox', { name: words.roleOf }).getByText(words.billing).waitFor();
    await paulRow.getByText(words.primary, { exact: true }).waitFor();
    expect(await primaryOf(client)).toEqual([['Durand', 'contact_facturation']]);
    await shot(page, `links-${setup.language}-05-restored`);
    await page.context().close();
  });

  it('says who stops being primary when a contact is attached with the primary box ticked', async () => {
    const clientName = `${setup.clientName} (bis)`;
    const { client } = await clientWithTwoContacts(clientName);
    const lastName = `Roux-${setup.language}`;
    await app.api('POST', `${ADMIN}/contacts`, { firstName: 'Zoé', lastName }, superToken);
    page = await loginAs(browser, app.baseUrl, SUPER_ADMIN.email, SUPER_ADMIN.password, setup);
    await page.goto(`${app.baseUrl}/admin/plugins/caladeo-contacts/clients/${client}`);
    await page.getByRole('heading', { name: clientName, level: 1 }).waitFor();

    await page.getByRole('combobox', { name: words.pickContact }).pressSequentially(lastName, { delay: 50 });
    await page.getByRole('option', { name: new RegExp(lastName) }).click();
    await page.getByRole('combobox', { name: words.role, exact: true }).click();
    await page.getByRole('option', { name: words.traveller }).click();
    // nothing is said until the box is ticked
    await expect(page.getByText(words.zoeLoses).count()).resolves.toBe(0);
    await page.getByRole('checkbox', { name: words.primaryBox }).click();
    await page.getByRole('status').getByText(words.zoeLoses).waitFor();
    await shot(page, `links-${setup.language}-06-attach-primary`);

    await page.getByRole('button', { name: words.attach, exact: true }).click();
    await page
      .getByRole('row', { name: new RegExp(lastName) })
      .getByText(words.primary, { exact: true })
      .waitFor();
    expect(await primaryOf(client)).toEqual([[lastName, 'voyageur']]);
    await page.context().close();
  });
});
