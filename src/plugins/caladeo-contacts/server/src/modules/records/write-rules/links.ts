import type { Core } from '@strapi/strapi';
import { errors as strapiErrors } from '@strapi/utils';
import { UID } from '../../../../../shared/constants';
import { fieldError, normaliseLinkPatch, problem, type FieldError } from '../../../validation';
import { LINK_TYPES, type LinkUid } from '../services/links';
import { fieldValidationError, singleFieldError } from '../../../utils/errors';
import { getService } from '../../../utils/get-service';
import { linkPairKey } from '../../../utils/link-keys';
import { lockForUpdate, writePayload } from './data';
import type { DocumentRule } from './types';

type RelationRef = string | { documentId?: unknown };

/**
 * Reads the one document a to-one relation is set to. Accepts what Strapi accepts for it: a
 * documentId, `{ documentId }`, or `{ connect: [...] }` / `{ set: [...] }` holding exactly one of those.
 */
export const relationTarget = (value: unknown): string | null | undefined => {
  const documentIdOf = (ref: RelationRef | undefined): string | null => {
    if (typeof ref === 'string') return ref.trim() || null;
    if (ref && typeof ref === 'object' && typeof ref.documentId === 'string') return ref.documentId;
    return null;
  };
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (typeof value === 'string' || (typeof value === 'object' && 'documentId' in value)) {
    return documentIdOf(value as RelationRef);
  }
  if (typeof value === 'object' && !Array.isArray(value)) {
    const { connect, set } = value as { connect?: unknown; set?: unknown };
    const list = connect ?? set;
    if (Array.isArray(list) && list.length === 1) return documentIdOf(list[0] as RelationRef);
  }
  return null;
};

const TARGET_LABEL: Record<LinkUid, string> = {
  [UID.clientContact]: 'client',
  [UID.offerContact]: 'offer',
};

/**
 * A link says which role a contact plays on a client or an offer. Both ends are set once at
 * creation and must exist; the same role is not given twice (checked here for a clear answer,
 * held by the unique index on the link's `pairKey` when two callers race); at most one link of a
 * target is primary.
 */
const linkRule = (strapi: Core.Strapi, linkUid: LinkUid): DocumentRule => {
  const { targetField, targetUid } = LINK_TYPES[linkUid];
  const links = () => getService(strapi, 'links');

  const resolveEnds = async (data: Record<string, unknown>) => {
    const errors: FieldError[] = [];
    const ends: Record<'contact' | 'target', string | null> = { contact: null, target: null };
    for (const [key, field, uid] of [
      ['contact', 'contact', UID.contact],
      ['target', targetField, targetUid],
    ] as const) {
      const documentId = relationTarget(data[field]);
      if (!documentId) {
        const target = field === 'contact' ? 'contact' : TARGET_LABEL[linkUid];
        errors.push(fieldError([field], problem('link.endRequired', { target })));
      } else if (!(await links().exists(uid, documentId))) {
        errors.push(fieldError([field], problem('link.endNotFound')));
      } else {
        ends[key] = documentId;
      }
    }
    return { errors, ends };
  };

  /** A contact's search text holds its clients' names: a client link made or removed changes it. */
  const refreshSearchTextOf = (contactDocumentId: string | null) => {
    if (linkUid !== UID.clientContact || !contactDocumentId) return undefined;
    return async () => {
      const contact = await strapi.db.query(UID.contact).findOne({
        select: ['id'],
        where: { documentId: contactDocumentId },
      });
      if (contact) await getService(strapi, 'search-index').refreshContacts([contact.id as number]);
    };
  };

  return {
    async beforeDelete(call) {
      const stored = call.params.documentId
        ? await links().findWithEnds(linkUid, call.params.documentId)
        : null;
      return refreshSearchTextOf(stored?.contactDocumentId ?? null);
    },

    async beforeWrite(call) {
      const data = writePayload(call);
      // primaryOf and pairKey are derived below; a caller never sets them
      delete data.primaryOf;
      delete data.pairKey;

      if (call.action === 'create') {
        const result = normaliseLinkPatch(data, null);
        const { errors, ends } = await resolveEnds(data);
        const allErrors = [...(result.ok ? [] : result.errors), ...errors];
        if (!result.ok || allErrors.length > 0) throw fieldValidationError(allErrors);
        const { contact, target } = ends as { contact: string; target: string };

        const role = String(result.data.role);
        if (await links().findDuplicate(linkUid, contact, target, role)) {
          throw singleFieldError('role', problem('link.roleTaken', { target: TARGET_LABEL[linkUid] }));
        }
        if (result.data.isPrimary) {
          // primary takers of one target wait for each other (see the admin's undo of a detach)
          await lockForUpdate(strapi, targetUid, target);
          await links().clearPrimary(linkUid, target);
        }
        call.params.data = {
          ...data,
          ...result.data,
          contact,
          [targetField]: target,
          primaryOf: result.data.isPrimary ? target : null,
          pairKey: linkPairKey(contact, target, role),
        };
        return refreshSearchTextOf(contact);
      }

      if (call.action === 'clone') {
        throw new strapiErrors.ValidationError('links cannot be cloned; create a new link');
      }

      // update: the ends are fixed; only the role and the primary flag change
      const stored = call.params.documentId
        ? await links().findWithEnds(linkUid, call.params.documentId)
        : null;
      if (!stored) return;
      const endErrors: FieldError[] = ['contact', targetField]
        .filter((field) => data[field] !== undefined)
        .map((field) => fieldError([field], problem('link.endFixed')));
      const result = normaliseLinkPatch(data, { role: stored.role, isPrimary: stored.isPrimary } as never);
      const allErrors = [...(result.ok ? [] : result.errors), ...endErrors];
      if (!result.ok || allErrors.length > 0) throw fieldValidationError(allErrors);

      const next: Record<string, unknown> = { ...data, ...result.data };
      if (
        result.data.role !== undefined &&
        result.data.role !== stored.role &&
        stored.contactDocumentId &&
        stored.targetDocumentId
      ) {
        const role = String(result.data.role);
        if (await links().findDuplicate(linkUid, stored.contactDocumentId, stored.targetDocumentId, role))
          throw singleFieldError('role', problem('link.roleTaken', { target: TARGET_LABEL[linkUid] }));
        next.pairKey = linkPairKey(stored.contactDocumentId, stored.targetDocumentId, role);
      }
      if (result.data.isPrimary === true && stored.targetDocumentId) {
        await lockForUpdate(strapi, targetUid, stored.targetDocumentId);
        await links().clearPrimary(linkUid, stored.targetDocumentId, stored.id);
        next.primaryOf = stored.targetDocumentId;
      } else if (result.data.isPrimary === false) {
        next.primaryOf = null;
      }
      call.params.data = next;
    },
  };
};

export const linkRules = (strapi: Core.Strapi): Record<string, DocumentRule> =>
  Object.fromEntries((Object.keys(LINK_TYPES) as LinkUid[]).map((uid) => [uid, linkRule(strapi, uid)]));
