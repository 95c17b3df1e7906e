import { beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import request from 'supertest';
import { JobStoppedError } from '../../src/plugins/caladeo-contacts/server/src/modules/jobs/kinds';
import { IMPORT_CHUNK_SIZE } from '../../src/plugins/caladeo-contacts/server/src/modules/imports/services/imports';
import { UID } from '../../src/plugins/caladeo-contacts/shared/constants';
import { createApiToken } from '../helpers/auth';
import { CONTACTS, restClient, type RestClient } from '../helpers/http';
import { jobRunner } from '../helpers/newsletter';
import { createClient, createOffer, linkToClient } from '../helpers/offers';
import { useStrapi } from '../helpers/strapi';

const MAX_FILE_BYTES = 300_000;
const app = useStrapi({ env: { IMPORT_MAX_FILE_BYTES: String(MAX_FILE_BYTES) } });
const IMPORTS = '/api/caladeo-contacts/imports';

let token: string;
let api: RestClient;

type Summary = {
  documentId: string;
  status: string;
  dryRun: boolean;
  mode: string;
  file: { format: string; encoding: string | null; delimiter: string | null; sheet: string | null };
  headerRow: number;
  mapping: Record<string, string | null>;
  counts: { total: number; created: number; updated: number; unchanged: number; failed: number };
  progress: { done: number; total: number };
  undo: { undone: number; keptEdited: number } | null;
};

type Contact = Record<string, unknown> & { documentId: string; newsletter: boolean };

const upload = (file: Buffer, name: string, fields: Record<string, string> = {}, credential = token) => {
  let call = request(app.baseUrl).post(IMPORTS);
  if (credential) call = call.set('Authorization', `Bearer ${credential}`);
  for (const [key, value] of Object.entries(fields)) call = call.field(key, value);
  return call.attach('file', file, name);
};

/** Uploads a file, lets the job run, and answers the import as it ended. */
const importFile = async (file: Buffer, name: string, fields: Record<string, string> = {}) => {
  const response = await upload(file, name, fields);
  expect(response.status).toBe(202);
  await jobRunner(app).drain();
  return summaryOf(response.body.data.documentId);
};

const summaryOf = async (documentId: string) => {
  const response = await api.get(`${IMPORTS}/${documentId}`);
  expect(response.status).toBe(200);
  return response.body.data as Summary;
};

const contactByEmail = async (email: string) =>
  (await app.strapi.db.query(UID.contact).findOne({ where: { email } })) as Contact | null;
const contactCount = () => app.strapi.db.query(UID.contact).count();

/**
 * Runs an import's job by hand up to its first progress report, which throws `error`: what a
 * node does when it is cancelled (the runner throws a JobStoppedError there) or dies there.
 */
const runFirstBatchThenThrow = async (documentId: string, error: Error) => {
  const record = (await app.strapi.db.query(UID.contactImport).findOne({ where: { documentId } })) as {
    id: number;
  };
  return app.strapi
    .plugin('caladeo-contacts')
    .service('imports')
    .run(record.id, {
      assertClaimed: async () => undefined,
      progress: async () => {
        throw error;
      },
      isLastAttempt: false,
    });
};

/** A CSV as French Excel saves it: Windows-1252, semicolons, CRLF. */
const frenchExcelCsv = (lines: string[]) => iconv.encode(lines.join('\r\n') + '\r\n', 'windows-1252');

beforeAll(async () => {
  token = await createApiToken(app.strapi, 'full-access');
  api = restClient(app, token);
});

describe('reading the files agencies have', () => {
  it('imports a French Excel CSV: Windows-1252, a title row, quoted separators and line breaks, ragged rows', async () => {
    const file = frenchExcelCsv([
      'Export du carnet d’adresses;;;;;;',
      'Civilité;Prénom;Nom;Courriel;Tél.;Adresse;CP;Ville',
      'Mme;Françoise;Lœuvre;francoise.loeuvre@exemple.fr;06 12 34 56 78;"12, rue de l’Église; bât. B";33000;Bordeaux',
      'M.;Jean;Dupré-Cœur;jean.dupre@exemple.fr;0033 6 98 76 54 32;"Résidence Les Pins',
      'Appartement 4";69002;Lyon',
      '',
      'Monsieur;Rémi;Garçon;remi.garcon@exemple.fr',
    ]);
    const dryRun = await importFile(file, 'contacts.csv', { dryRun: 'true' });
    expect(dryRun).toMatchObject({
      status: 'completed',
      dryRun: true,
      headerRow: 2,
      file: { format: 'csv', encoding: 'windows-1252', delimiter: ';' },
      counts: { total: 3, created: 3, updated: 0, failed: 0 },
      mapping: {
        Civilité: 'gender',
        Prénom: 'firstName',
        Nom: 'lastName',
        Courriel: 'email',
        'Tél.': 'phone',
        Adresse: 'addressLine1',
        CP: 'postalCode',
        Ville: 'city',
      },
    });
    // a dry run writes no contact
    expect(await contactByEmail('francoise.loeuvre@exemple.fr')).toBeNull();

    const done = await importFile(file, 'contacts.csv');
    expect(done.counts).toMatchObject({ total: 3, created: 3, failed: 0 });
    expect(await contactByEmail('francoise.loeuvre@exemple.fr')).toMatchObject({
      gender: 'female',
      firstName: 'Françoise',
      lastName: 'Lœuvre',
      phone: '+33612345678',
      addressLine1: '12, rue de l’Église; bât. B',
      postalCode: '33000',
      city: 'Bordeaux',
    });
    expect(await contactByEmail('jean.dupre@exemple.fr')).toMatchObject({
      gender: 'male',
      lastName: 'Dupré-Cœur',
      phone: '+33698765432',
      addressLine1: expect.stringContaining('Résidence Les Pins'),
    });
    expect(await contactByEmail('remi.garcon@exemple.fr')).toMatchObject({ gender: 'male', phone: null });
  });

  it('reads UTF-8 with a byte-order mark and commas, and English headers', async () => {
    const text =
      '\uFEFFFirst name,Last name,E-mail address,Country\r\nZoë,Brontë,zoe.bronte@example.co.uk,GB\r\n';
    const done = await importFile(Buffer.from(text, 'utf8'), 'export.csv');
    expect(done.file).toMatchObject({ encoding: 'utf-8', delimiter: ',' });
    expect(await contactByEmail('zoe.bronte@example.co.uk')).toMatchObject({
      firstName: 'Zoë',
      lastName: 'Brontë',
      country: 'GB',
    });
  });

  it('reads Excel’s “Unicode text”: UTF-16 with tabs', async () => {
    const text = 'Prénom\tNom\tE-mail\r\nAnaïs\tNoël\tanais.noel@exemple.fr\r\n';
    const file = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
    const done = await importFile(file, 'unicode.txt');
    expect(done.file).toMatchObject({ encoding: 'utf-16le', delimiter: '\t' });
    expect(await contactByEmail('anais.noel@exemple.fr')).toMatchObject({
      firstName: 'Anaïs',
      lastName: 'Noël',
    });
  });

  it('reads the chosen sheet of a workbook, giving back the zeros Excel dropped from numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Notes').addRow(['nothing to import here']);
    const sheet = workbook.addWorksheet('Contacts');
    sheet.addRow(['Nom', 'Prénom', 'Email', 'Code postal', 'Pays', 'Portable', 'Newsletter']);
    sheet.addRow(['Perrin', 'Élodie', 'elodie.perrin@exemple.fr', 1000, 'France', 612345678, 'non']);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const done = await importFile(file, 'contacts.xlsx', { sheet: 'Contacts' });
    expect(done).toMatchObject({
      file: { format: 'xlsx', sheet: 'Contacts' },
      counts: { created: 1, failed: 0 },
    });
    expect(await contactByEmail('elodie.perrin@exemple.fr')).toMatchObject({
      firstName: 'Élodie',
      postalCode: '01000',
      country: 'FR',
      region: 'Ain',
      phone: '+33612345678',
      newsletter: false,
    });
  });
});

describe('modes, blank cells and duplicates', () => {
  beforeAll(async () => {
    await api.post(CONTACTS, {
      firstName: 'Luc',
      lastName: 'Martin',
      email: 'luc.martin@exemple.fr',
      city: 'Nantes',
    });
  });

  const file = (lines: string[]) => Buffer.from(lines.join('\n'), 'utf8');

  it('creates only in create mode, reporting an address that is already a contact', async () => {
    const done = await importFile(
      file(['Nom;Email', 'Martin;luc.martin@exemple.fr', 'Nouveau;nouveau.create@exemple.fr']),
      'a.csv',
      { mode: 'create' }
    );
    expect(done.counts).toMatchObject({ created: 1, failed: 1 });
  });

  it('updates only in update mode: no e-mail or an unknown one is an error, a blank cell keeps the stored value', async () => {
    const done = await importFile(
      file([
        'Nom;Email;Ville',
        'Martin-Durand;LUC.MARTIN@exemple.fr;',
        'Inconnu;inconnu@exemple.fr;Brest',
        'Sans adresse;;Brest',
      ]),
      'b.csv',
      { mode: 'update' }
    );
    expect(done.counts).toMatchObject({ updated: 1, created: 0, failed: 2 });
    expect(await contactByEmail('luc.martin@exemple.fr')).toMatchObject({
      lastName: 'Martin-Durand',
      city: 'Nantes',
    });
    expect(await contactByEmail('inconnu@exemple.fr')).toBeNull();
  });

  it('erases with a blank cell only when asked, and reports a row that changes nothing as unchanged', async () => {
    const erased = await importFile(file(['Email;Ville', 'luc.martin@exemple.fr;']), 'c.csv', {
      clearEmpty: 'true',
    });
    expect(erased.counts).toMatchObject({ updated: 1 });
    expect(await contactByEmail('luc.martin@exemple.fr')).toMatchObject({ city: null });
    const again = await importFile(file(['Email;Nom', 'luc.martin@exemple.fr;Martin-Durand']), 'd.csv');
    expect(again.counts).toMatchObject({ unchanged: 1, updated: 0 });
  });

  it('imports one address given twice in the file once, reporting the second row', async () => {
    const done = await importFile(
      file(['Nom;Email', 'Premier;twice@exemple.fr', 'Second;Twice@Exemple.fr']),
      'e.csv'
    );
    expect(done.counts).toMatchObject({ created: 1, failed: 1 });
    expect(await contactByEmail('twice@exemple.fr')).toMatchObject({ lastName: 'Premier' });
    const errors = await api.get(`${IMPORTS}/${done.documentId}/errors`);
    expect(errors.status).toBe(200);
    expect(errors.headers['content-type']).toContain('text/csv');
    expect(errors.text.startsWith('\uFEFF')).toBe(true);
    // in the file's own separator, ready to be fixed and imported again
    expect(errors.text).toContain(
      'Second;Twice@Exemple.fr;email: Figure aussi ligne 2 du fichier : seule cette ligne est importée;email:import.duplicateInFile'
    );
  });

  it('gives back the failed rows as they were, formulas neutralised, with what is wrong', async () => {
    const done = await importFile(file(['Nom;Email', '=HYPERLINK("http://x");pas-un-email']), 'f.csv');
    const errors = await api.get(`${IMPORTS}/${done.documentId}/errors`);
    expect(errors.text).toContain(`'=HYPERLINK`);
    expect(errors.text).toContain('email: Doit être une adresse e-mail valide');
  });
});

describe('the error file', () => {
  const lines = (rows: string[]) => Buffer.from(`${rows.join('\n')}\n`, 'utf8');
  const BAD_EMAIL = lines(['Nom;Email', 'Sans adresse;pas-un-email']);

  /** An import by the token, started by a request asking for `language`; its error file. */
  const errorFileOf = async (file: Buffer, acceptLanguage?: string) => {
    let call = request(app.baseUrl).post(IMPORTS).set('Authorization', `Bearer ${token}`);
    if (acceptLanguage) call = call.set('Accept-Language', acceptLanguage);
    const started = await call.attach('file', file, 'fichier.csv');
    expect(started.status).toBe(202);
    await jobRunner(app).drain();
    // the one who reads the file later may ask for another language: the import's is kept
    const errors = await api
      .get(`${IMPORTS}/${started.body.data.documentId}/errors`)
      .set('Accept-Language', 'de');
    expect(errors.status).toBe(200);
    return errors.text;
  };

  it('is in French for a request without a language, with the codes for programs', async () => {
    expect(await errorFileOf(BAD_EMAIL)).toBe(
      '\uFEFFNom;Email;Erreurs;erreur_code\n' +
        'Sans adresse;pas-un-email;email: Doit être une adresse e-mail valide;email:email.invalid\n'
    );
  });

  it('is in English for a request that prefers English, in French for another language', async () => {
    expect(await errorFileOf(BAD_EMAIL, 'en-GB,en;q=0.8,fr;q=0.5')).toBe(
      '\uFEFFNom;Email;Errors;erreur_code\n' +
        'Sans adresse;pas-un-email;email: Must be a valid e-mail address;email:email.invalid\n'
    );
    expect(await errorFileOf(BAD_EMAIL, 'de-DE,de;q=0.9')).toContain(
      'email: Doit être une adresse e-mail valide'
    );
  });

  it('holds every failed row of a file of several chunks, in order, and nothing else', async () => {
    const rows = Array.from({ length: IMPORT_CHUNK_SIZE * 2 + 200 }, (_, index) => {
      if (index === 3) return `Trois;pas-un-email;01 45 67 89 10`;
      if (index === IMPORT_CHUNK_SIZE * 2 + 100) return `=1+1;faux;12`;
      return `Ligne ${index};ligne.${index}@chunks.exemple.fr;`;
    });
    const text = await errorFileOf(lines(['Nom;Email;Téléphone', ...rows]));
    expect(text).toBe(
      '\uFEFFNom;Email;Téléphone;Erreurs;erreur_code\n' +
        'Trois;pas-un-email;01 45 67 89 10;email: Doit être une adresse e-mail valide;email:email.invalid\n' +
        `'=1+1;faux;12;"email: Doit être une adresse e-mail valide ; phone: N'est pas un numéro de téléphone possible (pays : France)";"email:email.invalid ; phone:phone.invalidForCountry"\n`
    );
  });
});

describe('newsletter consent', () => {
  const file = Buffer.from('Nom;Email;Newsletter\nAbonné;abonne.import@exemple.fr;oui\n', 'utf8');

  it('refuses to subscribe anyone without a stated basis for their consent', async () => {
    const done = await importFile(file, 'liste.csv');
    expect(done.counts).toMatchObject({ failed: 1, created: 0 });
    const errors = await api.get(`${IMPORTS}/${done.documentId}/errors`);
    expect(errors.text).toContain("newsletter: Vaut oui, mais ni l'import");
    expect(await contactByEmail('abonne.import@exemple.fr')).toBeNull();
  });

  it('subscribes with a basis, and logs each consent as set by the import', async () => {
    const done = await importFile(file, 'liste.csv', {
      consent: JSON.stringify({
        source: 'salon du tourisme 2026, bulletin signé',
        consentedAt: '2026-03-14',
      }),
    });
    expect(done.counts).toMatchObject({ created: 1 });
    const contact = (await contactByEmail('abonne.import@exemple.fr')) as Contact;
    expect(contact.newsletter).toBe(true);
    const events = (await app.strapi.db
      .query(UID.consentEvent)
      .findMany({ where: { contact: { documentId: contact.documentId } } })) as Record<string, unknown>[];
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'set_by_import',
      newsletter: true,
      source: 'import: salon du tourisme 2026, bulletin signé',
      actorId: done.documentId,
    });
  });

  it('undone, removes the subscriber it created and keeps its consent event, anonymised, as evidence', async () => {
    const done = await importFile(
      Buffer.from('Nom;Email;Newsletter\nRetiré;retire.import@exemple.fr;oui\n', 'utf8'),
      'retrait.csv',
      { consent: JSON.stringify({ source: 'salon du tourisme 2026', consentedAt: '2026-03-14' }) }
    );
    const contact = (await contactByEmail('retire.import@exemple.fr')) as Contact;
    const [event] = (await app.strapi.db
      .query(UID.consentEvent)
      .findMany({ where: { contact: { documentId: contact.documentId } } })) as { id: number }[];
    expect(event).toBeDefined();

    expect((await api.post(`${IMPORTS}/${done.documentId}/undo`, {})).status).toBe(202);
    await jobRunner(app).drain();
    expect(await summaryOf(done.documentId)).toMatchObject({ status: 'undone', undo: { undone: 1 } });
    expect(await contactByEmail('retire.import@exemple.fr')).toBeNull();
    const kept = (await app.strapi.db
      .query(UID.consentEvent)
      .findOne({ where: { id: (event as { id: number }).id } })) as Record<string, unknown> | null;
    expect(kept).toMatchObject({
      action: 'set_by_import',
      newsletter: true,
      ipAddress: null,
      userAgent: null,
    });
    expect(kept?.anonymisedAt).not.toBeNull();
  });
});

describe('newsletter consent stated row by row', () => {
  const eventsOf = async (email: string) =>
    (await app.strapi.db.query(UID.consentEvent).findMany({
      where: { contact: { email } },
      orderBy: { id: 'asc' },
    })) as Array<{
      action: string;
      newsletter: boolean;
      source: string;
      occurredAt: string;
      actorId: string;
    }>;

  it("logs each row's own source and date, for new and for existing contacts, the columns mapped from their French headers", async () => {
    await api.post(CONTACTS, { lastName: 'Déjà-Là', email: 'deja.ligne@exemple.fr' });
    const done = await importFile(
      Buffer.from(
        [
          'Nom;Email;Newsletter;Origine du consentement;Date du consentement',
          'Salon;salon.ligne@exemple.fr;oui;Salon du tourisme de Lyon, bulletin signé;14/03/2026',
          'Déjà-Là;deja.ligne@exemple.fr;oui;Formulaire du site;2026-05-02',
          'Sans;sans.ligne@exemple.fr;non;;',
        ].join('\r\n'),
        'utf8'
      ),
      'par-ligne.csv'
    );
    expect(done.mapping).toMatchObject({
      'Origine du consentement': 'consentSource',
      'Date du consentement': 'consentedAt',
    });
    expect(done.counts).toMatchObject({ created: 2, updated: 1, failed: 0 });
    const [salon] = await eventsOf('salon.ligne@exemple.fr');
    expect(salon).toMatchObject({
      action: 'set_by_import',
      newsletter: true,
      source: 'import: Salon du tourisme de Lyon, bulletin signé',
      actorId: done.documentId,
    });
    expect(new Date(salon?.occurredAt as string).toISOString()).toBe('2026-03-14T00:00:00.000Z');
    const existing = await eventsOf('deja.ligne@exemple.fr');
    expect(existing).toHaveLength(1);
    expect(existing[0]).toMatchObject({ action: 'set_by_import', source: 'import: Formulaire du site' });
    expect(new Date(existing[0]?.occurredAt as string).toISOString()).toBe('2026-05-02T00:00:00.000Z');
    expect(await eventsOf('sans.ligne@exemple.fr')).toEqual([]);
  });

  it('refuses a row whose basis is half given, or dated in the future or on no real day', async () => {
    const done = await importFile(
      Buffer.from(
        [
          'Nom;Email;Newsletter;Origine du consentement;Date du consentement',
          'Un;un.base@exemple.fr;oui;Salon;',
          'Deux;deux.base@exemple.fr;oui;;14/03/2026',
          'Trois;trois.base@exemple.fr;oui;Salon;31/02/2026',
          'Quatre;quatre.base@exemple.fr;oui;Salon;01/01/2099',
        ].join('\n'),
        'utf8'
      ),
      'bases.csv'
    );
    expect(done.counts).toMatchObject({ created: 0, failed: 4 });
    const errors = (await api.get(`${IMPORTS}/${done.documentId}/errors`)).text;
    expect(errors).toContain(
      "consentedAt: Est nécessaire sur une ligne qui donne l'origine de son consentement"
    );
    expect(errors).toContain(
      'consentSource: Est nécessaire sur une ligne qui donne la date de son consentement'
    );
    expect(errors.match(/consentedAt: N'est pas une date/g)).toHaveLength(2);
    for (const name of ['un', 'deux', 'trois', 'quatre']) {
      expect(await contactByEmail(`${name}.base@exemple.fr`)).toBeNull();
    }
  });
});

describe('what an imported contact stores besides its fields', () => {
  it('is found by the duplicate check, by name and postal code, like a contact typed in', async () => {
    const done = await importFile(
      Buffer.from('Prénom;Nom;Code postal;Ville\nOdile;Varenne-Sauvage;33000;Bordeaux\n'),
      'doublon.csv'
    );
    expect(done.counts).toMatchObject({ created: 1 });
    const check = await api.post(`${CONTACTS}/duplicates/check`, {
      firstName: 'odile',
      lastName: 'VARENNE SAUVAGE',
      postalCode: '33000',
    });
    expect(check.status).toBe(200);
    expect(check.body.data).toEqual([
      expect.objectContaining({
        contact: expect.objectContaining({ lastName: 'Varenne-Sauvage' }),
        reasons: expect.arrayContaining(['nameAndPostalCode']),
      }),
    ]);
  });
});

describe('links to clients and offers', () => {
  type Link = { role: string; isPrimary: boolean; contact: { email: string } | null };
  const linksOf = async (
    uid: typeof UID.clientContact | typeof UID.offerContact,
    end: string,
    documentId: string
  ) =>
    (await app.strapi.db.query(uid).findMany({
      where: { [end]: { documentId } },
      populate: { contact: { select: ['email'] } },
      orderBy: { id: 'asc' },
    })) as Link[];

  it('links each row to the client and the offer it names, with the roles and the primary contact', async () => {
    const client = await createClient(app.strapi, { name: 'Comité des fêtes de Saint-Émilion' });
    const reference = `LIS-${process.pid}`;
    const offer = await createOffer(app.strapi, { reference });
    const done = await importFile(
      Buffer.from(
        [
          'Nom;Courriel;Société;Rôle;Contact principal;Offre;Rôle offre',
          `Mercier;mercier.lien@exemple.fr;comité des fêtes de saint-émilion;Président;oui;${reference};Responsable voyage`,
          `Garnier;garnier.lien@exemple.fr;Comité des fêtes de Saint-Émilion;;;${reference};`,
        ].join('\n')
      ),
      'liens.csv'
    );
    expect(done.mapping).toMatchObject({
      Société: 'client',
      Rôle: 'clientRole',
      'Contact principal': 'clientPrimary',
      Offre: 'offerReference',
      'Rôle offre': 'offerRole',
    });
    expect(done.counts).toMatchObject({ created: 2, failed: 0 });
    expect(await linksOf(UID.clientContact, 'client', client)).toEqual([
      expect.objectContaining({
        role: 'president',
        isPrimary: true,
        contact: { email: 'mercier.lien@exemple.fr' },
      }),
      expect.objectContaining({
        role: 'autre',
        isPrimary: false,
        contact: { email: 'garnier.lien@exemple.fr' },
      }),
    ]);
    expect(await linksOf(UID.offerContact, 'offer', offer)).toEqual([
      expect.objectContaining({ role: 'responsable_voyage', contact: { email: 'mercier.lien@exemple.fr' } }),
      expect.objectContaining({ role: 'voyageur', contact: { email: 'garnier.lien@exemple.fr' } }),
    ]);
    // the client's name is in its contacts' search text, as for a link made by hand
    const found = await api.get(`${CONTACTS}?q=${encodeURIComponent('saint-émilion')}`);
    expect(found.body.data.map((contact: Contact) => contact.email).sort()).toEqual([
      'garnier.lien@exemple.fr',
      'mercier.lien@exemple.fr',
    ]);
  });

  it("gives the client's primary role back to its previous holder when the import that took it is undone", async () => {
    const client = await createClient(app.strapi, { name: 'Amicale des Anciens de Pessac' });
    const holder = (
      await api.post(CONTACTS, { lastName: 'Titulaire', email: 'titulaire.principal@exemple.fr' })
    ).body.data as Contact;
    await linkToClient(app.strapi, holder.documentId, client, 'president', true);
    const done = await importFile(
      Buffer.from(
        'Nom;Email;Client;Rôle;Contact principal\nRelève;releve.principal@exemple.fr;Amicale des Anciens de Pessac;payeur;oui\n'
      ),
      'releve.csv'
    );
    expect(done.counts).toMatchObject({ created: 1, failed: 0 });
    const primaries = async () =>
      (await linksOf(UID.clientContact, 'client', client))
        .filter((link) => link.isPrimary)
        .map((link) => link.contact?.email);
    expect(await primaries()).toEqual(['releve.principal@exemple.fr']);

    expect((await api.post(`${IMPORTS}/${done.documentId}/undo`, {})).status).toBe(202);
    await jobRunner(app).drain();
    expect((await summaryOf(done.documentId)).status).toBe('undone');
    expect(await primaries()).toEqual(['titulaire.principal@exemple.fr']);
  });

  it('reports an unknown client or offer and a role it cannot read, and creates clients only when allowed', async () => {
    const file = Buffer.from(
      [
        'Nom;Email;Client;Rôle;Offre',
        'Inconnu;inconnu.lien@exemple.fr;Amicale introuvable;;',
        'Sans offre;sans.offre@exemple.fr;;;NULLE-PART',
        'Rôle faux;role.faux@exemple.fr;;Capitaine;',
      ].join('\n')
    );
    const refused = await importFile(file, 'inconnus.csv');
    expect(refused.counts).toMatchObject({ created: 0, failed: 3 });
    const errors = (await api.get(`${IMPORTS}/${refused.documentId}/errors`)).text;
    expect(errors).toContain('client: Ne désigne aucun client');
    expect(errors).toContain("offerReference: N'est la référence d'aucune offre");
    expect(errors).toContain('clientRole: Demande un client sur la même ligne');
    expect(await contactByEmail('inconnu.lien@exemple.fr')).toBeNull();

    const allowed = await importFile(
      Buffer.from(
        'Nom;Email;Client;Rôle\nNouveau;nouveau.client@exemple.fr;Amicale des randonneurs;payeur\n' +
          `Trop long;trop.long@exemple.fr;${'Amicale '.repeat(30)};payeur\n`
      ),
      'nouveau.csv',
      { createClients: 'true' }
    );
    // a client name the client's own rules refuse (too long) fails its row, not the import
    expect(allowed).toMatchObject({ status: 'completed', counts: { created: 1, failed: 1 } });
    expect((await api.get(`${IMPORTS}/${allowed.documentId}/errors`)).text).toContain('client: ');
    expect(await contactByEmail('trop.long@exemple.fr')).toBeNull();
    const created = (await app.strapi.db
      .query(UID.client)
      .findMany({ where: { name: 'Amicale des randonneurs' } })) as { documentId: string }[];
    expect(created).toHaveLength(1);
    expect(
      await linksOf(UID.clientContact, 'client', (created[0] as { documentId: string }).documentId)
    ).toEqual([expect.objectContaining({ role: 'payeur', contact: { email: 'nouveau.client@exemple.fr' } })]);
  });

  it('adds a role to a contact already there, once, and undoing the import removes only what it added', async () => {
    const client = await createClient(app.strapi, { name: 'Lycée Montaigne' });
    const contact = (await api.post(CONTACTS, { lastName: 'Perrin', email: 'perrin.lien@exemple.fr' })).body
      .data.documentId as string;
    await linkToClient(app.strapi, contact, client, 'accompagnateur');
    const file = Buffer.from(
      'Nom;Email;Client;Rôle\nPerrin;perrin.lien@exemple.fr;Lycée Montaigne;accompagnateur\nPerrin;perrin.lien@exemple.fr;Lycée Montaigne;payeur\n'
    );
    const done = await importFile(file, 'roles.csv');
    // the second row repeats the address: it is reported, not imported
    expect(done.counts).toMatchObject({ unchanged: 1, failed: 1 });
    const again = await importFile(
      Buffer.from('Nom;Email;Client;Rôle\nPerrin;perrin.lien@exemple.fr;Lycée Montaigne;payeur\n'),
      'payeur.csv'
    );
    expect(again.counts).toMatchObject({ updated: 1 });
    expect((await linksOf(UID.clientContact, 'client', client)).map((link) => link.role).sort()).toEqual([
      'accompagnateur',
      'payeur',
    ]);

    expect((await api.post(`${IMPORTS}/${again.documentId}/undo`, {})).status).toBe(202);
    await jobRunner(app).drain();
    expect((await linksOf(UID.clientContact, 'client', client)).map((link) => link.role)).toEqual([
      'accompagnateur',
    ]);
    expect(await contactByEmail('perrin.lien@exemple.fr')).not.toBeNull();
  });
});

describe('undo, cancel and a crash', () => {
  const rowsOf = (prefix: string, count: number) =>
    Buffer.from(
      [
        'Nom;Email',
        ...Array.from({ length: count }, (_, index) => `${prefix} ${index};${prefix}.${index}@exemple.fr`),
      ].join('\n'),
      'utf8'
    );

  it('undoes a completed import: created contacts removed, updated ones restored, one edited since kept', async () => {
    await api.post(CONTACTS, { lastName: 'Avant', email: 'avant.undo@exemple.fr' });
    const done = await importFile(
      Buffer.from(
        'Nom;Email\nAprès;avant.undo@exemple.fr\nCréé;cree.undo@exemple.fr\nGardé;garde.undo@exemple.fr\n'
      ),
      'undo.csv'
    );
    expect(done.counts).toMatchObject({ created: 2, updated: 1 });
    const kept = (await contactByEmail('garde.undo@exemple.fr')) as Contact;
    await api.put(`${CONTACTS}/${kept.documentId}`, { city: 'Modifiée depuis' });

    const undo = await api.post(`${IMPORTS}/${done.documentId}/undo`, {});
    expect(undo.status).toBe(202);
    await jobRunner(app).drain();
    expect(await summaryOf(done.documentId)).toMatchObject({
      status: 'undone',
      undo: { undone: 2, keptEdited: 1 },
    });
    expect(await contactByEmail('avant.undo@exemple.fr')).toMatchObject({ lastName: 'Avant' });
    expect(await contactByEmail('cree.undo@exemple.fr')).toBeNull();
    expect(await contactByEmail('garde.undo@exemple.fr')).toMatchObject({ city: 'Modifiée depuis' });

    const twice = await api.post(`${IMPORTS}/${done.documentId}/undo`, {});
    expect(twice.status).toBe(400);
    expect(twice.body.error.details.errors[0]).toMatchObject({
      path: ['status'],
      code: 'import.notUndoable',
    });
  });

  it('cancels a queued import before it writes anything', async () => {
    const jobs = jobRunner(app);
    await jobs.stop();
    try {
      const before = await contactCount();
      const { documentId } = (await upload(rowsOf('attente', 20), 'queued.csv')).body.data as Summary;
      const cancelled = await api.post(`${IMPORTS}/${documentId}/cancel`, {});
      expect(cancelled.status).toBe(200);
      expect(cancelled.body.data.status).toBe('cancelled');
      await jobs.drain();
      expect(await contactCount()).toBe(before);
      const again = await api.post(`${IMPORTS}/${documentId}/cancel`, {});
      expect(again.body.error.details.errors[0]).toMatchObject({ code: 'import.notCancellable' });
    } finally {
      jobs.start();
    }
  });

  /** Two chunks and a part of a third. */
  const ROWS = 2 * IMPORT_CHUNK_SIZE + 50;

  it('puts everything back when an import is stopped while it runs', async () => {
    const jobs = jobRunner(app);
    await jobs.stop();
    try {
      const before = await contactCount();
      const { documentId } = (await upload(rowsOf('annule', ROWS), 'big.csv')).body.data as Summary;
      // the runner throws this into a job at its first progress report after a cancel
      const stopped = new JobStoppedError('cancelled');
      await expect(runFirstBatchThenThrow(documentId, stopped)).rejects.toBe(stopped);
      expect(await summaryOf(documentId)).toMatchObject({
        status: 'cancelled',
        undo: { undone: IMPORT_CHUNK_SIZE, keptEdited: 0 },
      });
      expect(await contactCount()).toBe(before);
    } finally {
      jobs.start();
    }
  });

  it('goes on after a crash from the first row not done, importing each row exactly once', async () => {
    const jobs = jobRunner(app);
    await jobs.stop();
    try {
      const response = await upload(rowsOf('reprise', ROWS), 'crash.csv');
      const { documentId } = response.body.data as Summary;
      // a node runs the first batch, then dies before the next one (its transaction is never committed)
      const crash = new Error('the node was killed');
      await expect(runFirstBatchThenThrow(documentId, crash)).rejects.toBe(crash);
      expect((await summaryOf(documentId)).progress.done).toBe(IMPORT_CHUNK_SIZE);

      await jobs.drain();
      const ended = await summaryOf(documentId);
      expect(ended).toMatchObject({ status: 'completed', counts: { total: ROWS, created: ROWS, failed: 0 } });
      expect(
        await app.strapi.db.query(UID.contact).count({ where: { email: { $startsWith: 'reprise.' } } })
      ).toBe(ROWS);
    } finally {
      jobs.start();
    }
  });
});

describe('who may import', () => {
  const file = Buffer.from('Nom;Email\nAccès;acces@exemple.fr\n');

  it('refuses anonymous callers and read-only tokens, which may still read an import', async () => {
    expect((await upload(file, 'x.csv', {}, '')).status).toBe(403);
    const readOnly = await createApiToken(app.strapi, 'read-only');
    expect((await upload(file, 'x.csv', {}, readOnly)).status).toBe(403);
    const done = await importFile(file, 'x.csv');
    expect((await restClient(app, readOnly).get(`${IMPORTS}/${done.documentId}`)).status).toBe(200);
    expect((await restClient(app, readOnly).post(`${IMPORTS}/${done.documentId}/undo`, {})).status).toBe(403);
    expect((await request(app.baseUrl).get(`${IMPORTS}/${done.documentId}`)).status).toBe(403);
  });
});

describe('files and fields that cannot be imported', () => {
  const png = Buffer.from([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
  ]);
  const brokenWorkbook = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]);

  it.each([
    ['an empty file', Buffer.alloc(0), {}, ['file'], 'import.fileEmpty'],
    ['an image', png, {}, ['file'], 'import.fileUnreadable'],
    ['a broken workbook', brokenWorkbook, {}, ['file'], 'import.fileUnreadable'],
    ['no header row', Buffer.from('a;b;c\n1;2;3\n'), {}, ['file'], 'import.noHeaderRow'],
    [
      'an unclosed quote',
      Buffer.from(`Nom;Email\n"${'x'.repeat(70_000)}\n`),
      {},
      ['file'],
      'import.fileUnreadable',
    ],
    ['a file over the limit', Buffer.alloc(MAX_FILE_BYTES + 1, 'a'), {}, ['file'], 'import.fileTooLarge'],
    ['an unknown mode', Buffer.from('Nom\nX\n'), { mode: 'merge' }, ['mode'], 'choice.invalid'],
    [
      'a mapping of a missing column',
      Buffer.from('Nom\nX\n'),
      { mapping: '{"Prénom":"firstName"}' },
      ['mapping', 'Prénom'],
      'import.mappingUnknownHeader',
    ],
    [
      'a mapping to no field',
      Buffer.from('Nom\nX\n'),
      { mapping: '{"Nom":"surname"}' },
      ['mapping', 'Nom'],
      'choice.invalid',
    ],
    [
      'a mapping that is not JSON',
      Buffer.from('Nom\nX\n'),
      { mapping: '{Nom' },
      ['mapping'],
      'body.malformedJson',
    ],
    ['a field no import has', Buffer.from('Nom\nX\n'), { owner: 'me' }, [], 'field.notAllowed'],
  ])('refuses %s, naming the problem, and writes nothing', async (_what, file, fields, path, code) => {
    const imports = await app.strapi.db.query(UID.contactImport).count();
    const response = await upload(file, 'file.csv', fields as Record<string, string>);
    expect(response.status).toBe(400);
    const [first] = response.body.error.details.errors as { path: string[]; code: string }[];
    expect(first?.code).toBe(code);
    if (path.length > 0) expect(first?.path).toEqual(path);
    expect(await app.strapi.db.query(UID.contactImport).count()).toBe(imports);
  });

  it('refuses a request without a file, and answers 404 for no such import', async () => {
    const response = await request(app.baseUrl)
      .post(IMPORTS)
      .set('Authorization', `Bearer ${token}`)
      .field('mode', 'create');
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors[0]).toMatchObject({ path: ['file'], code: 'required' });
    expect((await api.get(`${IMPORTS}/nosuchimport0000000000000`)).status).toBe(404);
    expect((await api.get(`${IMPORTS}/NOT-AN-ID`)).status).toBe(400);
  });
});
