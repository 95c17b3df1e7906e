import fs from 'fs';
import path from 'path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { APP_DIR, audit, loginAs, openSession, shot, SUPER_ADMIN, type App, type Violation } from './app';

let app: App;
let browser: Browser;
let contactId: string;
let twinId: string;
let clientId: string;
let clientTwinId: string;
let offerId: string;
let superToken: string;

const ROOT = '/admin/plugins/caladeo-contacts';

/** Waits until a page of the tab has drawn its heading and its data. */
const settle = async (page: Page) => {
  await page.locator('main h1').first().waitFor();
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page
    .locator('main [aria-busy="true"]')
    .first()
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
};

const countByImpact = (violations: Violation[]) =>
  (['critical', 'serious', 'moderate', 'minor'] as const).map(
    (impact) => `${impact} ${violations.filter((violation) => violation.impact === impact).length}`
  );

/** Every page of the tab, with what to do once it is open to reach the state audited. */
const pages = (): Array<{ name: string; url: string; then?: (page: Page) => Promise<void> }> => [
  { name: 'contacts-list', url: ROOT },
  {
    name: 'contacts-list-columns-menu',
    url: ROOT,
    then: async (page) => {
      await page.getByRole('button', { name: /^(Colonnes|Columns)$/ }).click();
      await page.getByRole('checkbox', { name: /^(Téléphone|Phone)$/ }).waitFor();
    },
  },
  {
    name: 'contacts-list-save-view',
    url: ROOT,
    then: async (page) => {
      await page.getByRole('button', { name: /^(Vues|Views)$/ }).click();
      await page.getByRole('button', { name: /^(Enregistrer la vue actuelle|Save current view)$/ }).click();
      await page.getByRole('alertdialog').waitFor();
    },
  },
  {
    name: 'contacts-list-delete-view',
    url: ROOT,
    then: async (page) => {
      await page.getByRole('button', { name: /^(Vues|Views)$/ }).click();
      await page.getByRole('button', { name: /^(Supprimer|Delete) Abonnés$/ }).click();
      await page.getByRole('alertdialog').waitFor();
    },
  },
  { name: 'contact-page', url: `${ROOT}/contacts/${contactId}` },
  { name: 'contact-form-new', url: `${ROOT}/contacts/new` },
  { name: 'contact-form-edit', url: `${ROOT}/contacts/${contactId}/edit` },
  {
    name: 'contact-form-error',
    url: `${ROOT}/contacts/${contactId}/edit`,
    then: async (page) => {
      await page.locator('input[name="email"]').fill('helene@@exemple');
      await page.locator('input[name="email"]').press('Enter');
      await page.locator('input[name="email"][aria-invalid="true"]').waitFor();
    },
  },
  { name: 'clients-list', url: `${ROOT}/clients` },
  {
    name: 'client-page',
    url: `${ROOT}/clients/${clientId}`,
    // its twin, typed a second time, is listed as a possible duplicate
    then: async (page) => {
      await page.locator('main h2', { hasText: /^(Doublons possibles|Possible duplicates)$/ }).waitFor();
    },
  },
  { name: 'client-form', url: `${ROOT}/clients/new` },
  {
    name: 'client-form-duplicate',
    url: `${ROOT}/clients/new`,
    // the association typed again: the warning lists it above the fields
    then: async (page) => {
      await page.locator('input[name="name"]').fill('Comité des fêtes de Brûlon');
      await page.locator('input[name="city"]').fill('Brûlon');
      await page
        .getByRole('status')
        .filter({ hasText: /^(Ce client existe peut-être déjà|This client may already exist)/ })
        .waitFor();
    },
  },
  { name: 'offers-list', url: `${ROOT}/offers` },
  {
    name: 'offer-page',
    url: `${ROOT}/offers/${offerId}`,
    // Hélène pays and travels: two roles, one person
    then: async (page) => {
      await page.getByText(/^2 (personnes|people)$/).waitFor();
    },
  },
  { name: 'imports', url: `${ROOT}/imports` },
  { name: 'duplicates', url: `${ROOT}/duplicates` },
  { name: 'merge', url: `${ROOT}/merge?ids=${contactId},${twinId}` },
  {
    name: 'client-merge',
    url: `${ROOT}/clients/merge?ids=${clientId},${clientTwinId}`,
    then: async (page) => {
      await page.locator('main [role="radiogroup"]').first().waitFor();
    },
  },
  { name: 'jobs', url: `${ROOT}/jobs` },
  { name: 'privacy', url: `${ROOT}/privacy` },
  { name: 'retention', url: `${ROOT}/privacy/retention` },
];

beforeAll(async () => {
  ({ app, browser, superToken } = await openSession());
  const client = await app.api(
    'POST',
    '/caladeo-contacts/clients',
    { name: 'Comité des fêtes de Brûlon', type: 'association', phone: '+33243950000', city: 'Brûlon' },
    superToken
  );
  clientId = String(client.documentId);
  const clientTwin = await app.api(
    'POST',
    '/caladeo-contacts/clients',
    { name: 'Comite des fetes de Brulon', type: 'association', city: 'Brulon' },
    superToken
  );
  clientTwinId = String(clientTwin.documentId);
  await app.api(
    'POST',
    '/caladeo-contacts/list-views/contacts',
    { name: 'Abonnés', state: { filters: { newsletter: 'true' }, columns: ['name', 'email'] } },
    superToken
  );
  const contact = await app.api(
    'POST',
    '/caladeo-contacts/contacts',
    {
      firstName: 'Hélène',
      lastName: 'Lefèvre',
      email: 'helene.lefevre@exemple.fr',
      phone: '+33612345678',
      postalCode: '33000',
      city: 'Bordeaux',
    },
    superToken
  );
  contactId = String(contact.documentId);
  const twin = await app.api(
    'POST',
    '/caladeo-contacts/contacts',
    { firstName: 'Helene', lastName: 'Lefevre', email: 'h.lefevre@exemple.fr', phone: '+447911123456' },
    superToken
  );
  twinId = String(twin.documentId);
  await app.api(
    'POST',
    `/caladeo-contacts/contacts/${contactId}/client-links`,
    { client: clientId, role: 'responsable_voyage', isPrimary: true },
    superToken
  );
  // offers are the app's own type, written through the content manager
  const offer = await app.api(
    'POST',
    '/content-manager/collection-types/api::offer.offer',
    {
      title: 'Week-end à Lisbonne',
      reference: 'OFF-2027-0007',
      offerStatus: 'sent',
      startDate: '2027-05-14',
      endDate: '2027-05-17',
      pricePerPerson: 420,
      client: { connect: [{ documentId: clientId }] },
    },
    superToken
  );
  offerId = String(offer.documentId);
  for (const [contact, role, isPrimary] of [
    [contactId, 'payeur', true],
    [contactId, 'voyageur', false],
    [twinId, 'voyageur', false],
  ] as const) {
    await app.api(
      'POST',
      `/caladeo-contacts/contacts/${contact}/offer-links`,
      { offer: offerId, role, isPrimary },
      superToken
    );
  }
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe.each([
  { language: 'fr' as const, viewport: { width: 1440, height: 900 } },
  { language: 'en' as const, viewport: { width: 1024, height: 768 } },
])('axe-core on every page of the tab, $language at $viewport.width px', ({ language, viewport }) => {
  it('finds no serious or critical violation in the plugin’s pages', async () => {
    // the language saved in the admin user's profile wins over the browser's, once logged in
    await app.api('PUT', '/admin/users/me', { preferedLanguage: language }, superToken);
    const page = await loginAs(browser, app.baseUrl, SUPER_ADMIN.email, SUPER_ADMIN.password, {
      language,
      viewport,
    });
    const report: Record<string, { ours: string[]; shell: string[]; shellRules: string[] }> = {};
    const failures: string[] = [];
    for (const { name, url, then } of pages()) {
      await page.goto(`${app.baseUrl}${url}`);
      await settle(page);
      if (name === 'contacts-list') {
        // the page is in the language audited: its tab bar names the jobs page
        await page.getByRole('link', { name: language === 'fr' ? 'Tâches' : 'Jobs', exact: true }).waitFor();
      }
      await then?.(page);
      const violations = await audit(page);
      const ours = violations.filter((violation) => violation.ours);
      const shell = violations.filter((violation) => !violation.ours);
      report[name] = {
        ours: countByImpact(ours),
        shell: countByImpact(shell),
        shellRules: [...new Set(shell.map((violation) => violation.id))],
      };
      for (const violation of ours) {
        if (violation.impact === 'serious' || violation.impact === 'critical') {
          failures.push(
            `${name}: [${violation.impact}] ${violation.id} (${violation.help}) at ${violation.html}`
          );
        }
      }
      await shot(page, `a11y-${language}-${name}`);
    }
    const lines = Object.entries(report).map(
      ([name, { ours, shell, shellRules }]) =>
        `${name.padEnd(20)} ours: ${ours.join(', ')} | Strapi shell: ${shell.join(', ')} (${shellRules.join(', ')})`
    );
    // the counts per page and impact, for whoever reads the test's output
    process.stdout.write(
      `axe-core, ${language} ${viewport.width}×${viewport.height}\n${lines.join('\n')}\n${failures.join('\n')}\n`
    );
    fs.writeFileSync(
      path.join(APP_DIR, 'test-output', `axe-${language}.json`),
      JSON.stringify({ report, failures }, null, 2)
    );
    await page.context().close();
    await app.api('PUT', '/admin/users/me', { preferedLanguage: 'fr' }, superToken);
    expect(failures).toEqual([]);
  });
});

describe('the contact form with the keyboard alone', () => {
  it('tabs to a field, types, submits with Enter, lands on the first error, then on the saved contact’s heading', async () => {
    const page = await loginAs(browser, app.baseUrl, SUPER_ADMIN.email, SUPER_ADMIN.password);
    await page.goto(`${app.baseUrl}${ROOT}/contacts/new`);
    // the page's heading has the focus, so a screen reader announces the page
    await page.getByRole('heading', { name: 'Nouveau contact', level: 1 }).waitFor();
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');

    const focusedName = () => page.evaluate(() => document.activeElement?.getAttribute('name') ?? '');
    const tabTo = async (name: string) => {
      for (let presses = 0; presses < 40 && (await focusedName()) !== name; presses++) {
        await page.keyboard.press('Tab');
      }
      expect(await focusedName()).toBe(name);
    };
    await tabTo('firstName');
    await page.keyboard.type('Odile');
    await tabTo('lastName');
    await page.keyboard.type('Château');
    await tabTo('email');
    await page.keyboard.type('odile@@exemple');
    await tabTo('phone');
    await page.keyboard.type('0612');
    await tabTo('postalCode');
    await page.keyboard.type('33000');
    // the département is filled as soon as the postal code is known, and the hint stays
    expect(await page.locator('input[name="region"]').inputValue()).toBe('Gironde');
    await page.keyboard.press('Enter');

    // the first field in error has the focus, and its error is what it is described by
    await page.locator('input[name="email"][aria-invalid="true"]').waitFor();
    expect(await focusedName()).toBe('email');
    /** What a screen reader reads after a field's label: the texts its aria-describedby names. */
    const descriptionOf = (name: string) =>
      page.locator(`input[name="${name}"]`).evaluate((input) =>
        (input.getAttribute('aria-describedby') ?? '')
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' ')
      );
    expect(await descriptionOf('email')).toContain('Doit être une adresse e-mail valide');
    // a field with a hint keeps it under its error, and is described by both
    const phoneDescription = await descriptionOf('phone');
    expect(phoneDescription).toContain("N'est pas un numéro de téléphone possible (pays : France)");
    expect(phoneDescription).toContain('Ce numéro ne semble pas valide pour le pays');
    await shot(page, 'a11y-clavier-erreur');

    // a corrected field loses its old error as soon as its value changes
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('odile.chateau@exemple.fr');
    expect(await page.locator('input[name="email"][aria-invalid="true"]').count()).toBe(0);
    expect(await page.getByText('Doit être une adresse e-mail valide').count()).toBe(0);
    await tabTo('phone');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('06 12 34 56 78');
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { name: 'Odile Château', level: 1 }).waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent === 'Odile Château');
    await shot(page, 'a11y-clavier-enregistre');
    await page.context().close();
  });
});

describe('a form with unsaved changes', () => {
  it('asks before leaving for another page of the admin, and before a reload', async () => {
    const page = await loginAs(browser, app.baseUrl, SUPER_ADMIN.email, SUPER_ADMIN.password);
    await page.goto(`${app.baseUrl}${ROOT}/contacts/${twinId}/edit`);
    await page.locator('input[name="city"]').click();
    await page.keyboard.type('Lyon');

    const menuLink = page.getByRole('navigation').getByRole('link', { name: 'Contacts', exact: true });
    await menuLink.click();
    const dialog = page.getByRole('alertdialog', { name: 'Quitter sans enregistrer ?' });
    await dialog.waitFor();
    await shot(page, 'a11y-quitter-sans-enregistrer');
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(page.url()).toContain('/edit');
    expect(await page.locator('input[name="city"]').inputValue()).toBe('Lyon');

    // a reload asks the browser's own question; staying keeps the typing
    const question = page.waitForEvent('dialog');
    void page.reload().catch(() => undefined);
    const asked = await question;
    expect(asked.type()).toBe('beforeunload');
    await asked.dismiss();
    expect(await page.locator('input[name="city"]').inputValue()).toBe('Lyon');

    await menuLink.click();
    await dialog.getByRole('button', { name: 'Quitter' }).click();
    await page.getByRole('heading', { name: 'Contacts', level: 1 }).waitFor();
    expect(page.url()).not.toContain('/edit');
    await page.context().close();
  });
});
