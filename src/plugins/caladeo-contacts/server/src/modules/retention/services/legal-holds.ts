import type { Core } from '@strapi/strapi';
import { UID } from '../../../../../shared/constants';
import { statusError } from '../../../utils/errors';
import { problem } from '../../../validation';
import type { ConsentActor } from '../../newsletter/services/consent-log';
import { getService } from '../../../utils/get-service';

export type LegalHold = {
  documentId: string;
  contactDocumentId: string;
  reason: string;
  placedAt: string;
  placedByKind: string;
  placedByName: string | null;
  liftedAt: string | null;
  liftReason: string | null;
  liftedByKind: string | null;
  liftedByName: string | null;
};

export type HoldListQuery = { active?: boolean; contact?: string; page: number; pageSize: number };

const SHOWN: (keyof LegalHold)[] = [
  'documentId',
  'contactDocumentId',
  'reason',
  'placedAt',
  'placedByKind',
  'placedByName',
  'liftedAt',
  'liftReason',
  'liftedByKind',
  'liftedByName',
];

/**
 * Legal holds: a contact under one is never anonymised by retention (a dispute, a claim, an
 * authority's request). A hold is lifted, never deleted, so who held a contact and why stays known.
 */
const legalHolds = ({ strapi }: { strapi: Core.Strapi }) => {
  const table = () => strapi.db.query(UID.contactLegalHold);
  const activeHold = (contactDocumentId: string) =>
    table().findOne({ select: ['id', 'documentId'], where: { contactDocumentId, liftedAt: null } });

  return {
    async list({ active, contact, page, pageSize }: HoldListQuery) {
      const where = {
        ...(active === undefined ? {} : { liftedAt: active ? null : { $notNull: true } }),
        ...(contact ? { contactDocumentId: contact } : {}),
      };
      const [rows, total] = await Promise.all([
        table().findMany({
          select: SHOWN,
          where,
          orderBy: { id: 'desc' },
          offset: (page - 1) * pageSize,
          limit: pageSize,
        }),
        table().count({ where }),
      ]);
      return { data: rows as LegalHold[], meta: { pagination: { page, pageSize, total } } };
    },

    /** Puts a contact on hold; 404 if there is no such contact, 409 if it is held already. */
    async place(contactDocumentId: string, reason: string, actor: ConsentActor) {
      await getService(strapi, 'retention').assertContact(contactDocumentId, ['contact']);
      if (await activeHold(contactDocumentId))
        throw statusError(409, ['contact'], problem('retention.alreadyHeld'));
      try {
        return (await table().create({
          data: {
            contactDocumentId,
            reason,
            placedAt: new Date(),
            placedByKind: actor.kind,
            placedById: actor.id,
            placedByName: actor.name,
          },
          select: SHOWN,
        })) as LegalHold;
      } catch (error) {
        // another hold of the contact was placed at the same moment (the unique index in force)
        if (await activeHold(contactDocumentId))
          throw statusError(409, ['contact'], problem('retention.alreadyHeld'));
        throw error;
      }
    },

    /** Lifts a hold in force, with the reason; 404 if there is none of that id in force. */
    async lift(documentId: string, reason: string, actor: ConsentActor) {
      const { count } = await table().updateMany({
        where: { documentId, liftedAt: null },
        data: {
          liftedAt: new Date(),
          liftReason: reason,
          liftedByKind: actor.kind,
          liftedById: actor.id,
          liftedByName: actor.name,
        },
      });
      if (count !== 1) throw statusError(404, ['holdId'], problem('retention.holdNotFound'));
      return (await table().findOne({ select: SHOWN, where: { documentId } })) as LegalHold;
    },
  };
};

export type LegalHoldsService = ReturnType<typeof legalHolds>;
export default legalHolds;
