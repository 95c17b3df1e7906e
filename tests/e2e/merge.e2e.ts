import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { loginAs, openSession, shot, SUPER_ADMIN, type App } from './app';

let app: App;
let browser: Browser;
let superToken: string;
let kept: string;
let merged: string;
/** Paul and Pol Leroy, one person with one phone, typed twice. */
const leroys: string[] = [];

beforeAll(async () => {
  ({ app, browser, superToken } = await openSession());
  const first = await app.api(
    'POST',
    '/caladeo-contacts/contacts',
    { firstName: 'Anne', lastName: 'Martin', email: 'anne.martin@exemple.fr' },
    superToken
  );
  const second = await app.api(
    'POST',
    '/caladeo-contacts/contacts',
    { firstName: 'Anna', lastName: 'Martin', email: 'a.martin@exemple.fr', city: 'Lyon' },
    superToken
  );
  kept = String(first.documentId);
  merged = String(second.documentId);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('the merge page', () => {
  it('merges two contacts with the e-mail chosen by hand, then undoes the merge', async () => {
    const page = await loginAs(browser, app.baseUrl, SUPER_ADMIN.email, SUPER_ADMIN.password);
    await page.goto(`${app.baseUrl}/admin/plugins/caladeo-contacts/merge?ids=${kept},${merged}`);
    await page.getByRole('heading', { name: 'Fusionner des contacts', level: 1 }).waitFor();

    // the e-mail of the contact merged away is kept: the survivor's own becomes an alias
    await page
      .getByRole('radiogroup', { name: 'Garder le champ E-mail de Anna Martin' })
      .getByRole('radio')
      .click();
    await page.getByRole('heading', { name: 'E-mails gardés comme alias' }).waitFor();
    expect(await page.getByText('anne.martin@exemple.fr', { exact: true }).count()).toBeGreaterThan(0);
    await shot(page, 'merge-preview');

    await page.getByRole('button', { name: 'Fusionner', exact: true }).click();
    await page
      .getByRole('alertdialog')
      .getByText('2 contacts n’en feront plus qu’un', { exact: false })
      .waitFor();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Fusionner', exact: true }).click();
    await page.getByText('Contacts fusionnés').waitFor();
    await shot(page, 'merge-done');

    const survivor = await app.api('GET', `/caladeo-contacts/contacts/${kept}`, undefined, superToken);
    expect(survivor.email).toBe('a.martin@exemple.fr');
    expect(survivor.city).toBe('Lyon');

    await page.getByRole('button', { name: 'Annuler la fusion' }).click();
    await page.waitForURL(/\/plugins\/caladeo-contacts\/duplicates$/);
    const restored = await app.api('GET', `/caladeo-contacts/contacts/${merged}`, undefined, superToken);
    expect(restored.email).toBe('a.martin@exemple.fr');
    const back = await app.api('GET', `/caladeo-contacts/contacts/${kept}`, undefined, superToken);
    expect(back.email).toBe('anne.martin@exemple.fr');
  });

  it('opens the merge page from a contact’s page, with the contact found by search', async () => {
    const page = await loginAs(browser, app.baseUrl, SUPER_ADMIN.email, SUPER_ADMIN.password);
    await page.goto(`${app.baseUrl}/admin/plugins/caladeo-contacts/contacts/${kept}`);
    await page.getByRole('button', { name: 'Fusionner…' }).click();
    await page
      .getByRole('combobox', { name: 'Le contact à fusionner avec celui-ci' })
      .pressSequentially('Anna', { delay: 50 });
    await page.getByRole('option', { name: /a\.martin@exemple\.fr/ }).click();
    await page.getByRole('button', { name: 'Comparer' }).click();
    await page.waitForURL(new RegExp(`/merge\\?ids=${kept},${merged}$`));
    await page.getByRole('radiogroup', { name: 'Garder le champ E-mail de Anna Martin' }).waitFor();
  });

  it('merges two contacts selected in the contact list', async () => {
    const page = await loginAs(browser, app.baseUrl, SUPER_ADMIN.email, SUPER_ADMIN.password);
    await page.goto(`${app.baseUrl}/admin/plugins/caladeo-contacts?q=martin`);
    await page.getByRole('checkbox', { name: 'Sélectionner Anne Martin' }).click();

    // one contact is no merge: the button is off and the bar says why
    const mergeButton = page.getByRole('button', { name: 'Fusionner…' });
    await expect(mergeButton.isDisabled()).resolves.toBe(true);
    await page.getByText('Une fusion réunit de 2 à 5 contacts : sélectionnez-en de 2 à 5.').waitFor();
    await page.getByRole('checkbox', { name: 'Sélectionner Anna Martin' }).click();
    await expect(mergeButton.isEnabled()).resolves.toBe(true);
    await shot(page, 'merge-from-selection');
    await mergeButton.click();

    // the first contact ticked is the one kept
    await page.waitForURL(new RegExp(`/merge\\?ids=${kept},${merged}$`));
    await page.getByRole('heading', { name: 'Fusionner des contacts', level: 1 }).waitFor();
    await page.getByRole('radiogroup', { name: 'Garder le champ E-mail de Anna Martin' }).waitFor();
    await page.getByRole('button', { name: 'Fusionner', exact: true }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Fusionner', exact: true }).click();
    await page.getByText('Contacts fusionnés').waitFor();

    const survivor = await app.api('GET', `/caladeo-contacts/contacts/${kept}`, undefined, superToken);
    // the contact kept took the city only the other one had
    expect(survivor.city).toBe('Lyon');
    // the other contact is no more: its record was merged into the one kept
    await expect(
      app.api('GET', `/caladeo-contacts/contacts/${merged}`, undefined, superToken)
    ).rejects.toThrow(/: 404 /);
  });

  it('shows the phones of a pair as a person dials them, with their tel: links, on the merge page too', async () => {
    for (const [firstName, email] of [
      ['Paul', 'paul.leroy@exemple.fr'],
      ['Pol', 'p.leroy@exemple.fr'],
    ]) {
      const created = await app.api(
        'POST',
        '/caladeo-contacts/contacts',
        { firstName, lastName: 'Leroy', email, phone: '+33612345678' },
        superToken
      );
      leroys.push(String(created.documentId));
    }
    const page = await loginAs(browser, app.baseUrl, SUPER_ADMIN.email, SUPER_ADMIN.password);
    await page.goto(`${app.baseUrl}/admin/plugins/caladeo-contacts/duplicates`);
    await page.getByRole('button', { name: 'Lancer une analyse' }).click();
    const pair = page.getByRole('row', { name: /Paul Leroy/ });
    await pair.waitFor();
    // a French number at a French agency: the national format, linked to the full number
    const phones = pair.getByRole('link', { name: '06 12 34 56 78' });
    await expect(phones.count()).resolves.toBe(2);
    await expect(phones.first().getAttribute('href')).resolves.toBe('tel:+33612345678');
    await shot(page, 'duplicates-phones');

    // side by side with a cousin in London: a French number in the national format, a British
    // one in the international format, as on the contact's page
    const cousin = await app.api(
      'POST',
      '/caladeo-contacts/contacts',
      { firstName: 'Pauline', lastName: 'Leroy', email: 'pauline.leroy@exemple.fr', phone: '+447911123456' },
      superToken
    );
    await page.goto(
      `${app.baseUrl}/admin/plugins/caladeo-contacts/merge?ids=${leroys.join(',')},${String(cousin.documentId)}`
    );
    const phoneOf = (name: string) =>
      page.getByRole('radiogroup', { name: `Garder le champ Téléphone de ${name}` });
    await phoneOf('Paul Leroy').getByText('06 12 34 56 78', { exact: true }).waitFor();
    await phoneOf('Pol Leroy').getByText('06 12 34 56 78', { exact: true }).waitFor();
    await phoneOf('Pauline Leroy').getByText('+44 7911 123456', { exact: true }).waitFor();
    const shownText = (await page.locator('main').textContent()) ?? '';
    expect(shownText).not.toContain('+33612345678');
    expect(shownText).not.toContain('+447911123456');
    await shot(page, 'merge-phones');
  });

  it('warns in the contact form that the Paul being typed may be one already stored', async () => {
    // the same warning component as the client form's: the contacts with his number, linked
    const page = await loginAs(browser, app.baseUrl, SUPER_ADMIN.email, SUPER_ADMIN.password);
    await page.goto(`${app.baseUrl}/admin/plugins/caladeo-contacts/contacts/new`);
    await page.locator('input[name="firstName"]').fill('Paul');
    await page.locator('input[name="lastName"]').fill('Leroy');
    await page.locator('input[name="phone"]').fill('06 12 34 56 78');
    const warning = page.getByRole('status').filter({ hasText: 'Ce contact existe peut-être déjà' });
    const paul = warning.getByRole('link', { name: 'Paul Leroy', exact: true });
    await paul.waitFor();
    await expect(paul.getAttribute('href')).resolves.toMatch(new RegExp(`/contacts/${leroys[0]}$`));
    await warning.getByRole('link', { name: 'Pol Leroy', exact: true }).waitFor();
    await warning.getByText('même téléphone', { exact: false }).first().waitFor();
    await page.context().close();
  });
});
