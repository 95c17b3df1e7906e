import { beforeAll, describe, expect, it } from '@jest/globals';
import { ACTION, UID } from '../../src/plugins/caladeo-contacts/shared/constants';
import type { BulkJob } from '../../src/plugins/caladeo-contacts/shared/contracts/admin';
import type { BulkActionsService } from '../../src/plugins/caladeo-contacts/server/src/modules/records/services/bulk-actions';
import type { BulkLinksPayload } from '../../src/plugins/caladeo-contacts/server/src/modules/records/bulk-jobs';
import { adminClient, adminTokenWithActions, superAdminToken, type AdminClient } from '../helpers/admin';
import { errorCodes } from '../helpers/http';
import { jobRunner } from '../helpers/newsletter';
import { contactsNamed as createContactsNamed, createOffer, linkToOffer } from '../helpers/offers';
import { useStrapi } from '../helpers/strapi';

/**
 * Bulk actions past the contacts a request waits for become background jobs. The limits are
 * small here (3 contacts inline, 12 as a job, 2 a chunk) so that a few contacts make several
 * chunks. This file's runner runs nothing by itself: each test drains the queue when it wants the
 * job done.
 */
const INLINE_MAX = 3;
const JOB_MAX = 12;
const CHUNK = 2;
const app = useStrapi({
  env: {
    BULK_INLINE_MAX: String(INLINE_MAX),
    BULK_JOB_MAX_CONTACTS: String(JOB_MAX),
    BULK_JOB_CHUNK_SIZE: String(CHUNK),
  },
});
const BULK_KINDS = ['contacts.bulk-links', 'contacts.bulk-delete'];
let admin: AdminClient;

beforeAll(async () => {
  await jobRunner(app).stop();
  admin = adminClient(app, await superAdminToken(app));
});

const runJobs = () => jobRunner(app).drain(BULK_KINDS);

const contactsNamed = (lastName: string, count: number) => createContactsNamed(app.strapi, lastName, count);

/** The contacts holding a role on the offer, once per link (a contact linked twice shows twice). */
const linkedToOffer = async (offer: string) =>
  (
    (await app.strapi.db.query(UID.offerContact).findMany({
      where: { offer: { documentId: offer } },
      populate: { contact: { select: ['documentId'] } },
    })) as Array<{ contact: { documentId: string } | null }>
  ).map((link) => link.contact?.documentId);

const jobOf = async (action: 'links' | 'delete', id: number) => {
  const response = await admin.get(`/contacts/bulk/${action}/jobs/${id}`);
  expect(response.status).toBe(200);
  return response.body.data as BulkJob;
};

const attachBody = (offer: string, selection: Record<string, unknown>) => ({
  ...selection,
  target: 'offer',
  documentId: offer,
  role: 'voyageur',
});

describe('a bulk attach past the inline limit', () => {
  it('answers 202 with the job, which attaches each contact once by chunks and reports its counts', async () => {
    const offer = await createOffer(app.strapi);
    const contacts = await contactsNamed('Tachelien', 7);
    await linkToOffer(app.strapi, contacts[0] as string, offer, 'voyageur');

    const response = await admin.post(
      '/contacts/bulk/links',
      attachBody(offer, { search: { q: 'tachelien' } })
    );
    expect(response.status).toBe(202);
    const queued = response.body.data as BulkJob;
    expect(queued).toMatchObject({
      action: 'links',
      status: 'queued',
      cancelRequested: false,
      progress: { done: 0, total: 7 },
      result: { attached: 0, already: 0, refused: 0 },
    });
    expect(await jobOf('links', queued.id)).toMatchObject({
      status: 'queued',
      progress: { done: 0, total: 7 },
    });
    // nothing is done while the request waits
    expect(await linkedToOffer(offer)).toEqual([contacts[0]]);

    await runJobs();
    const done = await jobOf('links', queued.id);
    expect(done).toMatchObject({
      status: 'completed',
      progress: { done: 7, total: 7 },
      result: { attached: 6, already: 1, refused: 0 },
      error: null,
    });
    expect(done.finishedAt).not.toBeNull();
    expect((await linkedToOffer(offer)).sort()).toEqual([...contacts].sort());
  });

  it('records each link in the history as made by the admin who asked, from the admin', async () => {
    const offer = await createOffer(app.strapi);
    const contacts = await contactsNamed('Historiquetache', 4);
    const response = await admin.post('/contacts/bulk/links', attachBody(offer, { contacts }));
    expect(response.status).toBe(202);
    await runJobs();
    const entries = (await app.strapi.db.query(UID.historyEntry).findMany({
      where: { action: 'link', targetDocumentId: { $in: contacts } },
    })) as Array<{ actorType: string; entryPoint: string; targetDocumentId: string }>;
    expect(new Set(entries.map((entry) => entry.targetDocumentId))).toEqual(new Set(contacts));
    expect(entries.every((entry) => entry.actorType === 'admin_user' && entry.entryPoint === 'admin')).toBe(
      true
    );
  });

  it('acts on the search’s results as they were when asked, not on contacts that match later', async () => {
    const offer = await createOffer(app.strapi);
    const contacts = await contactsNamed('Instantanetache', 4);
    const response = await admin.post(
      '/contacts/bulk/links',
      attachBody(offer, { search: { q: 'instantanetache' } })
    );
    expect(response.status).toBe(202);
    const [late] = await contactsNamed('Instantanetache', 1);

    await runJobs();
    expect(await jobOf('links', response.body.data.id)).toMatchObject({
      status: 'completed',
      result: { attached: 4 },
    });
    const linked = await linkedToOffer(offer);
    expect(linked.sort()).toEqual([...contacts].sort());
    expect(linked).not.toContain(late);
  });

  it('keeps the inline answer up to the limit', async () => {
    const offer = await createOffer(app.strapi);
    const contacts = await contactsNamed('Enlignetache', INLINE_MAX);
    const response = await admin.post('/contacts/bulk/links', attachBody(offer, { contacts }));
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({ attached: INLINE_MAX, already: 0, refused: 0 });
  });

  it('goes on after a crash from the first contact not done, attaching none twice', async () => {
    const offer = await createOffer(app.strapi);
    const contacts = await contactsNamed('Reprisetache', 7);
    const response = await admin.post('/contacts/bulk/links', attachBody(offer, { contacts }));
    const { id } = response.body.data as BulkJob;
    const row = (await app.strapi.db.query(UID.job).findOne({ where: { id } })) as {
      kind: string;
      payload: BulkLinksPayload | string;
    };
    const payload =
      typeof row.payload === 'string' ? (JSON.parse(row.payload) as BulkLinksPayload) : row.payload;

    // a node runs the first chunk, then dies in the second, before its transaction commits
    const crash = new Error('the node was killed');
    let reports = 0;
    const bulk = app.strapi.plugin('caladeo-contacts').service('bulk-actions') as BulkActionsService;
    await expect(
      bulk.runLinksJob({
        strapi: app.strapi,
        id,
        kind: row.kind,
        payload,
        attempt: 1,
        signal: new AbortController().signal,
        assertClaimed: async () => undefined,
        progress: async (done, total, result) => {
          reports += 1;
          if (reports === 2) throw crash;
          await app.strapi.db
            .query(UID.job)
            .update({ where: { id }, data: { progressDone: done, progressTotal: total, result } });
        },
      })
    ).rejects.toBe(crash);
    expect(await jobOf('links', id)).toMatchObject({
      progress: { done: CHUNK, total: 7 },
      result: { attached: CHUNK, already: 0 },
    });
    expect(await linkedToOffer(offer)).toHaveLength(CHUNK);

    await runJobs();
    expect(await jobOf('links', id)).toMatchObject({
      status: 'completed',
      progress: { done: 7, total: 7 },
      // a run that started over would find the first chunk's contacts already attached
      result: { attached: 7, already: 0, refused: 0 },
    });
    const linked = await linkedToOffer(offer);
    expect(linked).toHaveLength(7);
    expect(new Set(linked)).toEqual(new Set(contacts));
  });
});

describe('a bulk delete past the inline limit', () => {
  it('deletes the contacts confirmed with their roles as a job, counting those already gone', async () => {
    const offer = await createOffer(app.strapi);
    const contacts = await contactsNamed('Effacetache', 5);
    await linkToOffer(app.strapi, contacts[1] as string, offer, 'payeur');
    const [kept] = await contactsNamed('Gardetache', 1);

    const mismatch = await admin.post('/contacts/bulk/delete', { search: { q: 'effacetache' }, confirm: 4 });
    expect(mismatch.status).toBe(400);
    expect(errorCodes(mismatch.body)).toEqual(['confirm: bulk.countMismatch']);

    const response = await admin.post('/contacts/bulk/delete', {
      contacts: [...contacts, 'zzzzzzzzzzzzzzzzzzzzzzzz'],
      confirm: 6,
    });
    expect(response.status).toBe(202);
    const queued = response.body.data as BulkJob;
    expect(queued).toMatchObject({ action: 'delete', status: 'queued', progress: { done: 0, total: 6 } });
    expect(await app.strapi.db.query(UID.contact).count({ where: { documentId: { $in: contacts } } })).toBe(
      5
    );

    await runJobs();
    expect(await jobOf('delete', queued.id)).toMatchObject({
      status: 'completed',
      progress: { done: 6, total: 6 },
      result: { deleted: 5, missing: 1 },
    });
    expect(await app.strapi.db.query(UID.contact).count({ where: { documentId: { $in: contacts } } })).toBe(
      0
    );
    expect(await linkedToOffer(offer)).toEqual([]);
    expect((await admin.get(`/contacts/${kept}`)).status).toBe(200);

    // a delete job is not an attach job
    expect((await admin.get(`/contacts/bulk/links/jobs/${queued.id}`)).status).toBe(404);
  });
});

describe('cancelling a bulk job', () => {
  it('cancels a queued job before it writes anything, and refuses to cancel it again', async () => {
    const offer = await createOffer(app.strapi);
    const contacts = await contactsNamed('Annuletache', 5);
    const { id } = (await admin.post('/contacts/bulk/links', attachBody(offer, { contacts }))).body
      .data as BulkJob;

    const cancelled = await admin.post(`/contacts/bulk/links/jobs/${id}/cancel`, {});
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.data).toMatchObject({ id, status: 'cancelled' });
    await runJobs();
    expect(await linkedToOffer(offer)).toEqual([]);
    expect(await jobOf('links', id)).toMatchObject({ status: 'cancelled', progress: { done: 0 } });

    const again = await admin.post(`/contacts/bulk/links/jobs/${id}/cancel`, {});
    expect(again.status).toBe(400);
    expect(errorCodes(again.body)).toEqual(['status: job.notCancellable']);
  });

  it('stops a running job between two chunks: the chunks done stay done, the others are not', async () => {
    const offer = await createOffer(app.strapi);
    const contacts = await contactsNamed('Arrettache', 7);
    const { id } = (await admin.post('/contacts/bulk/links', attachBody(offer, { contacts }))).body
      .data as BulkJob;
    const jobs = jobRunner(app);
    // the admin cancels while the job attaches its second chunk's first contact
    const cancelDuring = contacts[CHUNK] as string;
    let cancelOnce = true;
    app.strapi.documents.use(async (context, next) => {
      const data = (context.params as { data?: { contact?: unknown } }).data;
      if (
        cancelOnce &&
        context.uid === UID.offerContact &&
        context.action === 'create' &&
        data?.contact === cancelDuring
      ) {
        cancelOnce = false;
        await jobs.cancel(id);
      }
      return next();
    });
    await runJobs();

    const stopped = await jobOf('links', id);
    expect(stopped.status).toBe('cancelled');
    expect(stopped.progress.done).toBeLessThan(7);
    expect(stopped.progress.done % CHUNK).toBe(0);
    const linked = await linkedToOffer(offer);
    expect(linked).toHaveLength(stopped.progress.done);
    expect(stopped.result).toMatchObject({ attached: stopped.progress.done });
    expect(linked).not.toContain(contacts[6]);
  });

  it('answers 404 for a job that does not exist and 400 naming id for one that is not a number', async () => {
    expect((await admin.get('/contacts/bulk/links/jobs/999999999')).status).toBe(404);
    expect((await admin.post('/contacts/bulk/delete/jobs/999999999/cancel', {})).status).toBe(404);
    const bad = await admin.get('/contacts/bulk/delete/jobs/abc');
    expect(bad.status).toBe(400);
    expect(errorCodes(bad.body)).toEqual(['id: number.outOfRange']);
  });
});

describe('the most a bulk job takes', () => {
  it('refuses more contacts than bulk.jobMaxContacts with a 400 naming the field, and queues nothing', async () => {
    const offer = await createOffer(app.strapi);
    await contactsNamed('Tropnombreux', JOB_MAX + 1);
    const jobsBefore = await app.strapi.db.query(UID.job).count({ where: { kind: { $in: BULK_KINDS } } });

    const bySearch = await admin.post(
      '/contacts/bulk/links',
      attachBody(offer, { search: { q: 'tropnombreux' } })
    );
    expect(bySearch.status).toBe(400);
    expect(bySearch.body.error.name).toBe('ValidationError');
    expect(errorCodes(bySearch.body)).toEqual(['search: bulk.tooMany']);
    expect(bySearch.body.error.details.errors[0].values).toEqual({ max: JOB_MAX });

    const byList = await admin.post('/contacts/bulk/delete', {
      contacts: Array.from({ length: JOB_MAX + 1 }, (_, index) => `c${index}`),
      confirm: JOB_MAX + 1,
    });
    expect(byList.status).toBe(400);
    expect(errorCodes(byList.body)).toEqual(['contacts: bulk.tooMany']);

    expect(await app.strapi.db.query(UID.job).count({ where: { kind: { $in: BULK_KINDS } } })).toBe(
      jobsBefore
    );
    expect(await linkedToOffer(offer)).toEqual([]);
  });
});

describe('who may follow and cancel a bulk job', () => {
  it('lets the roles holding the action read and cancel its jobs, and no one else', async () => {
    const offer = await createOffer(app.strapi);
    const contacts = await contactsNamed('Droitstache', 4);
    const links = (await admin.post('/contacts/bulk/links', attachBody(offer, { contacts }))).body
      .data as BulkJob;
    const deletion = (await admin.post('/contacts/bulk/delete', { contacts, confirm: 4 })).body
      .data as BulkJob;
    const updater = adminClient(app, await adminTokenWithActions(app, [ACTION['contacts.update']]));
    const deleter = adminClient(app, await adminTokenWithActions(app, [ACTION['contacts.delete']]));
    const reader = adminClient(
      app,
      await adminTokenWithActions(app, [ACTION['contacts.read'], ACTION['jobs.read']])
    );
    const linksPath = `/contacts/bulk/links/jobs/${links.id}`;
    const deletePath = `/contacts/bulk/delete/jobs/${deletion.id}`;

    for (const path of [linksPath, deletePath]) {
      expect((await adminClient(app).get(path)).status).toBe(401);
      expect((await adminClient(app).post(`${path}/cancel`, {})).status).toBe(401);
      expect((await reader.get(path)).status).toBe(403);
      expect((await reader.post(`${path}/cancel`, {})).status).toBe(403);
    }
    expect((await deleter.get(linksPath)).status).toBe(403);
    expect((await deleter.post(`${linksPath}/cancel`, {})).status).toBe(403);
    expect((await updater.get(deletePath)).status).toBe(403);
    expect((await updater.post(`${deletePath}/cancel`, {})).status).toBe(403);
    expect(await jobOf('delete', deletion.id)).toMatchObject({ status: 'queued' });

    expect((await updater.get(linksPath)).body.data).toMatchObject({ id: links.id, status: 'queued' });
    expect((await deleter.get(deletePath)).body.data).toMatchObject({ id: deletion.id, status: 'queued' });
    expect((await deleter.post(`${deletePath}/cancel`, {})).body.data).toMatchObject({ status: 'cancelled' });
    expect((await updater.post(`${linksPath}/cancel`, {})).body.data).toMatchObject({ status: 'cancelled' });
    await runJobs();
    expect(await app.strapi.db.query(UID.contact).count({ where: { documentId: { $in: contacts } } })).toBe(
      4
    );
  });
});
