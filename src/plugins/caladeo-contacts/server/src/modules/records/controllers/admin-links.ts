import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../../../../../shared/constants';
import { LINK_TYPES, type LinkUid } from '../services/links';
import { fieldError, problem } from '../../../validation';
import { readLinkCreateBody, readLinkUpdateBody } from '../admin-request';
import { fieldValidationError, singleFieldError, statusFieldErrors } from '../../../utils/errors';
import { getService } from '../../../utils/get-service';
import { lockForUpdate } from '../write-rules/data';

type Context = Parameters<Core.ControllerHandler>[0];

/** The offer picker searches as the user types: a longer query is not a search but a mistake. */
const MAX_OFFER_SEARCH_LENGTH = 200;

/**
 * A contact's roles on clients and offers, from the contact's page. The link rules of the
 * document service check both ends, refuse a duplicate role and keep one primary per target.
 */
const adminLinks = ({ strapi }: { strapi: Core.Strapi }) => {
  const records = () => getService(strapi, 'admin-records');

  const attach = (linkUid: LinkUid) => async (ctx: Context) => {
    const { targetField, targetUid } = LINK_TYPES[linkUid];
    const read = readLinkCreateBody(ctx.request.body, targetField);
    if (!read.ok) throw fieldValidationError(read.errors);
    const { primaryIfFree, ...data } = read.value;
    const contact = ctx.params.documentId as string;
    await records().assertExists(UID.contact, contact);
    const target = data[targetField];
    await strapi.db.transaction(async () => {
      if (primaryIfFree === true && data.isPrimary === true && typeof target === 'string') {
        // the same order of locks as the link rules (contact, then target), and the primary checked
        // under them: a contact made primary meanwhile keeps it
        await lockForUpdate(strapi, UID.contact, contact);
        await lockForUpdate(strapi, targetUid, target);
        if (await getService(strapi, 'links').primaryLinkOf(linkUid, target)) {
          throw statusFieldErrors(409, [
            fieldError(['isPrimary'], problem('link.primaryTaken', { target: targetField })),
          ]);
        }
      }
      await strapi.documents(linkUid).create({ data: { ...data, contact } as never });
    });
    ctx.status = 201;
    ctx.body = { data: await records().contactDetail(contact) };
  };

  const assertLinkExists = async (linkUid: LinkUid, documentId: string) => {
    const stored = await getService(strapi, 'links').findWithEnds(linkUid, documentId);
    if (!stored) throw new errors.NotFoundError('This role does not exist');
    return stored;
  };

  const update = (linkUid: LinkUid) => async (ctx: Context) => {
    const read = readLinkUpdateBody(ctx.request.body);
    if (!read.ok) throw fieldValidationError(read.errors);
    const { documentId } = ctx.params;
    const stored = await assertLinkExists(linkUid, documentId);
    await strapi.documents(linkUid).update({ documentId, data: read.value as never });
    ctx.body = {
      data: stored.contactDocumentId ? await records().contactDetail(stored.contactDocumentId) : null,
    };
  };

  const detach = (linkUid: LinkUid) => async (ctx: Context) => {
    const { documentId } = ctx.params;
    const stored = await assertLinkExists(linkUid, documentId);
    await strapi.documents(linkUid).delete({ documentId });
    ctx.body = {
      data: stored.contactDocumentId ? await records().contactDetail(stored.contactDocumentId) : null,
    };
  };

  return {
    attachClient: attach(UID.clientContact),
    attachOffer: attach(UID.offerContact),
    updateClientLink: update(UID.clientContact),
    updateOfferLink: update(UID.offerContact),
    detachClient: detach(UID.clientContact),
    detachOffer: detach(UID.offerContact),

    async searchOffers(ctx: Context) {
      const { q } = (ctx.query ?? {}) as { q?: unknown };
      if (q !== undefined && typeof q !== 'string') {
        throw singleFieldError('q', problem('search.notSingleString'));
      }
      if (q !== undefined && q.length > MAX_OFFER_SEARCH_LENGTH) {
        throw singleFieldError('q', problem('text.tooLong', { max: MAX_OFFER_SEARCH_LENGTH }));
      }
      ctx.body = { results: await records().searchOffers(q ?? '') };
    },
  };
};

export default adminLinks;
