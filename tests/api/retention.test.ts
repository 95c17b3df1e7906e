import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ACTION, ERASED_CONTACT_LAST_NAME, UID } from '../../src/plugins/caladeo-contacts/shared/constants';
import type { RetentionService } from '../../src/plugins/caladeo-contacts/server/src/modules/retention/services/retention';
import { monthsAfter } from '../../src/plugins/caladeo-contacts/server/src/modules/retention/selection';
import { adminClient, adminTokenWithActions, type AdminClient } from '../helpers/admin';
import { createApiToken } from '../helpers/auth';
import { CONTACTS, OFFERS, OFFER_CONTACTS, errorCodes, restClient, type RestClient } from '../helpers/http';
import { jobRunner } from '../helpers/newsletter';
import { useStrapi } from '../helpers/strapi';

const app = useStrapi();
const DAY_MS = 24 * 60 * 60 * 1000;

let api: RestClient;
let privacy: AdminClient;
let sequence = 0;

const retention = () => app.strapi.plugin('caladeo-contacts').service('retention') as RetentionService;
const jobs = () => jobRunner(app);
const knex = () => app.strapi.db.connection;

const createContact = async (lastName: string) => {
  const response = await api.post(CONTACTS, {
    lastName,
    email: `${lastName.toLowerCase()}-${process.pid}@example.test`,
  });
  expect(response.status).toBe(201);
  return response.body.data.documentId as string;
};
const createOffer = async (data: Record<string, unknown>) => {
  const response = await api.post(OFFERS, {
    title: 'Séjour',
    reference: `R-${process.pid}-${++sequence}`,
    ...data,
  });
  expect(response.status).toBe(201);
  return response.body.data.documentId as string;
};
/** Gives a contact a role on an offer, the link dated `createdAt`. */
const linkToOffer = async (contact: string, offer: string, createdAt: Date) => {
  const response = await api.post(OFFER_CONTACTS, { contact, offer, role: 'voyageur' });
  expect(response.status).toBe(201);
  await knex()('caladeo_offer_contacts')
    .where({ document_id: response.body.data.documentId })
    .update({ created_at: createdAt });
};
/** As if the contact was last changed on `date`. */
const lastChanged = (documentId: string, date: Date) =>
  knex()('caladeo_contacts').where({ document_id: documentId }).update({ updated_at: date });
const day = (date: Date) => date.toISOString().slice(0, 10);

const preview = async (query: string) => {
  const response = await privacy.get(`/retention/preview?${query}`);
  expect(response.status).toBe(200);
  return response.body as {
    data: { documentId: string; policy: string; dueAt: string }[];
    meta: { nextRunAt: string; counts: Record<string, number>; nextAfter: number | null };
  };
};
const dueIds = async (policy: string) =>
  (await preview(`policy=${policy}&pageSize=100`)).data.map((row) => row.documentId);

/**
 * The contacts of the scenario, dated from BASE (a year before today, so that whatever the test
 * creates meanwhile is more recent than all of them), looked at on AS_OF = BASE + 3 years + 1 day.
 */
const BASE = new Date(Date.now() - 365 * DAY_MS);
const AS_OF = new Date(monthsAfter(BASE, 36).getTime() + DAY_MS);
const who: Record<string, string> = {};

beforeAll(async () => {
  // the run at boot is over and this node looks for no more work: the test drives every run
  await jobs().drain();
  await jobs().stop();
  api = restClient(app, await createApiToken(app.strapi, 'full-access'));
  privacy = adminClient(app, await adminTokenWithActions(app, [ACTION['privacy.settings']]));

  const sent = await createOffer({ offerStatus: 'sent' });
  const endedTrip = await createOffer({
    offerStatus: 'accepted',
    startDate: day(new Date(BASE.getTime() - 7 * DAY_MS)),
    endDate: day(BASE),
  });
  const laterTrip = await createOffer({
    offerStatus: 'accepted',
    startDate: day(BASE),
    endDate: day(new Date(BASE.getTime() + 2 * DAY_MS)),
  });
  const undatedTrip = await createOffer({ offerStatus: 'accepted' });

  for (const name of ['Inactive', 'Recent', 'Relinked', 'Client', 'LaterClient', 'Undated', 'Held']) {
    who[name] = await createContact(name);
  }
  await linkToOffer(who.Relinked!, sent, new Date(BASE.getTime() + 365 * DAY_MS - DAY_MS));
  await linkToOffer(who.Client!, endedTrip, new Date(BASE.getTime() - 365 * DAY_MS));
  await linkToOffer(who.LaterClient!, laterTrip, new Date(BASE.getTime() - 365 * DAY_MS));
  await linkToOffer(who.Undated!, undatedTrip, new Date(BASE.getTime() - 365 * DAY_MS));
  // inactive exactly 3 years + 1 day on AS_OF; 'Recent' 3 years − 1 day
  await lastChanged(who.Inactive!, BASE);
  await lastChanged(who.Recent!, new Date(BASE.getTime() + 2 * DAY_MS));
  await lastChanged(who.Relinked!, BASE);
  await lastChanged(who.Held!, BASE);
  // clients changed long ago: only their trips count
  for (const client of [who.Client!, who.LaterClient!, who.Undated!])
    await lastChanged(client, new Date(BASE.getTime() - 5 * 365 * DAY_MS));
  const held = await privacy.post('/retention/holds', {
    data: { contact: who.Held, reason: 'Litige en cours' },
  });
  expect(held.status).toBe(201);
  retention().setClock(() => AS_OF);
});

afterAll(() => retention().setClock());

describe('which contacts are due', () => {
  it('takes a prospect inactive 3 years and a day, not one inactive 3 years less a day, nor one linked to an offer since', async () => {
    expect(await dueIds('prospect')).toEqual([who.Inactive]);
  });

  it('takes a client 3 years after the end of its last trip, whatever its last change', async () => {
    expect(await dueIds('client')).toEqual([who.Client]);
  });

  it('answers what the next run will do: its date, the counts, each contact with its due date', async () => {
    const { data, meta } = await preview('policy=client');
    expect(meta.nextRunAt).toBe(AS_OF.toISOString());
    expect(meta.counts).toEqual({ prospect: 1, client: 1 });
    expect(data).toEqual([
      expect.objectContaining({
        documentId: who.Client,
        policy: 'client',
        dueAt: monthsAfter(new Date(`${day(BASE)}T00:00:00.000Z`), 36).toISOString(),
      }),
    ]);
  });

  it('takes the other contacts once their own period is over, never the one on legal hold', async () => {
    retention().setClock(() => new Date(AS_OF.getTime() + 3 * DAY_MS));
    try {
      expect(await dueIds('prospect')).toEqual([who.Inactive, who.Recent]);
      expect(await dueIds('client')).toEqual([who.Client, who.LaterClient]);
    } finally {
      retention().setClock(() => AS_OF);
    }
  });

  it('pages through the due contacts by id', async () => {
    retention().setClock(() => new Date(AS_OF.getTime() + 3 * DAY_MS));
    try {
      const first = await preview('policy=prospect&pageSize=1');
      expect(first.data.map((row) => row.documentId)).toEqual([who.Inactive]);
      expect(first.meta.nextAfter).not.toBeNull();
      const second = await preview(`policy=prospect&pageSize=1&after=${first.meta.nextAfter}`);
      expect(second.data.map((row) => row.documentId)).toEqual([who.Recent]);
      expect(second.meta.nextAfter).toBeNull();
    } finally {
      retention().setClock(() => AS_OF);
    }
  });

  it('selects nobody under a policy switched off, and again once it is on', async () => {
    const off = await privacy.put('/retention/policies/client', { data: { enabled: false, months: 36 } });
    expect(off.status).toBe(200);
    expect(off.body.data).toMatchObject({ policy: 'client', enabled: false, months: 36, source: 'admin' });
    expect(await dueIds('client')).toEqual([]);
    // a longer period moves the due date past the run
    await privacy.put('/retention/policies/client', { data: { enabled: true, months: 48 } });
    expect(await dueIds('client')).toEqual([]);
    await privacy.put('/retention/policies/client', { data: { enabled: true, months: 36 } });
    expect(await dueIds('client')).toEqual([who.Client]);
    const policies = await privacy.get('/retention/policies');
    expect(policies.body.data).toEqual([
      expect.objectContaining({ policy: 'prospect', enabled: true, months: 36, source: 'config' }),
      expect.objectContaining({ policy: 'client', enabled: true, months: 36, source: 'admin' }),
    ]);
  });
});

describe('legal holds', () => {
  it('keeps the contact out of retention until lifted, with who and why each time', async () => {
    const contact = await createContact('Dispute');
    await lastChanged(contact, BASE);
    expect(await dueIds('prospect')).toContain(contact);
    const placed = await privacy.post('/retention/holds', {
      data: { contact, reason: 'Réclamation client' },
    });
    expect(placed.status).toBe(201);
    expect(placed.body.data).toMatchObject({
      contactDocumentId: contact,
      reason: 'Réclamation client',
      placedByKind: 'admin_user',
      liftedAt: null,
    });
    expect(await dueIds('prospect')).not.toContain(contact);

    const again = await privacy.post('/retention/holds', { data: { contact, reason: 'Encore' } });
    expect(again.status).toBe(409);
    expect(errorCodes(again.body)).toEqual(['contact: retention.alreadyHeld']);

    const held = await privacy.get(`/retention/holds?contact=${contact}&active=true`);
    expect(held.body.data).toHaveLength(1);
    const lifted = await privacy.post(`/retention/holds/${placed.body.data.documentId}/lift`, {
      data: { reason: 'Litige clos' },
    });
    expect(lifted.status).toBe(200);
    expect(lifted.body.data).toMatchObject({ liftReason: 'Litige clos', liftedByKind: 'admin_user' });
    expect(lifted.body.data.liftedAt).not.toBeNull();
    expect(await dueIds('prospect')).toContain(contact);
    // lifted once only
    const twice = await privacy.post(`/retention/holds/${placed.body.data.documentId}/lift`, {
      data: { reason: 'x' },
    });
    expect(twice.status).toBe(404);
    expect(errorCodes(twice.body)).toEqual(['holdId: retention.holdNotFound']);
    // kept in the list of lifted holds
    const all = await privacy.get(`/retention/holds?contact=${contact}`);
    expect(all.body.data).toHaveLength(1);
    expect(all.body.meta.pagination.total).toBe(1);
    // back on hold for the runs below
    await privacy.post('/retention/holds', { data: { contact, reason: 'Réclamation rouverte' } });
  });
});

describe('the daily run', () => {
  const runCount = () => app.strapi.db.query(UID.retentionRun).count({});
  const runJobs = () => app.strapi.db.query(UID.job).count({ where: { kind: 'retention.run' } });
  const contactRow = (documentId: string) =>
    app.strapi.db.query(UID.contact).findOne({ where: { documentId } }) as Promise<Record<string, unknown>>;

  it('runs once for two nodes, erases exactly the due contacts through the erasure module and keeps a report', async () => {
    const [runsBefore, jobsBefore] = [await runCount(), await runJobs()];
    // the daily schedule is due: both nodes look for work at the same moment
    await app.strapi.db
      .query(UID.jobSchedule)
      .update({ where: { name: 'retention.daily' }, data: { nextRunAt: new Date(Date.now() - 1000) } });
    const nodes = [jobs().createRunner('node-a'), jobs().createRunner('node-b')];
    await Promise.all(nodes.map((node) => node.drain()));
    expect(await runJobs()).toBe(jobsBefore + 1);
    expect(await runCount()).toBe(runsBefore + 1);

    for (const erased of [who.Inactive!, who.Client!]) {
      expect(await contactRow(erased)).toMatchObject({ lastName: ERASED_CONTACT_LAST_NAME, email: null });
      expect(
        await app.strapi.db.query(UID.contactErasure).findOne({ where: { contactDocumentId: erased } })
      ).toMatchObject({ reason: 'retention', actorType: 'job' });
    }
    for (const kept of [who.Recent!, who.Relinked!, who.LaterClient!, who.Undated!, who.Held!])
      expect(await contactRow(kept)).toMatchObject({ email: expect.stringContaining('@example.test') });
    // the client's role on its trip stays, for the agency's accounts
    expect(
      await app.strapi.db.query(UID.offerContact).count({ where: { contact: { documentId: who.Client } } })
    ).toBe(1);

    const runs = await privacy.get('/retention/runs');
    expect(runs.status).toBe(200);
    const [report] = runs.body.data;
    expect(report).toMatchObject({
      status: 'completed',
      asOf: AS_OF.toISOString(),
      dueCount: 2,
      erasedCount: 2,
      errorCount: 0,
      failures: [],
      policies: {
        prospect: { enabled: true, months: 36, due: 1, erased: 1 },
        client: { enabled: true, months: 36, due: 1, erased: 1 },
      },
    });
    expect(report.finishedAt).not.toBeNull();
    // counts only: no name or e-mail of anyone in the report
    expect(JSON.stringify(report)).not.toMatch(/inactive|client-|@example/i);
  });

  it('never selects an erased contact again, however old its row', async () => {
    await lastChanged(who.Inactive!, BASE);
    expect(await dueIds('prospect')).toEqual([]);
    expect(await dueIds('client')).toEqual([]);
    const runsBefore = await runCount();
    const report = await retention().run();
    expect(report).toMatchObject({ status: 'completed', dueCount: 0, erasedCount: 0 });
    expect(await runCount()).toBe(runsBefore + 1);
  });
});

describe('bad input', () => {
  const holdCount = () => app.strapi.db.query(UID.contactLegalHold).count({});
  const settingsOf = () => app.strapi.db.query(UID.retentionSetting).findMany({});

  it.each([
    [{ data: { enabled: true, months: -1 } }, 'data.months: number.outOfRange'],
    [{ data: { enabled: true, months: 0 } }, 'data.months: number.outOfRange'],
    [{ data: { enabled: true, months: 1.5 } }, 'data.months: number.outOfRange'],
    [{ data: { enabled: true, months: '36' } }, 'data.months: number.outOfRange'],
    [{ data: { enabled: 'yes', months: 36 } }, 'data.enabled: boolean.invalid'],
    [{ data: { enabled: true, months: 36, days: 3 } }, 'data.days: field.notAllowed'],
  ])('refuses the policy change %j naming the field, changing nothing', async (body, code) => {
    const before = await settingsOf();
    const response = await privacy.put('/retention/policies/prospect', body);
    expect(response.status).toBe(400);
    expect(errorCodes(response.body)).toEqual([code]);
    expect(await settingsOf()).toEqual(before);
  });

  it('answers 404 naming the policy for an unknown one', async () => {
    const response = await privacy.put('/retention/policies/newsletter', {
      data: { enabled: false, months: 12 },
    });
    expect(response.status).toBe(404);
    expect(errorCodes(response.body)).toEqual(['policy: retention.unknownPolicy']);
  });

  it('refuses a hold on an unknown contact (404) or without a reason (400), writing nothing', async () => {
    const before = await holdCount();
    const unknown = await privacy.post('/retention/holds', {
      data: { contact: 'nosuchcontact1', reason: 'Litige' },
    });
    expect(unknown.status).toBe(404);
    expect(errorCodes(unknown.body)).toEqual(['contact: retention.contactNotFound']);
    const noReason = await privacy.post('/retention/holds', {
      data: { contact: who.Inactive, reason: '  ' },
    });
    expect(noReason.status).toBe(400);
    expect(errorCodes(noReason.body)).toEqual(['data.reason: required']);
    const badId = await privacy.post('/retention/holds', {
      data: { contact: 'Not-an-id!', reason: 'Litige' },
    });
    expect(badId.status).toBe(400);
    expect(errorCodes(badId.body)).toEqual(['data.contact: documentId.invalid']);
    expect(await holdCount()).toBe(before);
  });

  it.each([
    ['/retention/preview?policy=newsletter', 'policy: choice.invalid'],
    ['/retention/preview?pageSize=1000', 'pageSize: number.outOfRange'],
    ['/retention/preview?sort=id', 'sort: field.notAllowed'],
    ['/retention/runs?page=0', 'page: number.outOfRange'],
    ['/retention/holds?active=maybe', 'active: choice.invalid'],
  ])('refuses the query %s naming the parameter', async (path, code) => {
    const response = await privacy.get(path);
    expect(response.status).toBe(400);
    expect(errorCodes(response.body)).toEqual([code]);
  });
});

describe('who may use the retention routes', () => {
  // every row names a body (null for a GET): jest would take a missing argument for `done`
  const ROUTES: [string, string, unknown][] = [
    ['get', '/retention/policies', null],
    ['put', '/retention/policies/prospect', { data: { enabled: true, months: 36 } }],
    ['get', '/retention/preview', null],
    ['get', '/retention/runs', null],
    ['get', '/retention/holds', null],
    ['post', '/retention/holds', { data: { contact: 'abc', reason: 'x' } }],
    ['post', '/retention/holds/abc/lift', { data: { reason: 'x' } }],
  ];
  let other: AdminClient;
  let anonymous: AdminClient;

  beforeAll(async () => {
    other = adminClient(
      app,
      await adminTokenWithActions(app, [ACTION['contacts.read'], ACTION['jobs.manage']])
    );
    anonymous = adminClient(app);
  });

  it.each(ROUTES)('%s %s: 401 without a token, 403 without privacy.settings', async (method, path, body) => {
    const send = (client: AdminClient) =>
      method === 'get' ? client.get(path) : client[method as 'put' | 'post'](path, body);
    expect((await send(anonymous)).status).toBe(401);
    expect((await send(other)).status).toBe(403);
  });
});
