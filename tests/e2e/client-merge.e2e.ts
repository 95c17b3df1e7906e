import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { loginAs, openSession, shot, SUPER_ADMIN, type App } from './app';

let app: App;
let browser: Browser;
let superToken: string;
let kept: string;
let twin: string;
let anne: string;
let paul: string;
let offer: string;

const ROOT = '/admin/plugins/caladeo-contacts';
const SIRET = '44332211000018';

type Detail = {
  name: string;
  city: string | null;
  contactLinks: { role: string; isPrimary: boolean; contact: { documentId: string } | null }[];
  offers: { documentId: string }[];
};

const clientOf = async (documentId: string) =>
  (await app.api(
    'GET',
    `/caladeo-contacts/clients/${documentId}`,
    undefined,
    superToken
  )) as unknown as Detail;
const rolesOf = (detail: Detail) =>
  detail.contactLinks
    .map((link) => `${link.contact?.documentId} ${link.role}${link.isPrimary ? ' primary' : ''}`)
    .sort();

beforeAll(async () => {
  ({ app, browser, superToken } = await openSession());
  const create = async (path: string, data: Record<string, unknown>) =>
    String((await app.api('POST', `/caladeo-contacts/${path}`, data, superToken)).documentId);
  // one company typed twice, by two staff members: the same SIRET
  kept = await create('clients', {
    name: 'Voyages Dupont',
    type: 'company',
    siret: SIRET,
    city: 'Lyon',
    phone: '+33478123456',
  });
  twin = await create('clients', {
    name: 'SARL Voyages Dupont',
    type: 'company',
    siret: SIRET,
    city: 'Villeurbanne',
  });
  anne = await create('contacts', { firstName: 'Anne', lastName: 'Martin', email: 'anne.martin@exemple.fr' });
  paul = await create('contacts', { firstName: 'Paul', lastName: 'Leroy', email: 'paul.leroy@exemple.fr' });
  const link = (contact: string, client: string, role: string, isPrimary: boolean) =>
    app.api(
      'POST',
      `/caladeo-contacts/contacts/${contact}/client-links`,
      { client, role, isPrimary },
      superToken
    );
  await link(anne, kept, 'responsable_voyage', true);
  // Anne holds the same role on the twin (it collapses to one), Paul pays for the twin's trips
  await link(anne, twin, 'responsable_voyage', false);
  await link(paul, twin, 'payeur', true);
  // offers are the app's own type, written through the content manager
  offer = String(
    (
      await app.api(
        'POST',
        '/content-manager/collection-types/api::offer.offer',
        {
          title: 'Séminaire à Porto',
          reference: 'OFF-2027-0042',
          offerStatus: 'sent',
          client: { connect: [{ documentId: twin }] },
        },
        superToken
      )
    ).documentId
  );
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('merging duplicate clients', () => {
  it('finds the duplicate on the client’s page, merges it, then undoes the merge', async () => {
    const page = await loginAs(browser, app.baseUrl, SUPER_ADMIN.email, SUPER_ADMIN.password);
    await page.goto(`${app.baseUrl}${ROOT}/clients/${kept}`);
    await page.getByRole('heading', { name: 'Doublons possibles', level: 2 }).waitFor();
    const duplicate = page.getByRole('row', { name: /SARL Voyages Dupont/ });
    await duplicate.getByText('même SIRET').waitFor();
    await shot(page, 'client-merge-duplicates');

    await duplicate.getByRole('button', { name: 'Fusionner avec SARL Voyages Dupont' }).click();
    await page.waitForURL(new RegExp(`/clients/merge\\?ids=${kept},${twin}$`));
    await page.getByRole('heading', { name: 'Fusionner des clients', level: 1 }).waitFor();

    // the twin's town is kept, chosen with the keyboard: focus its radio, Space
    const twinsCity = page
      .getByRole('radiogroup', { name: 'Garder le champ Ville de SARL Voyages Dupont' })
      .getByRole('radio');
    // the phone reads as on the client's page: a French number in the national format
    await page
      .getByRole('radiogroup', { name: 'Garder le champ Téléphone de Voyages Dupont' })
      .getByText('04 78 12 34 56', { exact: true })
      .waitFor();
    expect(await page.locator('main').textContent()).not.toContain('+33478123456');
    await twinsCity.focus();
    await page.keyboard.press('Space');
    await expect(twinsCity.getAttribute('aria-checked')).resolves.toBe('true');
    // what moves: Paul's role and the twin's offer; Anne's role held on both becomes one
    await page.getByText('OFF-2027-0042 · Séminaire à Porto (venant de SARL Voyages Dupont)').waitFor();
    await page.getByText('Anne Martin : Responsable voyage (venant de SARL Voyages Dupont)').waitFor();
    await page
      .getByRole('row', { name: /Paul Leroy/ })
      .getByText('Payeur')
      .waitFor();
    await shot(page, 'client-merge-preview');

    await page.getByRole('button', { name: 'Fusionner', exact: true }).click();
    const dialog = page.getByRole('alertdialog');
    // the name proposed is the most recently updated client's: the confirmation says it
    await dialog
      .getByText('2 clients n’en feront plus qu’un : SARL Voyages Dupont.', { exact: false })
      .waitFor();
    await dialog.getByRole('button', { name: 'Fusionner', exact: true }).click();
    await page.getByText('Clients fusionnés').waitFor();
    await shot(page, 'client-merge-done');

    const merged = await clientOf(kept);
    expect(merged).toMatchObject({ name: 'SARL Voyages Dupont', city: 'Villeurbanne' });
    // Anne keeps her one role and stays primary; Paul's role came from the twin
    expect(rolesOf(merged)).toEqual([`${anne} responsable_voyage primary`, `${paul} payeur`].sort());
    expect(merged.offers.map((item) => item.documentId)).toEqual([offer]);
    await expect(clientOf(twin)).rejects.toThrow(/: 404 /);

    await page.getByRole('button', { name: 'Annuler la fusion' }).click();
    // back on the client kept, whose duplicate is back too
    await page.waitForURL(new RegExp(`/clients/${kept}$`));
    await page.getByText('Fusion annulée : les 2 clients sont de retour').waitFor();
    await page.getByRole('row', { name: /SARL Voyages Dupont/ }).waitFor();
    await shot(page, 'client-merge-undone');

    const restored = await clientOf(twin);
    expect(restored.city).toBe('Villeurbanne');
    expect(rolesOf(restored)).toEqual([`${anne} responsable_voyage`, `${paul} payeur primary`].sort());
    expect(restored.offers.map((item) => item.documentId)).toEqual([offer]);
    const back = await clientOf(kept);
    expect(back).toMatchObject({ name: 'Voyages Dupont', city: 'Lyon' });
    expect(rolesOf(back)).toEqual([`${anne} responsable_voyage primary`]);
    expect(back.offers).toEqual([]);
    await page.context().close();
  });

  it('merges clients ticked in the list, and says so when a colleague merged them first', async () => {
    const page = await loginAs(browser, app.baseUrl, SUPER_ADMIN.email, SUPER_ADMIN.password);
    await page.goto(`${app.baseUrl}${ROOT}/clients?q=dupont`);
    await page.getByRole('checkbox', { name: 'Sélectionner Voyages Dupont' }).click();

    // one client is no merge: the button is off and the bar says why
    const mergeButton = page.getByRole('button', { name: 'Fusionner…' });
    await expect(mergeButton.isDisabled()).resolves.toBe(true);
    await page.getByText('Une fusion réunit de 2 à 5 clients : sélectionnez-en de 2 à 5.').waitFor();
    await page.getByRole('checkbox', { name: 'Sélectionner SARL Voyages Dupont' }).click();
    await page.getByText('2 clients sélectionnés').waitFor();
    await expect(mergeButton.isEnabled()).resolves.toBe(true);
    await shot(page, 'client-merge-from-selection');
    await mergeButton.click();
    await page.waitForURL(new RegExp(`/clients/merge\\?ids=${kept},${twin}$`));
    await page.getByRole('radiogroup', { name: 'Conserver Voyages Dupont comme client' }).waitFor();

    // meanwhile a colleague merges the same two through the API
    await app.api(
      'POST',
      '/caladeo-contacts/clients/merge',
      { data: { survivor: kept, merged: [twin] } },
      superToken
    );
    await page.getByRole('button', { name: 'Fusionner', exact: true }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Fusionner', exact: true }).click();
    await page.getByText('La fusion a été refusée').waitFor();
    await page
      .getByText('Cette fiche a déjà été fusionnée : la fiche conservée est SARL Voyages Dupont')
      .waitFor();
    await shot(page, 'client-merge-conflict');
    await expect(clientOf(twin)).rejects.toThrow(/: 404 /);
    // the refusal opens the client that colleague's merge kept
    await page.getByRole('link', { name: 'Ouvrir la fiche conservée par cette fusion' }).click();
    await page.waitForURL(new RegExp(`/clients/${kept}$`));
    await page.getByRole('heading', { name: 'SARL Voyages Dupont', level: 1 }).waitFor();
    await page.context().close();
  });

  it('warns while a client already stored is typed again, links to it, and still saves', async () => {
    const page = await loginAs(browser, app.baseUrl, SUPER_ADMIN.email, SUPER_ADMIN.password);
    await page.goto(`${app.baseUrl}${ROOT}/clients/new`);
    await page.getByRole('heading', { name: 'Nouveau client', level: 1 }).waitFor();
    await page.locator('input[name="name"]').fill('Dupont Tourisme');
    // the SIRET as printed on an invoice, with spaces: its digits are those of the client kept above
    await page.locator('input[name="siret"]').fill('443 322 110 00018');

    const warning = page.getByRole('status').filter({ hasText: 'Ce client existe peut-être déjà' });
    await warning.getByText('même SIRET', { exact: false }).waitFor();
    const existing = warning.getByRole('link', { name: /Voyages Dupont \(/ });
    await expect(existing.getAttribute('href')).resolves.toMatch(new RegExp(`/clients/${kept}$`));
    // it opens in a new tab: what is typed here stays
    await expect(existing.getAttribute('target')).resolves.toBe('_blank');
    await shot(page, 'client-form-duplicate-warning');

    // a warning, not a refusal: the client is saved all the same
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByRole('heading', { name: 'Dupont Tourisme', level: 1 }).waitFor();
    expect(page.url()).not.toMatch(/\/clients\/new$/);
    await page.context().close();
  });
});
