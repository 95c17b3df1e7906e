import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DOCUMENT_ID_PATTERN } from '../../../../shared/constants';
import type { AdminSettings } from '../../../../shared/contracts/admin';

import { singleFieldError } from '../../utils/errors';
import { problem } from '../../validation';
import { getService } from '../../utils/get-service';
import { refuseQueryParams } from '../../utils/params';

type RequestContext = {
  params: Record<string, string | undefined>;
  query: Record<string, unknown>;
  body: unknown;
  set(field: string, value: string): void;
  type: string;
};

/** Strapi's documentIds are short lowercase alphanumeric strings; anything else cannot name one. */
/**
 * The offer's documentId from the path, refusing malformed ids and any query parameter (these
 * routes take none: a typo must not be silently ignored).
 */
export const readOfferDocumentId = (ctx: RequestContext): string => {
  refuseQueryParams(ctx);
  const documentId = ctx.params.documentId ?? '';
  if (!DOCUMENT_ID_PATTERN.test(documentId)) {
    throw singleFieldError('documentId', problem('documentId.invalidOffer'));
  }
  return documentId;
};

const offerNotFound = (documentId: string) =>
  new errors.NotFoundError(`No offer has documentId ${documentId}`);

/** A file name safe in any browser and file system: "devis-OFF-2027-0042.pdf". */
const quoteFileName = (language: string, reference: string) =>
  `${language === 'fr' ? 'devis' : 'quote'}-${reference.replace(/[^A-Za-z0-9_-]+/g, '_')}.pdf`;

/**
 * `GET /admin-settings` (admin): the agency's country, so that the tab shows phones of that country
 * in their national format. Takes no parameter.
 */
export const adminSettingsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: RequestContext) {
    refuseQueryParams(ctx);
    const data: AdminSettings = { agencyCountry: getService(strapi, 'offer-documents').agency().country };
    ctx.body = { data };
  },
});

/** `GET /documents/offers/:documentId`: the offer document context. */
export const offerContextController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async findOne(ctx: RequestContext) {
    const documentId = readOfferDocumentId(ctx);
    const context = await getService(strapi, 'offer-documents').offerContext(documentId);
    if (context === null) throw offerNotFound(documentId);
    ctx.body = { data: context, meta: {} };
  },
});

/** `GET /documents/offers/:documentId/quote.pdf`: the quote, as a download. */
export const offerQuoteController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async findOne(ctx: RequestContext) {
    const documentId = readOfferDocumentId(ctx);
    const quote = await getService(strapi, 'offer-documents').offerQuote(documentId);
    if (quote === null) throw offerNotFound(documentId);
    ctx.type = 'application/pdf';
    ctx.set(
      'Content-Disposition',
      `attachment; filename="${quoteFileName(quote.context.language, quote.context.offer.reference)}"`
    );
    // a quote names people: no shared cache may keep it
    ctx.set('Cache-Control', 'private, no-store');
    ctx.body = quote.pdf;
  },
});
