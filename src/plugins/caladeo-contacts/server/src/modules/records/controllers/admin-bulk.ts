import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { BULK_MAX_CONTACTS, UID } from '../../../../../shared/constants';
import type {
  BulkDeleteResult,
  BulkLinkOutcome,
  BulkLinksResult,
} from '../../../../../shared/contracts/admin';
import { problem } from '../../../validation';
import { readBulkDeleteBody, readBulkLinksBody, type BulkSelection } from '../bulk-request';
import { LINK_TYPES } from '../services/links';
import { readOrRefuse, singleFieldError, statusError } from '../../../utils/errors';
import { getService } from '../../../utils/get-service';
import type { Context } from './admin-record-handlers';

const LINK_UID = { client: UID.clientContact, offer: UID.offerContact } as const;

/** The codes of a refused write's field errors, or null when the error is not a refusal. */
const refusalCodes = (error: unknown): string[] | null => {
  if (!(error instanceof errors.ValidationError) && !(error instanceof errors.NotFoundError)) return null;
  const details = (error as { details?: { errors?: Array<{ code?: unknown }> } }).details;
  const codes = (details?.errors ?? []).flatMap((entry) =>
    typeof entry.code === 'string' ? [entry.code] : []
  );
  return codes.length > 0 ? codes : ['field.invalid'];
};

/**
 * The contact list's bulk actions. Each contact is written on its own, through the document
 * service and so through the same rules as a single attach or delete, each in its own
 * transaction: a contact the rules refuse is reported and skipped, and the others are done (what
 * was done stays done if the request is cut short; running it again finds those already done).
 */
const adminBulk = ({ strapi }: { strapi: Core.Strapi }) => {
  const records = () => getService(strapi, 'admin-records');

  /** The documentIds selected: those given, or the search's results, at most BULK_MAX_CONTACTS. */
  const contactsOf = async (selection: BulkSelection) => {
    if ('documentIds' in selection) return selection.documentIds;
    const found = await records().selectedContacts(selection, BULK_MAX_CONTACTS + 1);
    if (found.length > BULK_MAX_CONTACTS) {
      throw singleFieldError('search', problem('bulk.tooMany', { max: BULK_MAX_CONTACTS }));
    }
    return found;
  };

  return {
    async attach(ctx: Context) {
      const { selection, target, documentId, role } = readOrRefuse(readBulkLinksBody(ctx.request.body));
      const linkUid = LINK_UID[target];
      const { targetField, targetUid } = LINK_TYPES[linkUid];
      if (!(await getService(strapi, 'links').exists(targetUid, documentId))) {
        throw statusError(404, ['documentId'], problem('link.endNotFound'));
      }
      const contacts = await contactsOf(selection);
      const results: BulkLinkOutcome[] = [];
      for (const contact of contacts) {
        try {
          await strapi
            .documents(linkUid)
            .create({ data: { contact, [targetField]: documentId, role } as never });
          results.push({ contact, status: 'attached' });
        } catch (error) {
          const codes = refusalCodes(error);
          if (!codes) throw error;
          results.push(
            codes.includes('link.roleTaken')
              ? { contact, status: 'already' }
              : { contact, status: 'refused', code: codes[0] as string }
          );
        }
      }
      const count = (status: BulkLinkOutcome['status']) =>
        results.filter((result) => result.status === status).length;
      const body: BulkLinksResult = {
        attached: count('attached'),
        already: count('already'),
        refused: count('refused'),
        results,
      };
      ctx.body = { data: body };
    },

    async delete(ctx: Context) {
      const { selection, confirm } = readOrRefuse(readBulkDeleteBody(ctx.request.body));
      const contacts = await contactsOf(selection);
      if (confirm !== contacts.length) {
        throw singleFieldError(
          'confirm',
          problem('bulk.countMismatch', { given: confirm, count: contacts.length })
        );
      }
      const body: BulkDeleteResult = { deleted: 0, missing: 0 };
      for (const documentId of contacts) {
        try {
          // the document rules delete the contact's links in the same transaction
          await strapi.documents(UID.contact).delete({ documentId });
          body.deleted += 1;
        } catch (error) {
          if (!(error instanceof errors.NotFoundError)) throw error;
          body.missing += 1;
        }
      }
      ctx.body = { data: body };
    },
  };
};

export default adminBulk;
