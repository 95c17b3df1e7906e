import type { Core } from '@strapi/strapi';

import { PLUGIN_ID, UID } from '../../../../../shared/constants';
import { agencyToday, parseAgencyConfig, type AgencyDetails } from '../agency';
import type { DerivationSettings } from '../contact-fields';
import {
  buildOfferDocumentContext,
  type ClientRow,
  type ContactRow,
  type LinkRow,
  type OfferDocumentContext,
  type OfferRow,
} from '../offer-context';
import { renderQuotePdf } from '../quote-pdf';

type LoadedOffer = OfferRow & {
  client?: ClientRow | null;
  contactLinks?: LinkRow[] | null;
};

/**
 * Builds documents about an offer. The offer, its client, its links and their contacts are read in
 * one populated call (a fixed number of SQL queries, however many travellers), plus one query for
 * the client's primary contact when the offer has none.
 */
const offerDocuments = ({ strapi }: { strapi: Core.Strapi }) => {
  let agency: AgencyDetails | undefined;
  const agencyDetails = () => (agency ??= parseAgencyConfig(strapi.plugin(PLUGIN_ID).config('agency')));

  return {
    agency: agencyDetails,

    derivationSettings(): DerivationSettings {
      const { country, defaultLanguage } = agencyDetails();
      return { senderCountry: country, defaultLanguage };
    },

    /** The offer's document context, or null when no offer has this documentId. */
    async offerContext(documentId: string, issuedOn?: string): Promise<OfferDocumentContext | null> {
      const offer = (await strapi.documents(UID.offer).findOne({
        documentId,
        populate: { client: true, contactLinks: { populate: { contact: true } } },
      })) as LoadedOffer | null;
      if (!offer) return null;

      const links = (offer.contactLinks ?? []).filter((link) => link.contact);
      const client = offer.client ?? null;
      let clientPrimaryContact: ContactRow | null = null;
      if (client && !links.some((link) => link.isPrimary)) {
        const primaryLink = (await strapi.documents(UID.clientContact).findFirst({
          filters: { client: { documentId: client.documentId }, isPrimary: true },
          populate: { contact: true },
        })) as { contact?: ContactRow | null } | null;
        clientPrimaryContact = primaryLink?.contact ?? null;
      }

      const details = agencyDetails();
      return buildOfferDocumentContext({
        offer,
        client,
        offerLinks: links,
        clientPrimaryContact,
        agency: details,
        issuedOn: issuedOn ?? agencyToday(details),
      });
    },

    /** The quote PDF and the context it was drawn from, or null when the offer does not exist. */
    async offerQuote(documentId: string): Promise<{ context: OfferDocumentContext; pdf: Buffer } | null> {
      const context = await this.offerContext(documentId);
      if (context === null) return null;
      return { context, pdf: await renderQuotePdf(context) };
    },
  };
};

export type OfferDocumentsService = ReturnType<typeof offerDocuments>;
export default offerDocuments;
