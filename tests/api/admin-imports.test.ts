import { beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import type { Knex } from 'knex';
import request from 'supertest';
import * as migration from '../../database/migrations/2026.12.07T06.00.00.import-template-names';
import { ACTION, UID } from '../../src/plugins/caladeo-contacts/shared/constants';
import type {
  ImportListResponse,
  ImportSummary,
  ImportTemplateEntry,
} from '../../src/plugins/caladeo-contacts/shared/contracts/admin';
import { ADMIN_API, adminClient, adminTokenWithActions } from '../helpers/admin';
import { UNIQUE_VIOLATION, rejectionMessage } from '../helpers/database';
import { jobRunner } from '../helpers/newsletter';
import { useStrapi } from '../helpers/strapi';

const app = useStrapi();

let everything: string;
let readOnly: string;
let creator: string;
let contactsOnly: string;

const frenchExcelCsv = (lines: string[]) => iconv.encode(lines.join('\r\n') + '\r\n', 'windows-1252');

const CONTACTS_FILE = frenchExcelCsv([
  'Carnet d’adresses de l’agence;;;',
  'Civilité;Prénom;Nom;Courriel;Code postal',
  'Mme;Françoise;Lœuvre;francoise.loeuvre@exemple.fr;33000',
  'M.;Jean;Dupré-Cœur;jean.dupre@exemple.fr;69002',
  '',
  'Mme;Zoé;Aubépine;zoe.aubepine@exemple.fr;75011',
  'M.;Noël;Bœuf;noel.boeuf@exemple.fr;13001',
  'Mme;Anaïs;L’Hôte;anais.lhote@exemple.fr;59000',
  'M.;Rémi;Garçon;remi.garcon@exemple.fr;35000',
  'M.;Sans;Adresse;pas-une-adresse;35000',
]);

/** A multipart request to an admin route, as the Imports page sends it. */
const upload = (
  token: string | undefined,
  path: string,
  file: Buffer | null,
  fields: Record<string, string> = {}
) => {
  let call = request(app.baseUrl).post(`${ADMIN_API}${path}`);
  if (token) call = call.set('Authorization', `Bearer ${token}`);
  for (const [key, value] of Object.entries(fields)) call = call.field(key, value);
  return file ? call.attach('file', file, 'contacts.csv') : call;
};

/** The parts of a workbook in the order an exceljs reader meets them at their worst. */
const WORKSHEETS_BEFORE_INDEX = [
  '[Content_Types].xml',
  '_rels/.rels',
  'xl/_rels/workbook.xml.rels',
  'xl/sharedStrings.xml',
  'xl/worksheets/sheet1.xml',
  'xl/worksheets/sheet2.xml',
];

/** The workbook's relationships to its tabs as absolute part names (`/xl/worksheets/…`). */
const absoluteTargets = (name: string, text: string) =>
  name === 'xl/_rels/workbook.xml.rels'
    ? text.replaceAll('Target="worksheets/', 'Target="/xl/worksheets/')
    : text;

/**
 * A workbook zipped again: the parts named first in that order, the others after them with the
 * workbook's index last, each XML part through `edit`.
 */
const rewrittenWorkbook = async (
  file: Buffer,
  firstParts: string[],
  edit: (name: string, text: string) => string = (_name, text) => text
) => {
  const source = await JSZip.loadAsync(file);
  const names = Object.values(source.files)
    .filter((entry) => !entry.dir)
    .map((entry) => entry.name);
  const index = 'xl/workbook.xml';
  const order = [
    ...firstParts,
    ...names.filter((name) => !firstParts.includes(name) && name !== index),
    index,
  ];
  expect(firstParts.filter((name) => !names.includes(name))).toEqual([]);
  const target = new JSZip();
  for (const name of order) {
    target.file(name, edit(name, await (source.file(name) as JSZip.JSZipObject).async('string')));
  }
  return target.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
};

/** How many rows the imports' tables and the contacts hold: what "nothing written" compares. */
const stored = async () => ({
  imports: await app.strapi.db.query(UID.contactImport).count(),
  chunks: await app.strapi.db.query(UID.importChunk).count(),
  contacts: await app.strapi.db.query(UID.contact).count(),
  templates: await app.strapi.db.query(UID.importTemplate).count(),
});

const fieldPaths = (body: { error?: { details?: { errors?: Array<{ path: string[] }> } } }) =>
  (body.error?.details?.errors ?? []).map((entry) => entry.path.join('.'));

/** Imports a file through the admin, lets the job run, and answers the import as it ended. */
const importThroughAdmin = async (file: Buffer, fields: Record<string, string> = {}) => {
  const response = await upload(everything, '/imports', file, fields);
  expect(response.status).toBe(202);
  await jobRunner(app).drain();
  const read = await adminClient(app, everything).get(`/imports/${response.body.data.documentId}`);
  expect(read.status).toBe(200);
  return read.body.data as ImportSummary;
};

beforeAll(async () => {
  everything = await adminTokenWithActions(app, [
    ACTION['imports.read'],
    ACTION['imports.create'],
    ACTION['imports.manage'],
  ]);
  readOnly = await adminTokenWithActions(app, [ACTION['imports.read']]);
  creator = await adminTokenWithActions(app, [ACTION['imports.read'], ACTION['imports.create']]);
  contactsOnly = await adminTokenWithActions(app, [ACTION['contacts.read'], ACTION['contacts.create']]);
}, 120_000);

describe('previewing a file', () => {
  it('shows how the file was read, its headers under a title row, its first rows and the proposed mapping, writing nothing', async () => {
    const before = await stored();
    const response = await upload(creator, '/imports/preview', CONTACTS_FILE);
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({
      file: { format: 'csv', encoding: 'windows-1252', delimiter: ';', sheet: null },
      sheets: null,
      headerRow: 2,
      headers: ['Civilité', 'Prénom', 'Nom', 'Courriel', 'Code postal'],
      rows: [
        ['Mme', 'Françoise', 'Lœuvre', 'francoise.loeuvre@exemple.fr', '33000'],
        ['M.', 'Jean', 'Dupré-Cœur', 'jean.dupre@exemple.fr', '69002'],
        ['Mme', 'Zoé', 'Aubépine', 'zoe.aubepine@exemple.fr', '75011'],
        ['M.', 'Noël', 'Bœuf', 'noel.boeuf@exemple.fr', '13001'],
        ['Mme', 'Anaïs', 'L’Hôte', 'anais.lhote@exemple.fr', '59000'],
      ],
      mapping: {
        Civilité: 'gender',
        Prénom: 'firstName',
        Nom: 'lastName',
        Courriel: 'email',
        'Code postal': 'postalCode',
      },
    });
    expect(await stored()).toEqual(before);
  });

  it('reads the file as told: another separator gives one column', async () => {
    const response = await upload(creator, '/imports/preview', CONTACTS_FILE, { delimiter: ',' });
    expect(response.status).toBe(200);
    expect(response.body.data.file.delimiter).toBe(',');
    expect(response.body.data.headers).toHaveLength(1);
  });

  it('lists the sheets of a workbook and previews the chosen one', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Notes').addRow(['rien à importer']);
    const sheet = workbook.addWorksheet('Contacts 2026');
    sheet.addRow(['Nom', 'Prénom', 'E-mail']);
    sheet.addRow(['Perrin', 'Élodie', 'elodie.perrin@exemple.fr']);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const response = await upload(creator, '/imports/preview', file, { sheet: 'Contacts 2026' });
    // the body with the status: a refusal then says which field it named
    expect({ status: response.status, error: response.body.error }).toEqual({
      status: 200,
      error: undefined,
    });
    expect(response.body.data).toMatchObject({
      file: { format: 'xlsx', sheet: 'Contacts 2026' },
      sheets: ['Notes', 'Contacts 2026'],
      headers: ['Nom', 'Prénom', 'E-mail'],
      rows: [['Perrin', 'Élodie', 'elodie.perrin@exemple.fr']],
      mapping: { Nom: 'lastName', Prénom: 'firstName', 'E-mail': 'email' },
    });
  });

  // Zip writers differ: Excel puts the workbook's index first, exceljs last, others between the
  // shared strings and the tabs; some point at a tab by an absolute path. The index read first
  // names every tab whatever the order.
  it.each<[string, string[], ((name: string, text: string) => string) | undefined]>([
    ['the tabs come before the index, after the shared strings', WORKSHEETS_BEFORE_INDEX, undefined],
    ['the index points at its tabs by absolute paths', [], absoluteTargets],
  ])('finds a sheet asked by name or by number when %s', async (_case, firstParts, edit) => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Notes').addRow(['rien à importer']);
    const sheet = workbook.addWorksheet('Contacts 2026');
    sheet.addRow(['Nom', 'Prénom', 'E-mail']);
    sheet.addRow(['Perrin', 'Élodie', 'elodie.perrin@exemple.fr']);
    const file = await rewrittenWorkbook(Buffer.from(await workbook.xlsx.writeBuffer()), firstParts, edit);
    for (const asked of ['Contacts 2026', '2']) {
      const response = await upload(creator, '/imports/preview', file, { sheet: asked });
      expect({ asked, status: response.status, error: response.body.error }).toEqual({
        asked,
        status: 200,
        error: undefined,
      });
      expect(response.body.data).toMatchObject({
        file: { format: 'xlsx', sheet: asked },
        sheets: ['Notes', 'Contacts 2026'],
        headers: ['Nom', 'Prénom', 'E-mail'],
        rows: [['Perrin', 'Élodie', 'elodie.perrin@exemple.fr']],
      });
    }
    const first = await upload(creator, '/imports/preview', file);
    expect(first.status).toBe(200);
    expect(first.body.data.headers).toEqual(['rien à importer']);
    const missing = await upload(creator, '/imports/preview', file, { sheet: 'Contacts 2025' });
    expect(missing.status).toBe(400);
    expect(fieldPaths(missing.body)).toEqual(['file']);
  });

  it('shows a file whose headers it does not know, for the user to map by hand', async () => {
    const response = await upload(creator, '/imports/preview', Buffer.from('Qui;Où\nAlice;Lyon\n'));
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({
      headerRow: 1,
      headers: ['Qui', 'Où'],
      rows: [['Alice', 'Lyon']],
      mapping: { Qui: null, Où: null },
    });
  });

  it('refuses, naming the field, a missing or empty file, an unknown field and an unknown encoding', async () => {
    const before = await stored();
    const missing = await upload(creator, '/imports/preview', null, { delimiter: ';' });
    expect(missing.status).toBe(400);
    expect(fieldPaths(missing.body)).toEqual(['file']);

    const empty = await upload(creator, '/imports/preview', Buffer.alloc(0));
    expect(empty.status).toBe(400);
    expect(missing.body.error).toMatchObject({ status: 400, name: 'ValidationError' });
    expect(fieldPaths(empty.body)).toEqual(['file']);

    const unknownField = await upload(creator, '/imports/preview', CONTACTS_FILE, { mode: 'create' });
    expect(unknownField.status).toBe(400);
    expect(fieldPaths(unknownField.body)).toEqual(['mode']);

    const encoding = await upload(creator, '/imports/preview', CONTACTS_FILE, { encoding: 'klingon-8' });
    expect(encoding.status).toBe(400);
    expect(fieldPaths(encoding.body)).toEqual(['file']);
    expect(await stored()).toEqual(before);
  });
});

describe('importing through the admin and the history', () => {
  let first: ImportSummary;
  let second: ImportSummary;

  beforeAll(async () => {
    first = await importThroughAdmin(CONTACTS_FILE, { dryRun: 'true' });
    second = await importThroughAdmin(CONTACTS_FILE, { mode: 'create' });
  });

  it('imports as the content API does, naming the admin who asked', async () => {
    expect(first).toMatchObject({
      status: 'completed',
      dryRun: true,
      counts: { total: 7, created: 6, failed: 1 },
    });
    expect(second).toMatchObject({
      status: 'completed',
      dryRun: false,
      mode: 'create',
      counts: { total: 7, created: 6, failed: 1 },
      requestedBy: expect.stringMatching(/@example\.test$/),
    });
    expect(await app.strapi.db.query(UID.contact).count()).toBe(6);
  });

  it('lists imports newest first, page by page, with who, file, mode, status and counts', async () => {
    const response = await adminClient(app, readOnly).get('/imports');
    expect(response.status).toBe(200);
    const list = response.body as ImportListResponse;
    expect(list.meta.pagination).toEqual({ page: 1, pageSize: 20, total: 2 });
    expect(list.data.map((entry) => entry.documentId)).toEqual([second.documentId, first.documentId]);
    expect(list.data[0]).toMatchObject({
      fileName: 'contacts.csv',
      mode: 'create',
      dryRun: false,
      status: 'completed',
      requestedBy: second.requestedBy,
      counts: { created: 6, failed: 1 },
    });

    const secondPage = await adminClient(app, readOnly).get('/imports?page=2&pageSize=1');
    expect(secondPage.status).toBe(200);
    expect(secondPage.body.data.map((entry: ImportSummary) => entry.documentId)).toEqual([first.documentId]);
  });

  it('refuses a list query it does not understand, naming it', async () => {
    const zero = await adminClient(app, readOnly).get('/imports?pageSize=0');
    expect(zero.status).toBe(400);
    expect(fieldPaths(zero.body)).toEqual(['pageSize']);
    const unknown = await adminClient(app, readOnly).get('/imports?status=completed');
    expect(unknown.status).toBe(400);
    expect(fieldPaths(unknown.body)).toEqual(['status']);
  });

  it('lets a reader see an import and download its error file', async () => {
    const one = await adminClient(app, readOnly).get(`/imports/${second.documentId}`);
    expect(one.status).toBe(200);
    expect(one.body.data.documentId).toBe(second.documentId);
    const errors = await adminClient(app, readOnly).get(`/imports/${second.documentId}/errors`);
    expect(errors.status).toBe(200);
    expect(errors.headers['content-type']).toMatch(/^text\/csv/);
    expect(errors.text).toContain('pas-une-adresse');
    expect(errors.text.split('\n')[0]).toContain('Erreurs');
    // the admin who imported it works in French, the admin's default
    expect(errors.text).toContain(
      'pas-une-adresse;35000;email: Doit être une adresse e-mail valide;email:email.invalid'
    );
  });

  it('answers 404 for an import that does not exist and 400 for a malformed documentId', async () => {
    expect((await adminClient(app, readOnly).get('/imports/nosuchimport0000')).status).toBe(404);
    expect((await adminClient(app, readOnly).get('/imports/nosuchimport0000/errors')).status).toBe(404);
    expect((await adminClient(app, everything).post('/imports/nosuchimport0000/undo', {})).status).toBe(404);
    const malformed = await adminClient(app, readOnly).get('/imports/NOT-AN-ID');
    expect(malformed.status).toBe(400);
    expect(fieldPaths(malformed.body)).toEqual(['documentId']);
  });

  it('undoes an import for a manager: the contacts it created are gone', async () => {
    const undo = await adminClient(app, everything).post(`/imports/${second.documentId}/undo`, {});
    expect(undo.status).toBe(202);
    await jobRunner(app).drain();
    const after = await adminClient(app, readOnly).get(`/imports/${second.documentId}`);
    expect(after.body.data).toMatchObject({ status: 'undone', undo: { undone: 6, keptEdited: 0 } });
    expect(await app.strapi.db.query(UID.contact).count()).toBe(0);
  });
});

describe('mapping templates', () => {
  const mapping = { Civilité: 'gender', Prénom: 'firstName', Nom: 'lastName', Courriel: 'email', Note: null };

  it('saves a mapping under a name, lists it, and deletes it', async () => {
    const created = await adminClient(app, creator).post('/import-templates', {
      name: '  Export Salesforce ',
      mapping,
    });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({
      name: 'Export Salesforce',
      mapping,
      createdBy: expect.stringMatching(/@example\.test$/),
    });

    const list = await adminClient(app, readOnly).get('/import-templates');
    expect(list.status).toBe(200);
    expect(list.body.data.map((entry: ImportTemplateEntry) => entry.name)).toContain('Export Salesforce');

    const documentId = created.body.data.documentId as string;
    expect((await adminClient(app, creator).delete(`/import-templates/${documentId}`)).status).toBe(403);
    expect((await adminClient(app, everything).delete(`/import-templates/${documentId}`)).status).toBe(204);
    expect((await adminClient(app, everything).delete(`/import-templates/${documentId}`)).status).toBe(404);
    const after = await adminClient(app, readOnly).get('/import-templates');
    expect(after.body.data.map((entry: ImportTemplateEntry) => entry.name)).not.toContain(
      'Export Salesforce'
    );
  });

  it('refuses a name already taken (whatever its case and accents), empty or too long, and a target that is no field, writing nothing', async () => {
    expect(
      (await adminClient(app, creator).post('/import-templates', { name: 'Fichier CE', mapping })).status
    ).toBe(201);
    const before = await stored();
    const refusals: Array<[unknown, string[], string?]> = [
      [{ name: 'fichier ce', mapping }, ['name'], 'import.templateNameTaken'],
      [{ name: ' Fichier  CÉ ', mapping }, ['name'], 'import.templateNameTaken'],
      [{ name: '   ', mapping }, ['name'], 'required'],
      [{ name: 'x'.repeat(101), mapping }, ['name'], 'text.tooLong'],
      [{ mapping }, ['name']],
      [{ name: 'Sans correspondance' }, ['mapping']],
      [{ name: 'Mauvaise cible', mapping: { Courriel: 'password' } }, ['mapping.Courriel'], 'choice.invalid'],
      [{ name: 'Clé en trop', mapping, shared: true }, ['shared'], 'field.notAllowed'],
    ];
    for (const [body, paths, code] of refusals) {
      const response = await adminClient(app, creator).post('/import-templates', body);
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({ status: 400, name: 'ValidationError' });
      expect(fieldPaths(response.body)).toEqual(paths);
      if (code) expect(response.body.error.details.errors[0].code).toBe(code);
    }
    expect(await stored()).toEqual(before);
  });
});

describe('who gets in', () => {
  it('refuses anonymous callers', async () => {
    expect((await adminClient(app).get('/imports')).status).toBe(401);
    expect((await upload(undefined, '/imports/preview', CONTACTS_FILE)).status).toBe(401);
    expect((await adminClient(app).get('/import-templates')).status).toBe(401);
  });

  it('refuses an admin without the import actions, even one who may write contacts', async () => {
    const before = await stored();
    expect((await adminClient(app, contactsOnly).get('/imports')).status).toBe(403);
    expect((await upload(contactsOnly, '/imports/preview', CONTACTS_FILE)).status).toBe(403);
    expect((await upload(contactsOnly, '/imports', CONTACTS_FILE)).status).toBe(403);
    const template = await adminClient(app, contactsOnly).post('/import-templates', {
      name: 'Interdit',
      mapping: {},
    });
    expect(template.status).toBe(403);
    expect(template.body.error).toMatchObject({ status: 403, name: 'PolicyError' });
    expect(await stored()).toEqual(before);
  });

  it('lets a reader list and see, but neither preview, import, cancel, undo nor save a template', async () => {
    const done = await importThroughAdmin(CONTACTS_FILE);
    const before = await stored();
    expect((await adminClient(app, readOnly).get('/imports')).status).toBe(200);
    expect((await adminClient(app, readOnly).get(`/imports/${done.documentId}`)).status).toBe(200);
    expect((await adminClient(app, readOnly).get('/import-templates')).status).toBe(200);
    expect((await upload(readOnly, '/imports/preview', CONTACTS_FILE)).status).toBe(403);
    expect((await upload(readOnly, '/imports', CONTACTS_FILE)).status).toBe(403);
    expect((await adminClient(app, readOnly).post(`/imports/${done.documentId}/undo`, {})).status).toBe(403);
    expect((await adminClient(app, readOnly).post(`/imports/${done.documentId}/cancel`, {})).status).toBe(
      403
    );
    expect(
      (await adminClient(app, readOnly).post('/import-templates', { name: 'Lecteur', mapping: {} })).status
    ).toBe(403);
    expect(await stored()).toEqual(before);
    // one who may import may still not undo
    expect((await adminClient(app, creator).post(`/imports/${done.documentId}/undo`, {})).status).toBe(403);
    expect(
      (await app.strapi.db.query(UID.contactImport).findOne({ where: { documentId: done.documentId } }))
        .status
    ).toBe('completed');
  });
});

describe('the error file of an admin who works in English', () => {
  it('is written in English, whoever downloads it', async () => {
    const english = await adminTokenWithActions(app, [ACTION['imports.read'], ACTION['imports.create']]);
    const changed = await request(app.baseUrl)
      .put('/admin/users/me')
      .set('Authorization', `Bearer ${english}`)
      .send({ preferedLanguage: 'en' });
    expect(changed.status).toBe(200);
    const started = await upload(english, '/imports', CONTACTS_FILE, { dryRun: 'true' });
    expect(started.status).toBe(202);
    await jobRunner(app).drain();
    // a French-speaking reader downloads it
    const errors = await adminClient(app, readOnly).get(`/imports/${started.body.data.documentId}/errors`);
    expect(errors.status).toBe(200);
    expect(errors.text.split('\n')[0]).toBe(
      '\uFEFFCivilité;Prénom;Nom;Courriel;Code postal;Errors;erreur_code'
    );
    expect(errors.text).toContain(
      'pas-une-adresse;35000;email: Must be a valid e-mail address;email:email.invalid'
    );
  });
});

describe('template names saved at the same moment', () => {
  it('keeps one template when the same name is saved several times at once, refusing the others', async () => {
    const mapping = { Courriel: 'email' };
    const before = await app.strapi.db.query(UID.importTemplate).count();
    const saves = await Promise.all(
      ['Export Hubspot', 'export hubspot', 'EXPORT HUBSPOT', 'Export HubSpot'].map((name) =>
        adminClient(app, creator).post('/import-templates', { name, mapping })
      )
    );
    expect(saves.map((response) => response.status).sort()).toEqual([201, 400, 400, 400]);
    for (const refused of saves.filter((response) => response.status === 400)) {
      expect(refused.body.error).toMatchObject({ status: 400, name: 'ValidationError' });
      expect(fieldPaths(refused.body)).toEqual(['name']);
      expect(refused.body.error.details.errors[0].code).toBe('import.templateNameTaken');
    }
    expect(await app.strapi.db.query(UID.importTemplate).count()).toBe(before + 1);
  });

  it('is settled by the database whatever the check before it: a second row of one name is refused', async () => {
    const row = { name: 'Direct', nameKey: 'direct', mapping: {} };
    await app.strapi.db
      .query(UID.importTemplate)
      .create({ data: { ...row, documentId: 'directtemplate0000000001' } });
    const second = await rejectionMessage(
      app.strapi.db
        .query(UID.importTemplate)
        .create({ data: { ...row, documentId: 'directtemplate0000000002' } })
    );
    expect(second).toMatch(UNIQUE_VIOLATION);
    expect(await app.strapi.db.query(UID.importTemplate).count({ where: { nameKey: 'direct' } })).toBe(1);
  });

  it('renames, when it first runs, templates saved before whose names clash, losing none', async () => {
    const knex = app.strapi.db.connection;
    const table = 'caladeo_import_templates';
    const now = new Date();
    const ids: number[] = [];
    for (const [index, name] of ['Ancien CE', 'ancien ce', 'Ancien Cé', 'Ancien CE (2)'].entries()) {
      const [inserted] = (await knex(table)
        .insert({
          document_id: `oldtemplate0000000000000${index}`,
          name,
          name_key: null,
          mapping: '{}',
          created_at: now,
          updated_at: now,
        })
        .returning('id')) as Array<{ id: number } | number>;
      ids.push(typeof inserted === 'number' ? inserted : (inserted as { id: number }).id);
    }
    await knex.transaction((trx) => migration.up(trx as unknown as Knex));
    const rows = (await knex(table).whereIn('id', ids).orderBy('id').select('name', 'name_key')) as Array<{
      name: string;
      name_key: string;
    }>;
    expect(rows).toEqual([
      { name: 'Ancien CE', name_key: 'ancien ce' },
      { name: 'ancien ce (2)', name_key: 'ancien ce (2)' },
      { name: 'Ancien Cé (3)', name_key: 'ancien ce (3)' },
      { name: 'Ancien CE (2) (2)', name_key: 'ancien ce (2) (2)' },
    ]);
    // saved with its key, a template keeps its name when the migration runs again
    await knex.transaction((trx) => migration.up(trx as unknown as Knex));
    expect(await knex(table).whereIn('id', ids).orderBy('id').select('name', 'name_key')).toEqual(rows);
  });
});
