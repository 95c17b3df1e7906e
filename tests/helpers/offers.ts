import type { Core, Modules } from '@strapi/strapi';
import { UID, type LinkRole, type ManagedUid } from '../../src/plugins/caladeo-contacts/shared/constants';

let sequence = 0;
const next = () => `${process.pid}${++sequence}`;

/**
 * What a test hands the document service: any subset of the fields, raw as a caller would send
 * them. The choke point fills the defaults the generated input types call required.
 */
export const rawInput = <TUid extends ManagedUid>(_uid: TUid, data: Record<string, unknown>) =>
  data as Modules.Documents.Params.Data.Input<TUid>;

type ContactData = Record<string, unknown>;

export const createContact = async (strapi: Core.Strapi, data: ContactData) =>
  (
    await strapi
      .documents(UID.contact)
      .create({ data: rawInput(UID.contact, { email: `c${next()}@example.fr`, ...data }) })
  ).documentId as string;

/** Contacts sharing a last name no other test uses, so that a search finds exactly them. */
export const contactsNamed = async (strapi: Core.Strapi, lastName: string, count: number) => {
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    ids.push(await createContact(strapi, { firstName: `Prénom${next()}`, lastName }));
  }
  return ids;
};

export const createClient = async (strapi: Core.Strapi, data: Record<string, unknown> = {}) =>
  (
    await strapi
      .documents(UID.client)
      .create({ data: { name: `Client ${next()}`, type: 'association', ...data } })
  ).documentId as string;

export const createOffer = async (strapi: Core.Strapi, data: Record<string, unknown> = {}) =>
  (
    await strapi.documents(UID.offer).create({
      data: rawInput(UID.offer, { title: 'Séjour à Lisbonne', reference: `OFF-${next()}`, ...data }),
    })
  ).documentId as string;

export const linkToOffer = (
  strapi: Core.Strapi,
  contact: string,
  offer: string,
  role: LinkRole,
  isPrimary = false
) => strapi.documents(UID.offerContact).create({ data: { contact, offer, role, isPrimary } });

export const linkToClient = (
  strapi: Core.Strapi,
  contact: string,
  client: string,
  role: LinkRole,
  isPrimary = false
) => strapi.documents(UID.clientContact).create({ data: { contact, client, role, isPrimary } });

/** An offer for a client with a primary contact, a payer and `travellerCount` travellers. */
export const createOfferWithTravellers = async (strapi: Core.Strapi, travellerCount: number) => {
  const client = await createClient(strapi, {
    name: 'Association Les Amis du Patrimoine',
    addressLine1: '4 place de la Bourse',
    postalCode: '33000',
    city: 'Bordeaux',
    country: 'FR',
  });
  const offer = await createOffer(strapi, {
    client,
    destination: 'Lisbonne',
    startDate: '2027-05-12',
    endDate: '2027-05-19',
    pricePerPerson: '1 250,50',
  });
  const primary = await createContact(strapi, {
    firstName: 'Claire',
    lastName: 'Dupont',
    gender: 'female',
    addressLine1: '12 rue Sainte-Catherine',
    postalCode: '33000',
    city: 'Bordeaux',
    country: 'FR',
  });
  await linkToOffer(strapi, primary, offer, 'responsable_voyage', true);
  const payer = await createContact(strapi, { firstName: 'Jean', lastName: 'Martin', gender: 'male' });
  await linkToOffer(strapi, payer, offer, 'payeur');
  for (let index = 0; index < travellerCount; index += 1) {
    const traveller = await createContact(strapi, {
      firstName: `Voyageur${index}`,
      lastName: `Nom${String(index).padStart(3, '0')}`,
    });
    await linkToOffer(strapi, traveller, offer, 'voyageur');
  }
  return { client, offer, primary, payer };
};
