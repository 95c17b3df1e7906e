import { beforeAll, describe, expect, it } from '@jest/globals';
import { UID } from '../../src/plugins/caladeo-contacts/shared/constants';
import { createApiToken } from '../helpers/auth';
import { CLIENT_CONTACTS, CLIENTS, CONTACTS, errorPaths, restClient, type RestClient } from '../helpers/http';
import { useStrapi } from '../helpers/strapi';

const app = useStrapi();
let api: RestClient;

type Listed = { documentId: string; lastName: string; firstName: string | null };
type ListResponse = {
  data: Listed[];
  meta: { pagination: { nextCursor: string | null; total: number; totalIsExact: boolean; pageSize: number } };
};

const search = async (q: string, extra = '') => {
  const response = await api.get(`${CONTACTS}?q=${encodeURIComponent(q)}${extra}`);
  expect(response.status).toBe(200);
  return response.body as ListResponse;
};
const names = (body: ListResponse) => body.data.map((contact) => contact.lastName);

const createContact = async (data: Record<string, unknown>) => {
  const response = await api.post(CONTACTS, data);
  expect(response.status).toBe(201);
  return response.body.data.documentId as string;
};

beforeAll(async () => {
  api = restClient(app, await createApiToken(app.strapi, 'full-access'));
  await createContact({
    firstName: 'Hélène',
    lastName: 'Lefèvre',
    email: 'h.lefevre@exemple.fr',
    phone: '06 12 34 56 78',
    city: 'Bordeaux',
    country: 'FR',
  });
  await createContact({
    firstName: 'Helene',
    lastName: 'Martin',
    email: 'helene.martin@exemple.fr',
    city: 'Lyon',
  });
  await createContact({ firstName: 'Marc', lastName: 'Lefebvre', email: 'marc@exemple.fr', city: 'Nantes' });
  await createContact({
    firstName: 'Anne',
    lastName: 'Dubois',
    email: 'anne.dubois@lefevre-voyages.fr',
    city: 'Pau',
  });
  await createContact({
    firstName: 'Jan',
    lastName: 'Peeters',
    country: 'BE',
    phone: '+32 470 12 34 56',
    city: 'Gand',
  });
  await createContact({ firstName: 'Zoé', lastName: 'Hélie', city: 'Orléans' });
});

describe('searching contacts with q', () => {
  it.each([
    ['helene', ['Lefèvre', 'Martin']],
    ['HÉLÈNE', ['Lefèvre', 'Martin']],
    ['lefevre', ['Lefèvre', 'Dubois']],
    ['LEFÈVRE', ['Lefèvre', 'Dubois']],
    ['orleans', ['Hélie']],
  ])('finds %s whatever its accents and case', async (q, expected) => {
    expect(names(await search(q)).sort()).toEqual([...expected].sort());
  });

  it('finds a contact by part of its e-mail', async () => {
    expect(names(await search('lefevre@exe'))).toEqual(['Lefèvre']);
    expect(names(await search('martin@'))).toEqual(['Martin']);
  });

  it.each(['06 12', '0612 34', '+33 6 12 34', '0033 6 12', '06.12.34.56'])(
    'finds a phone typed as %s',
    async (q) => {
      expect(names(await search(q))).toEqual(['Lefèvre']);
    }
  );

  it('finds a foreign phone by its international digits', async () => {
    expect(names(await search('+32 470'))).toEqual(['Peeters']);
  });

  it('ranks a last-name match before other matches', async () => {
    // "Lefèvre" starts with the term; Dubois only has it inside an e-mail domain
    expect(names(await search('lefev'))).toEqual(['Lefèvre', 'Dubois']);
  });

  it('requires every word of the query', async () => {
    expect(names(await search('helene lyon'))).toEqual(['Martin']);
  });

  it('matches one or two letters on the start of the last name only', async () => {
    expect(names(await search('le')).sort()).toEqual(['Lefebvre', 'Lefèvre']);
    expect(names(await search('h'))).toEqual(['Hélie']);
  });

  it.each([
    ['a lone %', '%'],
    ['a lone _', '_'],
    ['a lone backslash', '\\'],
    ['quotes and wildcards', 'l\'e"%_\\'],
    ['10,000 characters', 'x'.repeat(10_000)],
    ['wildcards around a letter', '%e%'],
  ])('handles %s without error, treating wildcards literally', async (_label, q) => {
    expect(names(await search(q))).toEqual([]);
  });

  it('combines q with Strapi filters', async () => {
    expect(names(await search('helene', '&filters[city][$eq]=Lyon'))).toEqual(['Martin']);
  });

  it('reports an exact total for a small result', async () => {
    const body = await search('helene');
    expect(body.meta.pagination).toMatchObject({ total: 2, totalIsExact: true, nextCursor: null });
  });

  it('never returns the private search text', async () => {
    const body = await search('helene');
    for (const contact of body.data) expect(contact).not.toHaveProperty('searchText');
  });

  it.each([
    ['?q=a&cursor=notacursor', ['cursor']],
    ['?q=a&order=random', ['order']],
    ['?q=a&pagination[page]=2', ['pagination', 'page']],
    ['?q=a&pagination[pageSize]=1000', ['pagination', 'pageSize']],
    ['?q=a&sort=lastName', ['sort']],
    ['?q[]=a&q[]=b', ['q']],
  ])('refuses %s with 400 naming the parameter', async (query, path) => {
    const response = await api.get(`${CONTACTS}${query}`);
    expect(response.status).toBe(400);
    expect(errorPaths(response.body)).toContainEqual(path);
  });

  it('is refused to anonymous callers like the rest of the list', async () => {
    expect((await restClient(app).get(`${CONTACTS}?q=helene`)).status).toBe(403);
  });
});

describe('the search text stays true after every kind of write', () => {
  it('follows updates through REST and through the document service', async () => {
    const id = await createContact({ lastName: 'Avant' });
    await api.put(`${CONTACTS}/${id}`, { lastName: 'Après' });
    expect(names(await search('apres'))).toEqual(['Après']);
    expect(names(await search('avant'))).toEqual([]);
    // Strapi's input type for an untyped content type knows no attribute: the data is ours
    await app.strapi.documents(UID.contact).update({ documentId: id, data: { city: 'Montbéliard' } });
    expect(names(await search('montbeliard'))).toEqual(['Après']);
  });

  it("follows the contact's clients: linked, renamed, unlinked, deleted", async () => {
    const contact = await createContact({ lastName: 'Bénévole' });
    const client = (await api.post(CLIENTS, { name: 'Amicale Laïque de Talence', type: 'association' })).body
      .data.documentId as string;
    const link = await api.post(CLIENT_CONTACTS, { contact, client, role: 'president' });
    expect(names(await search('amicale laique'))).toEqual(['Bénévole']);

    await api.put(`${CLIENTS}/${client}`, { name: 'Foyer Rural de Talence' });
    expect(names(await search('amicale laique'))).toEqual([]);
    expect(names(await search('foyer rural'))).toEqual(['Bénévole']);

    await api.delete(`${CLIENT_CONTACTS}/${link.body.data.documentId}`);
    expect(names(await search('foyer rural'))).toEqual([]);

    await api.post(CLIENT_CONTACTS, { contact, client, role: 'payeur' });
    expect(names(await search('foyer rural'))).toEqual(['Bénévole']);
    await api.delete(`${CLIENTS}/${client}`);
    expect(names(await search('foyer rural'))).toEqual([]);
  });

  it('re-indexes every member of a renamed client with a few statements, not a few per member', async () => {
    const members = 1_100;
    const client = (await api.post(CLIENTS, { name: 'Chorale Sainte-Cécile', type: 'association' })).body.data
      .documentId as string;
    const clientRow = (await app.strapi.db.query(UID.client).findOne({ where: { documentId: client } })) as {
      id: number;
    };
    await app.strapi.db.transaction(async () => {
      for (let index = 0; index < members; index += 1) {
        const lastName = `Choriste ${String(index).padStart(4, '0')}`;
        const contact = (await app.strapi.db.query(UID.contact).create({
          data: { lastName, searchText: `choriste ${String(index).padStart(4, '0')} chorale sainte-cecile` },
        })) as { id: number };
        await app.strapi.db
          .query(UID.clientContact)
          .create({ data: { contact: contact.id, client: clientRow.id, role: 'voyageur' } });
      }
    });

    let statements = 0;
    const count = () => {
      statements += 1;
    };
    app.strapi.db.connection.on('query', count);
    try {
      expect((await api.put(`${CLIENTS}/${client}`, { name: 'Chœur de Talence' })).status).toBe(200);
    } finally {
      app.strapi.db.connection.off('query', count);
    }
    // the members are spread over three chunks of 500: about three statements each, besides the
    // client's own write (its rules, its history entry, its duplicate refresh): far from 1,100
    expect(statements).toBeLessThan(100);
    const found = await search('choeur de talence', '&pagination[pageSize]=1');
    expect(found.meta.pagination).toMatchObject({ total: members, totalIsExact: true });
    expect((await search('sainte-cecile', '&pagination[pageSize]=1')).meta.pagination.total).toBe(0);
  });
});

describe('keyset pagination', () => {
  it('returns every row exactly once while rows are inserted between pages', async () => {
    for (let index = 0; index < 23; index += 1) {
      await createContact({ lastName: `Pagination ${String(index).padStart(2, '0')}` });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let inserted = 0;
    do {
      const extra: string = `&pagination[pageSize]=5${cursor ? `&cursor=${cursor}` : ''}`;
      const body: ListResponse = await search('pagination', extra);
      seen.push(...names(body));
      cursor = body.meta.pagination.nextCursor;
      // new rows on both sides of the cursor: before it (never shown) and after it (shown once)
      await createContact({ lastName: `Pagination 00 bis ${inserted}` });
      await createContact({ lastName: `Pagination 99 ${inserted}` });
      inserted += 1;
    } while (cursor);

    expect(new Set(seen).size).toBe(seen.length);
    for (let index = 0; index < 23; index += 1) {
      expect(seen).toContain(`Pagination ${String(index).padStart(2, '0')}`);
    }
  });

  it('pages the whole list newest first', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await api.get(
        `${CONTACTS}?order=newest&pagination[pageSize]=10${cursor ? `&cursor=${cursor}` : ''}`
      );
      expect(response.status).toBe(200);
      seen.push(...response.body.data.map((contact: Listed) => contact.documentId));
      cursor = response.body.meta.pagination.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(await app.strapi.db.query(UID.contact).count());
  });
});

describe('cursors', () => {
  it('reveal nothing of the private search text, and a forged or altered one is refused', async () => {
    for (let index = 0; index < 3; index += 1)
      await createContact({
        firstName: 'Gwenaëlle',
        lastName: `Kerouédan ${index}`,
        email: `gk${index}@exemple.fr`,
      });
    const body = await search('kerouedan', '&pagination[pageSize]=1&order=name');
    const cursor = body.meta.pagination.nextCursor as string;
    const opened = Buffer.from(cursor, 'base64url').toString('latin1').toLowerCase();
    for (const secret of ['kerouedan', 'gwenaelle', 'exemple', 'sortkey'])
      expect(opened).not.toContain(secret);

    const next = await api.get(`${CONTACTS}?q=kerouedan&order=name&pagination[pageSize]=1&cursor=${cursor}`);
    expect(next.status).toBe(200);
    const altered = `${cursor.slice(0, 20)}${cursor[20] === 'A' ? 'B' : 'A'}${cursor.slice(21)}`;
    const forged = Buffer.from(JSON.stringify({ order: 'name', sortKey: 'a', id: 1 })).toString('base64url');
    for (const refused of [altered, forged]) {
      const response = await api.get(`${CONTACTS}?q=kerouedan&order=name&cursor=${refused}`);
      expect([response.status, errorPaths(response.body)]).toEqual([400, [['cursor']]]);
    }
  });
});

describe('searching clients by name', () => {
  it('finds a client whatever its accents and case', async () => {
    await api.post(CLIENTS, { name: 'Comité d’Entreprise Élan', type: 'works_council', city: 'Besançon' });
    await api.post(CLIENTS, { name: 'Lycée Victor Hugo', type: 'school' });
    const response = await api.get(`${CLIENTS}?q=elan`);
    expect(response.status).toBe(200);
    expect(response.body.data.map((client: { name: string }) => client.name)).toEqual([
      'Comité d’Entreprise Élan',
    ]);
    const byCity = await api.get(`${CLIENTS}?q=besancon`);
    expect(byCity.body.data).toHaveLength(1);
  });
});
