import fs from 'fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import type { Browser, Page } from 'playwright-core';
import { loginAs, openSession, shot, SUPER_ADMIN, type App } from './app';

let app: App;
let browser: Browser;
let superToken: string;

/** Rows are written at the import's own pace: the waits are long, and nothing is timed. */
const LONG = { timeout: 20 * 60_000 };

const HEADERS = ['Civilité', 'Prénom', 'Nom', 'Courriel', 'Téléphone', 'Code postal', 'Ville'];
const FIRST_NAMES = [
  'Hélène',
  'Françoise',
  'Jérôme',
  'Zoé',
  'Noël',
  'Anaïs',
  'Cécile',
  'Rémi',
  'Agnès',
  'Benoît',
];
const LAST_NAMES = [
  'Lefèvre',
  'Bœuf',
  'L’Hôte',
  'Dupré',
  'Cœurdacier',
  'Mérimée',
  'Œillet',
  'D’Arcy',
  'Garçon',
  'Pérez',
];
const TOWNS = [
  ['75011', 'Paris'],
  ['69002', 'Lyon'],
  ['33000', 'Bordeaux'],
  ['13001', 'Marseille'],
  ['59000', 'Lille'],
  ['35000', 'Rennes'],
];
const CONTACTS = 5000;
/** The rows an agency's file gets wrong: half a broken e-mail, half a number no phone has. */
const BAD_ROWS = [17, 420, 999, 1500, 2001, 2500, 3003, 3333, 4000, 4444, 4800, 4999];

const emailOf = (index: number) => `contact.${index}@exemple.fr`;
const phoneOf = (index: number) =>
  `06 ${String(10_000_000 + index)
    .slice(-8)
    .replace(/(\d\d)(?=\d)/g, '$1 ')}`;

/** One contact's row, as the agency's file has it (wrong, for a bad row) or as fixed. */
const rowOf = (index: number, fixed: boolean) => {
  const [postalCode, city] = TOWNS[index % TOWNS.length] as [string, string];
  const badness = BAD_ROWS.indexOf(index);
  const wrong = !fixed && badness >= 0;
  return [
    index % 2 === 0 ? 'Mme' : 'M.',
    FIRST_NAMES[index % FIRST_NAMES.length] as string,
    `${LAST_NAMES[Math.floor(index / 10) % LAST_NAMES.length]}-${index}`,
    wrong && badness % 2 === 0 ? `contact.${index}.exemple.fr` : emailOf(index),
    wrong && badness % 2 === 1 ? '12 34' : phoneOf(index),
    postalCode,
    city,
  ];
};

/** A CSV as French Excel saves it: Windows-1252, semicolons, CRLF. */
const frenchExcelCsv = (rows: string[][]) =>
  iconv.encode([HEADERS, ...rows].map((row) => row.join(';')).join('\r\n') + '\r\n', 'windows-1252');

const indexes = (count: number) => Array.from({ length: count }, (_, index) => index);

const chooseFile = async (page: Page, name: string, buffer: Buffer) => {
  await page.locator('input[type="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer });
  await page.locator('tr[data-column="Courriel"]').waitFor(LONG);
};

/** What the select of a column shows: the label of its target. */
const targetShown = async (page: Page, header: string) =>
  (await page.getByRole('combobox', { name: `Champ pour la colonne ${header}` }).textContent())?.trim();

/** The admin user's contact list, straight from its route: what the Contacts tab shows. */
const contactTotal = async () => {
  const response = await fetch(`${app.baseUrl}/caladeo-contacts/contacts`, {
    headers: { Authorization: `Bearer ${superToken}` },
  });
  const body = (await response.json()) as { pagination: { total: number } };
  return body.pagination.total;
};

/** Undoes, from the history, the newest import that may still be undone, and waits until it is. */
const undoNewest = async (page: Page) => {
  const row = page
    .locator('tr[data-import-id]')
    .filter({ has: page.getByRole('button', { name: "Annuler l'import" }) })
    .first();
  const documentId = await row.getAttribute('data-import-id');
  await row.getByRole('button', { name: "Annuler l'import" }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: "Annuler l'import" }).click();
  await page.locator(`tr[data-import-id="${documentId}"]`).getByText('Défait', { exact: true }).waitFor(LONG);
};

beforeAll(async () => {
  ({ app, browser, superToken } = await openSession());
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('importing an agency’s Excel file from the Imports page', () => {
  it(
    'maps the French columns, finds the 12 bad rows in a dry run, imports 4,988 contacts, gives back the bad rows, imports them once fixed, and undoes both',
    async () => {
      const page = await loginAs(browser, app.baseUrl, SUPER_ADMIN.email, SUPER_ADMIN.password);
      page.on('pageerror', (error) => console.error('page error:', error.message));
      await page.getByRole('link', { name: 'Contacts' }).first().click();
      await page.getByRole('link', { name: 'Imports', exact: true }).click();
      await page.getByRole('heading', { name: 'Imports', exact: true }).waitFor();

      const original = frenchExcelCsv(indexes(CONTACTS).map((index) => rowOf(index, false)));
      await chooseFile(page, 'carnet-agence.csv', original);
      await page.getByText('Lu en windows-1252, séparateur « ; », en-têtes sur la ligne 1').waitFor();
      expect(await targetShown(page, 'Civilité')).toBe('Civilité');
      expect(await targetShown(page, 'Prénom')).toBe('Prénom');
      expect(await targetShown(page, 'Nom')).toBe('Nom');
      expect(await targetShown(page, 'Courriel')).toBe('E-mail');
      expect(await targetShown(page, 'Téléphone')).toBe('Téléphone');
      expect(await targetShown(page, 'Code postal')).toBe('Code postal');
      expect(await targetShown(page, 'Ville')).toBe('Ville');
      // sample values, read in the right encoding
      await page
        .locator('tr[data-column="Nom"]')
        .getByText(/Lefèvre-0 · Lefèvre-1/)
        .waitFor();
      await shot(page, '20-import-correspondance');

      await page.getByRole('button', { name: 'Essai à blanc', exact: true }).click();
      const dryRun = page.locator('[data-import-run="dry-run"] [data-import-counts]');
      await dryRun.filter({ hasText: /4\s?988 créés .* 12 en erreur/ }).waitFor(LONG);
      await page
        .locator('[data-import-run="dry-run"]')
        .getByRole('button', { name: 'Fichier des erreurs (12)' })
        .waitFor();
      await shot(page, '21-import-essai-a-blanc');
      expect(await contactTotal()).toBe(0);

      await page.getByRole('button', { name: 'Importer', exact: true }).click();
      const result = page.locator('[data-import-result]');
      await page.locator('[data-import-progress]').waitFor(LONG);
      // once a first batch is written the bar says its pace, unless the import is already over
      await page
        .getByText(/lignes\/s, encore/)
        .or(result)
        .first()
        .waitFor(LONG);
      await shot(page, '22-import-en-cours');
      await result.getByText(/4\s?988 créés · 0 mis à jour · 0 inchangés · 12 en erreur/).waitFor(LONG);
      await shot(page, '23-import-resultat');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        result.getByRole('button', { name: 'Fichier des erreurs (12)' }).click(),
      ]);
      const errorFile = fs.readFileSync(await download.path());
      expect(errorFile.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      // in the file's own separator, so that French Excel opens it in columns
      const [header, ...failed] = parse(errorFile.toString('utf8').slice(1), {
        delimiter: ';',
      }) as string[][];
      expect(header).toEqual([...HEADERS, 'Erreurs', 'erreur_code']);
      expect(failed.map((row) => row.slice(0, HEADERS.length))).toEqual(
        BAD_ROWS.map((index) => rowOf(index, false))
      );
      failed.forEach((row, position) => {
        expect(row[HEADERS.length]).toMatch(position % 2 === 0 ? /^email: Doit / : /^phone: N'est pas /);
        expect(row[HEADERS.length + 1]).toMatch(position % 2 === 0 ? /^email:email\./ : /^phone:phone\./);
      });

      await page.getByRole('button', { name: 'Importer un autre fichier' }).click();
      await chooseFile(
        page,
        'carnet-agence-corrige.csv',
        frenchExcelCsv(BAD_ROWS.map((index) => rowOf(index, true)))
      );
      await page.getByRole('button', { name: 'Importer', exact: true }).click();
      await result.getByText('12 créés · 0 mis à jour · 0 inchangés · 0 en erreur').waitFor(LONG);
      expect(await contactTotal()).toBe(CONTACTS);
      await shot(page, '24-import-corrige');

      const history = page.locator('tr[data-import-id]');
      await history.nth(2).waitFor();
      expect(await history.count()).toBe(3);
      await undoNewest(page);
      await undoNewest(page);
      await shot(page, '25-import-historique-defait');
      expect(await contactTotal()).toBe(0);

      await page.getByRole('link', { name: 'Contacts', exact: true }).first().click();
      await page.getByText("Aucun contact pour l'instant. Créez le premier.").waitFor();
      await shot(page, '26-contacts-vides-apres-annulation');
    },
    60 * 60_000
  );
});
