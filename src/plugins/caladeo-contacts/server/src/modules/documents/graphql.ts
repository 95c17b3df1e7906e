import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type * as Nexus from 'nexus';

import { DOCUMENT_CONTENT_API_ACTIONS, DOCUMENT_ID_PATTERN, UID } from '../../../../shared/constants';
import { deriveContactFields, readPresentableContact } from './contact-fields';
import { singleFieldError } from '../../utils/errors';
import { problem } from '../../validation';
import { getService } from '../../utils/get-service';

type ObjectDefinition = Nexus.blocks.ObjectDefinitionBlock<string>;

/** The fields of a contact in a document context (the same in every role it appears in). */
const documentContactFields = (t: ObjectDefinition) => {
  t.nonNull.id('documentId');
  t.string('firstName');
  t.string('lastName');
  t.string('fullName');
  t.nonNull.string('gender');
  t.string('preferredLanguage');
  t.nonNull.string('salutation');
  t.nonNull.string('letterOpening');
  t.string('email');
  t.string('phone');
  t.nonNull.list.nonNull.string('addressBlock');
  t.nonNull.list.nonNull.string('roles');
  t.nonNull.boolean('isPrimary');
};

/**
 * GraphQL additions: the contacts' derived fields on Strapi's generated contact type, and the offer
 * document context, typed field for field like its REST twin (docs/documents.md). The query needs
 * the same permission as `GET /documents/offers/:documentId`.
 */
export const registerGraphqlExtension = (strapi: Core.Strapi) => {
  const graphql = strapi.plugin('graphql');
  if (!graphql) return;
  graphql.service('extension').use(({ nexus }: { nexus: typeof Nexus }) => {
    const contactTypeName: string = graphql
      .service('utils')
      .naming.getTypeName(strapi.contentType(UID.contact));
    const derive = (parent: Record<string, unknown>) =>
      deriveContactFields(
        readPresentableContact(parent),
        getService(strapi, 'offer-documents').derivationSettings()
      );

    return {
      types: [
        nexus.extendType({
          type: contactTypeName,
          definition(t) {
            t.string('fullName', { resolve: (parent) => derive(parent).fullName });
            t.nonNull.string('salutation', { resolve: (parent) => derive(parent).salutation });
            t.nonNull.string('letterOpening', { resolve: (parent) => derive(parent).letterOpening });
            t.nonNull.list.nonNull.string('addressBlock', {
              resolve: (parent) => derive(parent).addressBlock,
            });
          },
        }),
        nexus.objectType({ name: 'CaladeoDocumentContact', definition: documentContactFields }),
        nexus.objectType({
          name: 'CaladeoDocumentAddressee',
          definition(t) {
            documentContactFields(t);
            t.nonNull.string('source');
          },
        }),
        nexus.objectType({
          name: 'CaladeoDocumentOffer',
          definition(t) {
            t.nonNull.id('documentId');
            t.nonNull.string('reference');
            t.nonNull.string('title');
            t.nonNull.string('status');
            t.string('destination');
            t.string('startDate');
            t.string('endDate');
            t.nonNull.int('travellerCount');
            t.int('nights');
          },
        }),
        nexus.objectType({
          name: 'CaladeoDocumentPricing',
          definition(t) {
            t.nonNull.string('currency');
            t.nonNull.float('perPerson');
            t.nonNull.int('travellerCount');
            t.float('total');
          },
        }),
        nexus.objectType({
          name: 'CaladeoDocumentClient',
          definition(t) {
            t.nonNull.id('documentId');
            t.nonNull.string('name');
            t.nonNull.string('type');
            t.string('email');
            t.string('phone');
            t.nonNull.list.nonNull.string('addressBlock');
          },
        }),
        nexus.objectType({
          name: 'CaladeoDocumentAgency',
          definition(t) {
            t.nonNull.string('name');
            for (const field of ['addressLine1', 'addressLine2', 'postalCode', 'city', 'phone', 'email']) {
              t.string(field);
            }
            for (const field of ['website', 'siret', 'registration', 'signatory']) t.string(field);
            t.nonNull.string('country');
            t.nonNull.string('defaultLanguage');
            t.nonNull.string('timeZone');
            t.nonNull.list.nonNull.string('addressBlock');
          },
        }),
        nexus.objectType({
          name: 'CaladeoDocumentLetter',
          definition(t) {
            t.nonNull.list.nonNull.string('recipientLines');
            t.nonNull.string('placeAndDate');
            t.nonNull.string('subject');
            t.nonNull.string('opening');
            t.nonNull.string('closing');
          },
        }),
        nexus.objectType({
          name: 'CaladeoOfferDocumentContext',
          definition(t) {
            t.nonNull.int('version');
            t.nonNull.string('language');
            t.nonNull.string('issuedOn');
            t.nonNull.field('offer', { type: 'CaladeoDocumentOffer' });
            t.field('pricing', { type: 'CaladeoDocumentPricing' });
            t.field('client', { type: 'CaladeoDocumentClient' });
            t.field('addressee', { type: 'CaladeoDocumentAddressee' });
            t.field('payer', { type: 'CaladeoDocumentContact' });
            t.nonNull.list.nonNull.field('travellers', { type: 'CaladeoDocumentContact' });
            t.nonNull.list.nonNull.field('otherContacts', { type: 'CaladeoDocumentContact' });
            t.nonNull.field('agency', { type: 'CaladeoDocumentAgency' });
            t.nonNull.field('letter', { type: 'CaladeoDocumentLetter' });
          },
        }),
        nexus.extendType({
          type: 'Query',
          definition(t) {
            t.nonNull.field('offerDocumentContext', {
              type: 'CaladeoOfferDocumentContext',
              args: { documentId: nexus.nonNull(nexus.idArg()) },
              async resolve(_parent, args: { documentId: string }) {
                if (!DOCUMENT_ID_PATTERN.test(args.documentId)) {
                  throw singleFieldError('documentId', problem('documentId.invalidOffer'));
                }
                const context = await getService(strapi, 'offer-documents').offerContext(args.documentId);
                if (context === null)
                  throw new errors.NotFoundError(`No offer has documentId ${args.documentId}`);
                return context;
              },
            });
          },
        }),
      ],
      resolversConfig: {
        'Query.offerDocumentContext': { auth: { scope: [DOCUMENT_CONTENT_API_ACTIONS.offerContext] } },
      },
    };
  });
};
