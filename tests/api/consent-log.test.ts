import { beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import {
  ACTION,
  CONSENT_EVIDENCE_CONTENT_API_ACTION,
  UID,
} from '../../src/plugins/caladeo-contacts/shared/constants';
import { emailDigest } from '../../src/plugins/caladeo-contacts/server/src/modules/newsletter/tokens';
import { adminApi, createAdminWithPermissions } from '../helpers/admin';
import { createApiToken, createUserWithActions } from '../helpers/auth';
import { CONTACTS, errorPaths, OFFERS, restClient, type ErrorEnvelope } from '../helpers/http';
import {
  confirmationPathIn,
  consentEventsOf,
  contactByEmail,
  EXPORT,
  GENEROUS_LIMITS,
  parseCsv,
  signUpAndProcess,
} from '../helpers/newsletter';
import { useStrapi } from '../helpers/strapi';
import { rawInput } from '../helpers/offers';

const app = useStrapi({ env: GENEROUS_LIMITS });
// the Contacts tab's own admin routes, where staff edit contacts
const CONTACTS_TAB = '/caladeo-contacts/contacts';
const CONSENT_EVENTS = '/api/caladeo-contacts/consent-events';
const ADMIN_EXPORT = '/caladeo-contacts/newsletter/subscribers/export';
const adminConsentPath = (documentId: string) => `/caladeo-contacts/contacts/${documentId}/consent-events`;
// what ties a consent event to a device and an address: read only with its own permission
const EVIDENCE_FIELDS = ['ipAddress', 'userAgent', 'emailDigest'];

const staffPermissions = [
  { action: ACTION['contacts.read'] },
  { action: ACTION['contacts.create'] },
  { action: ACTION['contacts.update'] },
  { action: ACTION['contacts.delete'] },
];

const subscribeByDoubleOptIn = async (email: string, extra: Record<string, unknown> = {}) => {
  await signUpAndProcess(app, { email, ...extra });
  await request(app.baseUrl).post(confirmationPathIn(app, email));
  return contactByEmail(app, email);
};

let fullAccessKey: string;
beforeAll(async () => {
  fullAccessKey = await createApiToken(app.strapi, 'full-access');
});

describe('every change of newsletter, from any entry point, writes an entry', () => {
  it('logs a staff toggle in the admin with the admin user', async () => {
    const staff = await createAdminWithPermissions(app, staffPermissions);
    const admin = adminApi(app, staff.token);
    const created = await admin.post(CONTACTS_TAB, { lastName: 'Téléphone', email: 'phone@example.fr' });
    expect(created.status).toBe(201);
    const documentId = created.body.data.documentId as string;
    expect(await consentEventsOf(app, documentId)).toEqual([]);

    const updated = await admin.put(`${CONTACTS_TAB}/${documentId}`, { newsletter: true });
    expect(updated.status).toBe(200);
    const [event] = await consentEventsOf(app, documentId);
    expect(event).toMatchObject({
      action: 'set_by_staff',
      newsletter: true,
      actorKind: 'admin_user',
      actorId: String(staff.id),
      actorName: staff.email,
      ipAddress: null,
    });

    // saving again without touching newsletter logs nothing
    await admin.put(`${CONTACTS_TAB}/${documentId}`, { firstName: 'Paul' });
    expect(await consentEventsOf(app, documentId)).toHaveLength(1);

    // turning it off is logged with its new value, which the Contacts tab's log names
    expect((await admin.put(`${CONTACTS_TAB}/${documentId}`, { newsletter: false })).status).toBe(200);
    const auditor = await createAdminWithPermissions(app, [{ action: ACTION['consent.read'] }]);
    const log = await adminApi(app, auditor.token).get(adminConsentPath(documentId));
    expect(
      log.body.data.map((entry: { action: string; newsletter: boolean }) => [entry.action, entry.newsletter])
    ).toEqual([
      ['set_by_staff', false],
      ['set_by_staff', true],
    ]);
  });

  it('logs a change through the REST API with the API token', async () => {
    const api = restClient(app, fullAccessKey);
    const created = await api.post(CONTACTS, {
      lastName: 'Import',
      email: 'import@example.fr',
      newsletter: true,
    });
    const documentId = created.body.data.documentId as string;
    await api.put(`${CONTACTS}/${documentId}`, { newsletter: false });
    const events = await consentEventsOf(app, documentId);
    expect(events.map((event) => [event.action, event.newsletter, event.actorKind])).toEqual([
      ['set_by_api', true, 'api_token'],
      ['set_by_api', false, 'api_token'],
    ]);
    expect(events[0].actorId).toEqual(expect.any(String));
  });

  it('logs a change by a users-permissions user with the user', async () => {
    const jwt = await createUserWithActions(app.strapi, [
      'plugin::caladeo-contacts.contact.create',
      'plugin::caladeo-contacts.contact.update',
    ]);
    const created = await restClient(app, jwt).post(CONTACTS, { lastName: 'Appli', newsletter: true });
    const [event] = await consentEventsOf(app, created.body.data.documentId);
    expect(event).toMatchObject({
      action: 'set_by_api',
      actorKind: 'api_user',
      actorName: expect.stringMatching(/^role-/),
    });
  });

  it('logs a change made by code with no request', async () => {
    const contact = await app.strapi
      .documents(UID.contact)
      .create({ data: rawInput(UID.contact, { lastName: 'Script' }) });
    await app.strapi
      .documents(UID.contact)
      .update({ documentId: contact.documentId, data: { newsletter: true } });
    const [event] = await consentEventsOf(app, contact.documentId);
    expect(event).toMatchObject({ action: 'set_by_api', actorKind: 'system' });
  });
});

describe('the log is append-only', () => {
  it('refuses updates and deletes through the document service', async () => {
    const contact = await subscribeByDoubleOptIn('evidence@example.fr');
    const [event] = (await app.strapi.db.query(UID.consentEvent).findMany({
      where: { contact: { documentId: contact?.documentId } },
    })) as { documentId: string }[];
    const events = app.strapi.documents(UID.consentEvent);
    await expect(
      events.update({ documentId: event.documentId, data: { action: 'withdrawn' } })
    ).rejects.toThrow(/never changed or deleted/);
    await expect(events.delete({ documentId: event.documentId })).rejects.toThrow(/never changed or deleted/);
    expect((await consentEventsOf(app, String(contact?.documentId)))[0].action).toBe('requested');
  });

  it('has no write route on the API, even for a full-access token', async () => {
    const api = restClient(app, fullAccessKey);
    const [event] = (await app.strapi.db.query(UID.consentEvent).findMany({ limit: 1 })) as {
      documentId: string;
    }[];
    expect((await api.post(CONSENT_EVENTS, { action: 'confirmed' })).status).toBe(405);
    expect((await api.put(`${CONSENT_EVENTS}/${event.documentId}`, { action: 'confirmed' })).status).toBe(
      405
    );
    expect((await api.delete(`${CONSENT_EVENTS}/${event.documentId}`)).status).toBe(405);
  });

  it('refuses a contact write that names its consent events', async () => {
    const api = restClient(app, fullAccessKey);
    const [event] = (await app.strapi.db.query(UID.consentEvent).findMany({ limit: 1 })) as {
      documentId: string;
    }[];
    const response = await api.post(CONTACTS, {
      lastName: 'Voleur',
      consentEvents: { connect: [event.documentId] },
    });
    expect(response.status).toBe(400);
  });

  it('keeps anonymised evidence when a contact is erased', async () => {
    const contact = await subscribeByDoubleOptIn('erase-me@example.fr', { source: 'blog' });
    const documentId = String(contact?.documentId);
    const ids = (await consentEventsOf(app, documentId)).length;
    expect(ids).toBe(2);
    await restClient(app, fullAccessKey).delete(`${CONTACTS}/${documentId}`);

    const digest = emailDigest('caladeo-dev-newsletter-secret', 'erase-me@example.fr');
    const kept = (await app.strapi.db.query(UID.consentEvent).findMany({
      where: { emailDigest: digest },
      populate: { contact: true },
    })) as (Record<string, unknown> & { contact: unknown })[];
    expect(kept).toHaveLength(2);
    for (const event of kept) {
      expect(event).toMatchObject({ contact: null, ipAddress: null, userAgent: null, source: 'blog' });
      expect(event.anonymisedAt).not.toBeNull();
    }
    expect(JSON.stringify(kept)).not.toContain('erase-me');
    expect(
      await app.strapi.db.query(UID.newsletterConfirmation).count({ where: { contact: { documentId } } })
    ).toBe(0);
  });
});

describe('the log never leaves without permission', () => {
  let contactId: string;
  beforeAll(async () => {
    contactId = String((await subscribeByDoubleOptIn('private@example.fr'))?.documentId);
  });

  it('is absent from contact output, even with populate=*', async () => {
    const reader = restClient(
      app,
      await createApiToken(app.strapi, 'custom', [
        'plugin::caladeo-contacts.contact.find',
        'plugin::caladeo-contacts.contact.findOne',
      ])
    );
    const one = await reader.get(`${CONTACTS}/${contactId}?populate=*`);
    expect(one.status).toBe(200);
    expect(one.body.data).not.toHaveProperty('consentEvents');
    expect(JSON.stringify(one.body)).not.toContain('127.0.0.1');
  });

  // reads contacts and their client links, not the consent log
  const READER_ACTIONS = [
    'plugin::caladeo-contacts.contact.find',
    'plugin::caladeo-contacts.contact.findOne',
    'plugin::caladeo-contacts.client-contact.find',
    'plugin::caladeo-contacts.offer-contact.find',
    'api::offer.offer.find',
  ];
  const contactReader = (kind: 'token' | 'user') =>
    kind === 'token'
      ? createApiToken(app.strapi, 'custom', READER_ACTIONS)
      : createUserWithActions(app.strapi, READER_ACTIONS);

  const askingForTheLog: [string, (id: string) => string][] = [
    ['populate on the list', (id) => `${CONTACTS}?filters[documentId]=${id}&populate[consentEvents]=true`],
    ['populate by name on one contact', (id) => `${CONTACTS}/${id}?populate=consentEvents`],
    ['populate in a list of relations', (id) => `${CONTACTS}/${id}?populate[0]=consentEvents`],
    ['populate in a comma-separated list', (id) => `${CONTACTS}/${id}?populate=clientLinks,consentEvents`],
    ['populate by a dotted path', () => `${CONTACTS}?populate=clientLinks.contact.consentEvents`],
    [
      'populate nested in a list',
      () => `${CONTACTS}?populate[clientLinks][populate][contact][populate]=clientLinks,consentEvents`,
    ],
    [
      'populate through the client links',
      () => `${CONTACTS}?populate[clientLinks][populate][contact][populate][consentEvents]=true`,
    ],
    [
      'populate from the offers',
      () => `${OFFERS}?populate[contactLinks][populate][contact][populate][consentEvents]=true`,
    ],
    ['filters on it', () => `${CONTACTS}?filters[consentEvents][action][$eq]=confirmed`],
    ['filters on the IP', () => `${CONTACTS}?filters[consentEvents][ipAddress][$startsWith]=127`],
    ['sort on it', () => `${CONTACTS}?sort=consentEvents.occurredAt:desc`],
    ['fields naming it', (id) => `${CONTACTS}/${id}?fields[0]=lastName&fields[1]=consentEvents`],
  ];

  describe.each(['token', 'user'] as const)('to an API %s without the consent-event permission', (kind) => {
    let reader: ReturnType<typeof restClient>;
    beforeAll(async () => {
      reader = restClient(app, await contactReader(kind));
    });

    it.each(askingForTheLog)('refuses %s, naming consentEvents', async (_name, path) => {
      const response = await reader.get(path(contactId));
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({ data: null, error: { status: 403, name: 'PolicyError' } });
      expect(errorPaths(response.body as ErrorEnvelope)).toEqual([['consentEvents']]);
      expect(JSON.stringify(response.body)).not.toContain('127.0.0.1');
    });

    it('still reads contacts that do not ask for it', async () => {
      const response = await reader.get(`${CONTACTS}/${contactId}?populate[0]=clientLinks`);
      expect(response.status).toBe(200);
      expect(response.body.data).toMatchObject({ documentId: contactId, clientLinks: [] });
    });
  });

  it('is readable by a caller holding the consent-event permission', async () => {
    const auditor = restClient(
      app,
      await createApiToken(app.strapi, 'custom', [
        'plugin::caladeo-contacts.contact.find',
        'plugin::caladeo-contacts.consent-event.find',
      ])
    );
    const response = await auditor.get(
      `${CONTACTS}?filters[documentId]=${contactId}&populate[consentEvents]=true`
    );
    expect(response.status).toBe(200);
    expect(
      response.body.data[0].consentEvents.map((event: { action: string }) => event.action).sort()
    ).toEqual(['confirmed', 'requested']);
    expect((await auditor.get(CONSENT_EVENTS)).status).toBe(200);
    const sorted = await auditor.get(
      `${CONTACTS}?filters[consentEvents][action][$eq]=confirmed&sort=consentEvents.occurredAt:desc`
    );
    expect(sorted.status).toBe(200);
    expect(sorted.body.data.map((contact: { documentId: string }) => contact.documentId)).toContain(
      contactId
    );

    const userAuditor = restClient(
      app,
      await createUserWithActions(app.strapi, [
        'plugin::caladeo-contacts.contact.findOne',
        'plugin::caladeo-contacts.consent-event.find',
      ])
    );
    const one = await userAuditor.get(`${CONTACTS}/${contactId}?populate=consentEvents`);
    expect(one.status).toBe(200);
    expect(one.body.data.consentEvents).toHaveLength(2);
    // the log, not its evidence: that has its own permission (below)
    expect(one.body.data.consentEvents[0]).toMatchObject({ action: expect.any(String) });
    expect(JSON.stringify(one.body)).not.toContain('127.0.0.1');
  });

  describe('over GraphQL', () => {
    const query = `query Log($documentId: ID!) {
      caladeoContactsContact(documentId: $documentId) { lastName consentEvents { action } }
    }`;
    const graphql = (credential: string) =>
      request(app.baseUrl)
        .post('/graphql')
        .set('Authorization', `Bearer ${credential}`)
        .send({ query, variables: { documentId: contactId } });

    it('refuses the consentEvents field without the permission', async () => {
      for (const credential of [
        await createApiToken(app.strapi, 'custom', ['plugin::caladeo-contacts.contact.findOne']),
        await createUserWithActions(app.strapi, ['plugin::caladeo-contacts.contact.findOne']),
      ]) {
        const response = await graphql(credential);
        expect(response.body.errors[0]).toMatchObject({
          path: ['caladeoContactsContact', 'consentEvents'],
          extensions: { code: 'FORBIDDEN' },
        });
        expect(JSON.stringify(response.body)).not.toContain('confirmed');
      }
    });

    it('gives the events to a holder of the permission', async () => {
      const response = await graphql(
        await createUserWithActions(app.strapi, [
          'plugin::caladeo-contacts.contact.findOne',
          'plugin::caladeo-contacts.consent-event.find',
        ])
      );
      expect(response.body.errors).toBeUndefined();
      expect(
        response.body.data.caladeoContactsContact.consentEvents
          .map((event: { action: string }) => event.action)
          .sort()
      ).toEqual(['confirmed', 'requested']);
    });
  });

  it('is closed to anonymous callers', async () => {
    expect((await request(app.baseUrl).get(CONSENT_EVENTS)).status).toBe(403);
    expect((await request(app.baseUrl).get(`${CONTACTS}/${contactId}?populate=consentEvents`)).status).toBe(
      403
    );
  });

  it('is shown to admins with the consent action only', async () => {
    const auditor = await createAdminWithPermissions(app, [{ action: ACTION['consent.read'] }]);
    const response = await adminApi(app, auditor.token).get(adminConsentPath(contactId));
    expect(response.status).toBe(200);
    expect(response.body.data.map((event: { action: string }) => event.action)).toEqual([
      'confirmed',
      'requested',
    ]);
    expect(response.body.data[0]).toMatchObject({ actorKind: 'visitor', source: null });
    for (const field of EVIDENCE_FIELDS) expect(response.body.data[0]).not.toHaveProperty(field);

    const staff = await createAdminWithPermissions(app, staffPermissions);
    expect((await adminApi(app, staff.token).get(adminConsentPath(contactId))).status).toBe(403);
    expect((await request(app.baseUrl).get(adminConsentPath(contactId))).status).toBe(401);
    expect((await adminApi(app, auditor.token).get(adminConsentPath('NOT-AN-ID'))).status).toBe(400);
  });
});

describe('the evidence of the log (IP address, user agent, e-mail digest)', () => {
  let contactId: string;
  const evidencePath = (documentId: string) => `${CONTACTS}/${documentId}/consent-evidence`;
  const adminEvidencePath = (documentId: string) =>
    `/caladeo-contacts/contacts/${documentId}/consent-evidence`;
  const withoutEvidence = (events: Record<string, unknown>[]) => {
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) {
      expect(event).toMatchObject({ action: expect.any(String), occurredAt: expect.any(String) });
      for (const field of EVIDENCE_FIELDS) expect(event).not.toHaveProperty(field);
    }
  };
  const withEvidence = (events: Record<string, unknown>[]) => {
    expect(events.map((event) => event.action)).toEqual(['confirmed', 'requested']);
    for (const event of events) {
      expect(event).toMatchObject({
        ipAddress: expect.stringMatching(/127\.0\.0\.1/),
        userAgent: 'jest-browser/1.0',
        emailDigest: emailDigest('caladeo-dev-newsletter-secret', 'evidence-reader@example.fr'),
      });
    }
  };

  beforeAll(async () => {
    await signUpAndProcess(app, { email: 'evidence-reader@example.fr', source: 'footer' });
    await request(app.baseUrl)
      .post(confirmationPathIn(app, 'evidence-reader@example.fr'))
      .set('User-Agent', 'jest-browser/1.0');
    contactId = String((await contactByEmail(app, 'evidence-reader@example.fr'))?.documentId);
  });

  it('is not in the log a read-only token reads, and cannot be filtered on', async () => {
    const reader = restClient(app, await createApiToken(app.strapi, 'read-only'));
    const log = await reader.get(`${CONSENT_EVENTS}?filters[contact][documentId]=${contactId}`);
    expect(log.status).toBe(200);
    withoutEvidence(log.body.data);
    expect(log.body.data.map((event: { source: string }) => event.source)).toContain('footer');
    const one = await reader.get(`${CONSENT_EVENTS}/${log.body.data[0].documentId}`);
    withoutEvidence([one.body.data]);
    const populated = await reader.get(`${CONTACTS}/${contactId}?populate=consentEvents`);
    withoutEvidence(populated.body.data.consentEvents);
    for (const response of [log, one, populated])
      expect(JSON.stringify(response.body)).not.toContain('127.0.0.1');

    for (const query of [
      'filters[ipAddress][$startsWith]=127',
      'sort=userAgent:asc',
      'fields[0]=emailDigest',
    ]) {
      expect([query, (await reader.get(`${CONSENT_EVENTS}?${query}`)).status]).toEqual([query, 400]);
    }
    expect((await reader.get(evidencePath(contactId))).status).toBe(403);
  });

  it('is not in GraphQL, even for a full-access token', async () => {
    const response = await request(app.baseUrl)
      .post('/graphql')
      .set('Authorization', `Bearer ${fullAccessKey}`)
      .send({ query: '{ caladeoContactsConsentEvents { action ipAddress } }' });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].message).toMatch(/Cannot query field "ipAddress"/);
  });

  it('is given to a token or a user holding its own scope, and to a full-access token', async () => {
    for (const credential of [
      await createApiToken(app.strapi, 'custom', [CONSENT_EVIDENCE_CONTENT_API_ACTION]),
      await createUserWithActions(app.strapi, [CONSENT_EVIDENCE_CONTENT_API_ACTION]),
      fullAccessKey,
    ]) {
      const response = await restClient(app, credential).get(evidencePath(contactId));
      expect(response.status).toBe(200);
      expect(response.headers['cache-control']).toBe('private, no-store');
      withEvidence(response.body.data);
    }
  });

  it('is refused without the scope, and answers a bad or unknown contact with 400 or 404', async () => {
    const logReader = await createApiToken(app.strapi, 'custom', [
      'plugin::caladeo-contacts.consent-event.find',
      'plugin::caladeo-contacts.consent-event.findOne',
    ]);
    expect((await restClient(app, logReader).get(evidencePath(contactId))).status).toBe(403);
    expect((await request(app.baseUrl).get(evidencePath(contactId))).status).toBe(403);
    const auditor = restClient(app, fullAccessKey);
    expect((await auditor.get(evidencePath('abcdefghijklmnopqrstuvwx'))).status).toBe(404);
    const malformed = await auditor.get(evidencePath('not an id!'));
    expect([malformed.status, errorPaths(malformed.body as ErrorEnvelope)]).toEqual([400, [['documentId']]]);
    const typo = await auditor.get(`${evidencePath(contactId)}?populate=*`);
    expect([typo.status, errorPaths(typo.body as ErrorEnvelope)]).toEqual([400, [['populate']]]);
  });

  it('is shown in the admin to the evidence action only', async () => {
    const reader = await createAdminWithPermissions(app, [{ action: ACTION['consent.read'] }]);
    const log = await adminApi(app, reader.token).get(adminConsentPath(contactId));
    expect(log.status).toBe(200);
    withoutEvidence(log.body.data);
    expect((await adminApi(app, reader.token).get(adminEvidencePath(contactId))).status).toBe(403);

    const auditor = await createAdminWithPermissions(app, [{ action: ACTION['consent.evidence'] }]);
    const evidence = await adminApi(app, auditor.token).get(adminEvidencePath(contactId));
    expect(evidence.status).toBe(200);
    withEvidence(evidence.body.data);
    expect((await request(app.baseUrl).get(adminEvidencePath(contactId))).status).toBe(401);
  });
});

describe('subscriber export', () => {
  it('contains exactly the subscribed contacts, through the API and the admin, each behind its permission', async () => {
    const api = restClient(app, fullAccessKey);
    await subscribeByDoubleOptIn('export-confirmed@example.fr', {
      firstName: 'Inès',
      lastName: '=HYPERLINK("x")',
      locale: 'en',
    });
    await signUpAndProcess(app, { email: 'export-pending@example.fr' });
    const left = await subscribeByDoubleOptIn('export-left@example.fr');
    const url = app.strapi
      .plugin('caladeo-contacts')
      .service('newsletter')
      .unsubscribeUrl(left?.documentId) as string;
    await request(app.baseUrl).post(new URL(url).pathname);
    await api.post(CONTACTS, { lastName: 'SansMail', newsletter: true });

    const expected = (await app.strapi.db.query(UID.contact).findMany({
      where: { newsletter: true, email: { $notNull: true } },
    })) as { email: string }[];

    const response = await api.get(EXPORT);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    const rows = parseCsv(response.text);
    expect(rows.map((row) => row.email).sort()).toEqual(expected.map((row) => row.email).sort());
    const emails = rows.map((row) => row.email);
    expect(emails).toContain('export-confirmed@example.fr');
    expect(emails).not.toContain('export-pending@example.fr');
    expect(emails).not.toContain('export-left@example.fr');

    const confirmed = rows.find((row) => row.email === 'export-confirmed@example.fr');
    expect(confirmed).toMatchObject({ firstName: 'Inès', locale: 'en', consentMethod: 'double_opt_in' });
    expect(confirmed?.lastName).toMatch(/^"'=HYPERLINK/);
    expect(confirmed?.confirmedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(confirmed?.unsubscribeUrl).toMatch(/\/newsletter\/unsubscribe\//);
    expect(rows.find((row) => row.email === 'import@example.fr')).toBeUndefined();

    const exporter = await createAdminWithPermissions(app, [{ action: ACTION['newsletter.export'] }]);
    const fromAdmin = await adminApi(app, exporter.token).get(ADMIN_EXPORT);
    expect(fromAdmin.status).toBe(200);
    expect(
      parseCsv(fromAdmin.text)
        .map((row) => row.email)
        .sort()
    ).toEqual(emails.sort());
  });

  it('is refused without its own permission', async () => {
    const reader = restClient(
      app,
      await createApiToken(app.strapi, 'custom', ['plugin::caladeo-contacts.contact.find'])
    );
    expect((await reader.get(EXPORT)).status).toBe(403);
    // a read-only token reads records; the export is its own scope
    expect((await restClient(app, await createApiToken(app.strapi, 'read-only')).get(EXPORT)).status).toBe(
      403
    );
    expect((await request(app.baseUrl).get(EXPORT)).status).toBe(403);
    const exportUser = await createUserWithActions(app.strapi, [
      'plugin::caladeo-contacts.newsletter.exportSubscribers',
    ]);
    expect((await restClient(app, exportUser).get(EXPORT)).status).toBe(200);

    const staff = await createAdminWithPermissions(app, staffPermissions);
    expect((await adminApi(app, staff.token).get(ADMIN_EXPORT)).status).toBe(403);
    expect((await request(app.baseUrl).get(ADMIN_EXPORT)).status).toBe(401);
  });
});
