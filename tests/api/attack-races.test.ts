import { beforeAll, describe, expect, it } from '@jest/globals';
import { UID } from '../../src/plugins/caladeo-contacts/shared/constants';
import { createApiToken } from '../helpers/auth';
import {
  CLIENT_CONTACTS,
  CONTACTS,
  OFFERS,
  OFFER_CONTACTS,
  errorCodes,
  restClient,
  type RestClient,
} from '../helpers/http';
import { createClient, createContact, createOffer } from '../helpers/offers';
import { useStrapi } from '../helpers/strapi';

/**
 * Every uniqueness rule of the content API under 30 simultaneous callers, on SQLite and on
 * PostgreSQL (where they really run in parallel). Rules already raced elsewhere are not repeated
 * here: one role per contact and client and one consent event per change (hardening.test.ts), one
 * contact per e-mail at creation (contacts.test.ts), one primary by "make primary" updates
 * (links.test.ts).
 */
const app = useStrapi();
const CALLERS = 30;
let api: RestClient;

const atOnce = <T>(make: (index: number) => Promise<T>) =>
  Promise.all(Array.from({ length: CALLERS }, (_, index) => make(index)));

/** The error codes of the refused answers, each once. */
const refusalCodes = (
  answers: { status: number; body: Parameters<typeof errorCodes>[0] }[],
  success: number
) =>
  new Set(
    answers.filter((answer) => answer.status !== success).map((answer) => errorCodes(answer.body).join(' | '))
  );

beforeAll(async () => {
  api = restClient(app, await createApiToken(app.strapi, 'full-access'));
});

describe('uniqueness rules under 30 simultaneous callers', () => {
  it('gives one role on one offer once', async () => {
    const contact = await createContact(app.strapi, { lastName: 'Fontaine' });
    const offer = await createOffer(app.strapi);
    const answers = await atOnce(() => api.post(OFFER_CONTACTS, { contact, offer, role: 'voyageur' }));
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);
    expect(refusalCodes(answers, 201)).toEqual(new Set(['role: link.roleTaken']));
    expect(
      await app.strapi.db.query(UID.offerContact).count({
        where: { contact: { documentId: contact }, offer: { documentId: offer }, role: 'voyageur' },
      })
    ).toBe(1);
  });

  it('lets one of 30 contacts take one e-mail address by update', async () => {
    const contacts = await Promise.all(
      Array.from({ length: CALLERS }, (_, index) =>
        createContact(app.strapi, { lastName: `Moreau ${index}` })
      )
    );
    const answers = await atOnce((index) =>
      api.put(`${CONTACTS}/${contacts[index]}`, {
        email: index % 2 ? 'Partagee@Example.fr' : 'partagee@example.fr',
      })
    );
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
    expect(answers.filter((answer) => answer.status !== 200).map((answer) => answer.status)).toEqual(
      Array(CALLERS - 1).fill(400)
    );
    expect([...refusalCodes(answers, 200)].every((codes) => /^email: email\.taken$/.test(codes))).toBe(true);
    expect(await app.strapi.db.query(UID.contact).count({ where: { email: 'partagee@example.fr' } })).toBe(1);
  });

  it('gives one offer reference once, whatever its case', async () => {
    const answers = await atOnce((index) =>
      api.post(OFFERS, { title: `Séjour ${index}`, reference: index % 2 ? 'race-2027-01' : 'RACE-2027-01' })
    );
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);
    expect(refusalCodes(answers, 201)).toEqual(new Set(['reference: offerReference.taken']));
    expect(await app.strapi.db.query(UID.offer).count({ where: { reference: 'RACE-2027-01' } })).toBe(1);
  });

  it.each([
    ['client', CLIENT_CONTACTS, UID.clientContact, () => createClient(app.strapi)],
    ['offer', OFFER_CONTACTS, UID.offerContact, () => createOffer(app.strapi)],
  ] as const)(
    'leaves one primary contact when 30 new links to one %s each claim it',
    async (target, path, uid, create) => {
      const targetId = await create();
      const contacts = await Promise.all(
        Array.from({ length: CALLERS }, (_, index) =>
          createContact(app.strapi, { lastName: `Primaire ${index}` })
        )
      );
      const answers = await atOnce((index) =>
        api.post(path, { contact: contacts[index], [target]: targetId, role: 'payeur', isPrimary: true })
      );
      // each link is made, primary or refused as a lost race; never a 500
      expect(answers.every((answer) => answer.status === 201 || answer.status === 400)).toBe(true);
      expect([...refusalCodes(answers, 201)].every((codes) => codes === 'isPrimary: link.primaryRace')).toBe(
        true
      );
      const made = answers.filter((answer) => answer.status === 201).length;
      expect(made).toBeGreaterThan(0);
      expect(await app.strapi.db.query(uid).count({ where: { [target]: { documentId: targetId } } })).toBe(
        made
      );
      expect(
        await app.strapi.db
          .query(uid)
          .count({ where: { [target]: { documentId: targetId }, isPrimary: true } })
      ).toBe(1);
    }
  );

  it('records one consent event when 30 callers turn the newsletter off at once', async () => {
    const contact = await createContact(app.strapi, { lastName: 'Leroy', newsletter: true });
    const before = await app.strapi.db
      .query(UID.consentEvent)
      .count({ where: { contact: { documentId: contact } } });
    const answers = await atOnce(() => api.put(`${CONTACTS}/${contact}`, { newsletter: false }));
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    const events = (await app.strapi.db.query(UID.consentEvent).findMany({
      where: { contact: { documentId: contact } },
      select: ['newsletter'],
      orderBy: { id: 'asc' },
    })) as { newsletter: boolean }[];
    expect(events.slice(before).map((event) => event.newsletter)).toEqual([false]);
  });

  it('erases a person once, however many callers ask at the same moment', async () => {
    const contact = await createContact(app.strapi, {
      firstName: 'Éric',
      lastName: 'Vidal',
      phone: '06 11 22 33 44',
    });
    const answers = await atOnce(() => api.post(`${CONTACTS}/${contact}/erase`, { confirm: true }));
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
    expect(new Set(answers.filter((answer) => answer.status !== 200).map((answer) => answer.status))).toEqual(
      new Set([409])
    );
    expect(
      await app.strapi.db.query(UID.contactErasure).count({ where: { contactDocumentId: contact } })
    ).toBe(1);
  });
});
