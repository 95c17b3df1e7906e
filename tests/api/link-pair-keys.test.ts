import fs from 'fs';
import path from 'path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Knex } from 'knex';
import { up } from '../../database/migrations/2026.12.07T00.00.00.link-pair-keys';
import { UID } from '../../src/plugins/caladeo-contacts/shared/constants';
import { createApiToken } from '../helpers/auth';
import { UNIQUE_VIOLATION, rejectionMessage } from '../helpers/database';
import { CLIENT_CONTACTS, OFFER_CONTACTS, errorCodes, restClient, type RestClient } from '../helpers/http';
import { createClient, createContact, createOffer, linkToClient, linkToOffer } from '../helpers/offers';
import { useStrapi } from '../helpers/strapi';

/**
 * One role per contact and target is held by a unique index on each link's private `pairKey`
 * (contact:target:role), not by a row lock: the rules check first for a clear answer, the
 * database settles the callers that pass that check at the same moment.
 */
const app = useStrapi();
const CALLERS = 50;
let api: RestClient;
let fullToken: string;

const knex = () => app.strapi.db.connection as unknown as Knex;
const LINKS = [
  { uid: UID.clientContact, table: 'caladeo_client_contacts', index: 'caladeo_client_contacts_pair_unique' },
  { uid: UID.offerContact, table: 'caladeo_offer_contacts', index: 'caladeo_offer_contacts_pair_unique' },
] as const;

const indexExists = async (name: string) => {
  const rows =
    app.strapi.db.dialect.client === 'postgres'
      ? await knex()('pg_indexes').select('indexname').where({ indexname: name })
      : await knex()('sqlite_master').select('name').where({ type: 'index', name });
  return rows.length === 1;
};

const keysOf = async (uid: (typeof LINKS)[number]['uid'], where: Record<string, unknown>) =>
  (
    (await app.strapi.db.query(uid).findMany({ select: ['documentId', 'pairKey', 'isPrimary'], where })) as {
      documentId: string;
      pairKey: string | null;
      isPrimary: boolean;
    }[]
  ).sort((a, b) => a.documentId.localeCompare(b.documentId));

beforeAll(async () => {
  fullToken = await createApiToken(app.strapi, 'full-access');
  api = restClient(app, fullToken);
});

describe('the database holds one role per contact and target', () => {
  it.each(LINKS)('has the unique index $index', async ({ index }) => {
    expect(await indexExists(index)).toBe(true);
  });

  it('gives one role on one client once to 50 simultaneous callers, the others a clear 400', async () => {
    const contact = await createContact(app.strapi, { lastName: 'Garnier' });
    const client = await createClient(app.strapi);
    const answers = await Promise.all(
      Array.from({ length: CALLERS }, () => api.post(CLIENT_CONTACTS, { contact, client, role: 'payeur' }))
    );
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);
    expect(new Set(answers.filter((answer) => answer.status !== 201).map((answer) => answer.status))).toEqual(
      new Set([400])
    );
    expect(
      new Set(
        answers.filter((answer) => answer.status !== 201).map((answer) => errorCodes(answer.body).join())
      )
    ).toEqual(new Set(['role: link.roleTaken']));
    expect(
      await keysOf(UID.clientContact, { contact: { documentId: contact }, client: { documentId: client } })
    ).toEqual([expect.objectContaining({ pairKey: `${contact}:${client}:payeur` })]);
  });

  it('gives one role on one offer once to 50 simultaneous callers, the others a clear 400', async () => {
    const contact = await createContact(app.strapi, { lastName: 'Roussel' });
    const offer = await createOffer(app.strapi);
    const answers = await Promise.all(
      Array.from({ length: CALLERS }, () => api.post(OFFER_CONTACTS, { contact, offer, role: 'voyageur' }))
    );
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);
    expect(
      new Set(
        answers
          .filter((answer) => answer.status !== 201)
          .map((answer) => `${answer.status} ${errorCodes(answer.body).join()}`)
      )
    ).toEqual(new Set(['400 role: link.roleTaken']));
    expect(
      await app.strapi.db.query(UID.offerContact).count({
        where: { contact: { documentId: contact }, offer: { documentId: offer } },
      })
    ).toBe(1);
  });

  it('refuses a second row of one key even when no rule runs (the index decides, not a lock)', async () => {
    const contact = await createContact(app.strapi, { lastName: 'Lambert' });
    const client = await createClient(app.strapi);
    await linkToClient(app.strapi, contact, client, 'payeur');
    const other = await linkToClient(app.strapi, contact, client, 'voyageur');
    const refused = await rejectionMessage(
      knex()('caladeo_client_contacts')
        .where({ document_id: other.documentId })
        .update({ pair_key: `${contact}:${client}:payeur` })
    );
    expect(refused).toMatch(UNIQUE_VIOLATION);
    expect(await keysOf(UID.clientContact, { documentId: other.documentId })).toEqual([
      expect.objectContaining({ pairKey: `${contact}:${client}:voyageur` }),
    ]);
  });

  it('moves the key with a change of role, so that the old role can be given again', async () => {
    const contact = await createContact(app.strapi, { lastName: 'Chevalier' });
    const offer = await createOffer(app.strapi);
    const link = await api.post(OFFER_CONTACTS, { contact, offer, role: 'payeur' });
    expect(link.status).toBe(201);
    const changed = await api.put(`${OFFER_CONTACTS}/${link.body.data.documentId}`, { role: 'voyageur' });
    expect(changed.status).toBe(200);
    expect((await keysOf(UID.offerContact, { documentId: link.body.data.documentId }))[0]?.pairKey).toBe(
      `${contact}:${offer}:voyageur`
    );
    expect((await api.post(OFFER_CONTACTS, { contact, offer, role: 'payeur' })).status).toBe(201);
    const again = await api.put(`${OFFER_CONTACTS}/${link.body.data.documentId}`, { role: 'payeur' });
    expect([again.status, errorCodes(again.body)]).toEqual([400, ['role: link.roleTaken']]);
  });
});

describe('the key never leaves the server', () => {
  it('is absent from REST answers, refused in GraphQL, and not in the OpenAPI document', async () => {
    const contact = await createContact(app.strapi, { lastName: 'Dumont' });
    const client = await createClient(app.strapi);
    const link = await api.post(CLIENT_CONTACTS, { contact, client, role: 'autre' });
    expect(link.status).toBe(201);
    expect(JSON.stringify(link.body)).not.toMatch(/pairKey|pair_key/);
    const list = await api.get(`${CLIENT_CONTACTS}?populate=*`);
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.body)).not.toMatch(/pairKey|pair_key/);

    const graphql = await request(app.baseUrl)
      .post('/graphql')
      .set('Authorization', `Bearer ${fullToken}`)
      .send({ query: '{ caladeoContactsClientContacts { documentId pairKey } }' });
    expect(JSON.stringify(graphql.body.data ?? null)).not.toMatch(/pairKey/);
    expect(graphql.body.errors?.[0]?.message).toMatch(/Cannot query field "pairKey"/);

    const openapi = fs.readFileSync(path.resolve(__dirname, '../../docs/openapi.json'), 'utf8');
    expect(openapi).not.toMatch(/pairKey|pair_key/);
  });

  it('refuses a caller-supplied key, naming it', async () => {
    const contact = await createContact(app.strapi, { lastName: 'Perret' });
    const client = await createClient(app.strapi);
    const response = await api.post(CLIENT_CONTACTS, {
      contact,
      client,
      role: 'autre',
      pairKey: 'x:y:autre',
    });
    expect([response.status, errorCodes(response.body)]).toEqual([400, ['pairKey: body.serverField']]);
  });
});

describe('the pair-key migration', () => {
  it('collapses duplicates stored before the index, keeping a primary one, and fills every key', async () => {
    const contact = await createContact(app.strapi, { lastName: 'Barbier' });
    const client = await createClient(app.strapi);
    const offer = await createOffer(app.strapi);
    const older = await linkToClient(app.strapi, contact, client, 'payeur');
    const primary = await linkToClient(app.strapi, contact, client, 'voyageur', true);
    const firstOnOffer = await linkToOffer(app.strapi, contact, offer, 'payeur');
    const secondOnOffer = await linkToOffer(app.strapi, contact, offer, 'voyageur');
    // a database from before the key: no index, no keys, and the same role twice
    for (const { table, index } of LINKS) {
      await knex().raw(`DROP INDEX IF EXISTS ${index}`);
      await knex()(table).update({ pair_key: null });
    }
    await knex()('caladeo_client_contacts')
      .where({ document_id: primary.documentId })
      .update({ role: 'payeur' });
    await knex()('caladeo_offer_contacts')
      .where({ document_id: secondOnOffer.documentId })
      .update({ role: 'payeur' });

    await up(knex());
    await up(knex());

    expect(await keysOf(UID.clientContact, { contact: { documentId: contact } })).toEqual([
      { documentId: primary.documentId, pairKey: `${contact}:${client}:payeur`, isPrimary: true },
    ]);
    expect(older.documentId).not.toBe(primary.documentId);
    expect(await keysOf(UID.offerContact, { contact: { documentId: contact } })).toEqual([
      { documentId: firstOnOffer.documentId, pairKey: `${contact}:${offer}:payeur`, isPrimary: false },
    ]);
    for (const { uid, index } of LINKS) {
      expect(await indexExists(index)).toBe(true);
      expect(await app.strapi.db.query(uid).count({ where: { pairKey: { $null: true } } })).toBe(0);
    }
  });
});
