import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { UID } from '../../../../../shared/constants';
import { joinOf, modelOf } from '../../../utils/database-model';
import { linkKeyTableOf, refreshLinkPairKeys } from '../../../utils/link-keys';
import { getService } from '../../../utils/get-service';
import { derivedClientFields, problem } from '../../../validation';
import type { ConsentActor } from '../../newsletter/services/consent-log';
import {
  MERGED_CLIENT_FIELDS,
  chooseFieldsOf,
  planClientLinks,
  type MergeRecord,
  type StoredClientLink,
} from '../plan';
import {
  claimUndo,
  createMergeRecord,
  lockForMerge,
  lockSurvivor,
  primariesStillFree,
  rawRowsOf,
  recordMergeHistory,
  setPrimaryFlags,
  timeOf,
  type RawRow,
} from '../merge-steps';
import { clientNameOf } from '../record-names';
import type { ClientMergeRequest } from '../validation';

/** What a merge of clients keeps to be undone exactly: raw rows, as the database holds them. */
type ClientSnapshot = {
  survivor: RawRow;
  merged: RawRow[];
  /** Every contact link of the clients before the merge, with both join rows. */
  links: { row: RawRow; clientJoin: RawRow | null; contactJoin: RawRow | null; removed: boolean }[];
  /** The client join rows of the merged clients' offers, as they were. */
  offers: RawRow[];
  /** The survivor's fields right after the merge: a later change of one is kept by the undo. */
  survivorAfter: Record<string, unknown>;
  /** The fields the survivor took from another client. */
  takenFields: string[];
};

/**
 * Merging duplicate clients into a survivor, and undoing it: the contact links (one per contact
 * and role, one primary contact) and the offers of the merged clients go to the survivor, and the
 * merged clients are removed with a private snapshot of everything the merge changed.
 */
const clientMerges = ({ strapi }: { strapi: Core.Strapi }) => {
  const clientTable = () => modelOf(strapi, UID.client).tableName;
  const linkTable = () => modelOf(strapi, UID.clientContact).tableName;
  const linkClientJoin = () => joinOf(strapi, UID.clientContact, 'client');
  const linkContactJoin = () => joinOf(strapi, UID.clientContact, 'contact');
  const offerClientJoin = () => joinOf(strapi, UID.offer, 'client');

  /** Reads the clients in the request's order (the survivor first), locked (merge-steps.ts). */
  const lockClients = async (trx: Knex.Transaction, request: ClientMergeRequest) => {
    const documentIds = [request.survivor, ...request.merged];
    const { raw, records: clients } = await lockForMerge<MergeRecord>(strapi, trx, {
      uid: UID.client,
      mergeUid: UID.clientMerge,
      documentIds,
      notFound: problem('merge.clientNotFound'),
      nameOf: clientNameOf,
    });
    return { raw, clients };
  };

  const linksOf = async (clientIds: number[]): Promise<StoredClientLink[]> => {
    const rows = (await strapi.db.query(UID.clientContact).findMany({
      where: { client: { id: { $in: clientIds } } },
      populate: { client: { select: ['id'] }, contact: { select: ['id', 'documentId'] } },
      orderBy: { id: 'asc' },
    })) as Array<{
      id: number;
      documentId: string;
      role: string;
      isPrimary: boolean;
      client: { id: number } | null;
      contact: { id: number; documentId: string } | null;
    }>;
    return rows.flatMap((row) =>
      row.client && row.contact
        ? [
            {
              id: row.id,
              documentId: row.documentId,
              role: row.role,
              isPrimary: row.isPrimary === true,
              clientId: row.client.id,
              contactId: row.contact.id,
              contactDocumentId: row.contact.documentId,
            },
          ]
        : []
    );
  };

  const offersOf = async (clientIds: number[]) =>
    clientIds.length === 0
      ? []
      : ((await strapi.db.query(UID.offer).findMany({
          select: ['id', 'documentId', 'title', 'reference'],
          where: { client: { id: { $in: clientIds } } },
          populate: { client: { select: ['id', 'documentId'] } },
          orderBy: { id: 'asc' },
        })) as Array<{
          id: number;
          documentId: string;
          title: string;
          reference: string;
          client: { id: number; documentId: string } | null;
        }>);

  /** Everything the merge will do, read and decided inside the caller's transaction. */
  const plan = async (trx: Knex.Transaction, request: ClientMergeRequest) => {
    const { raw, clients } = await lockClients(trx, request);
    const survivor = clients[0] as MergeRecord;
    const merged = clients.slice(1);
    const fields = chooseFieldsOf(clients, MERGED_CLIENT_FIELDS, request.values);
    const links = await linksOf(clients.map((client) => client.id));
    const byRecency = [...merged]
      .sort((a, b) => timeOf(b.updatedAt) - timeOf(a.updatedAt) || b.id - a.id)
      .map((client) => client.id);
    const plannedLinks = planClientLinks(links, survivor.id, byRecency);
    const offers = await offersOf(merged.map((client) => client.id));
    return { raw, clients, survivor, merged, fields, links, plannedLinks, offers };
  };

  type Plan = Awaited<ReturnType<typeof plan>>;

  /** The plan as the preview shows it, with the names of the contacts involved. */
  const describe = async (planned: Plan) => {
    const { clients, survivor, fields, plannedLinks, offers } = planned;
    const documentIdOf = new Map(clients.map((client) => [client.id, client.documentId]));
    const contactIds = [...new Set(plannedLinks.kept.map((link) => link.contactId))];
    const contacts = (await strapi.db.query(UID.contact).findMany({
      select: ['id', 'documentId', 'firstName', 'lastName', 'email'],
      where: { id: { $in: contactIds } },
    })) as Array<Record<string, unknown> & { id: number }>;
    const contactOf = new Map(contacts.map(({ id, ...contact }) => [id, contact]));
    return {
      survivor: survivor.documentId,
      clients: clients.map((client) => ({
        documentId: client.documentId,
        name: client.name ?? null,
        city: client.city ?? null,
        siret: client.siret ?? null,
        updatedAt: client.updatedAt,
      })),
      // each field's values side by side, the proposed and the chosen client, the value kept
      fields,
      links: plannedLinks.kept.map((link) => ({
        documentId: link.documentId,
        contact: contactOf.get(link.contactId) ?? { documentId: link.contactDocumentId },
        role: link.role,
        isPrimary: link.primaryAfter,
        from: documentIdOf.get(link.clientId) ?? null,
      })),
      removedLinks: plannedLinks.removed.map((link) => ({
        documentId: link.documentId,
        contact: link.contactDocumentId,
        role: link.role,
        from: documentIdOf.get(link.clientId) ?? null,
      })),
      offers: offers.map((offer) => ({
        documentId: offer.documentId,
        title: offer.title,
        reference: offer.reference,
        from: offer.client?.documentId ?? null,
      })),
    };
  };

  /** The search text of the contacts of these clients names the clients: it follows them. */
  const refreshContactsOf = async (clientIds: number[]) => {
    const index = getService(strapi, 'search-index');
    const contactIds: number[] = [];
    for (const clientId of clientIds) contactIds.push(...(await index.contactIdsOfClient(clientId)));
    await index.refreshContacts(contactIds);
  };

  return {
    /** What merging would do, without writing anything. */
    async preview(request: ClientMergeRequest) {
      return strapi.db.transaction(async ({ trx }) => describe(await plan(trx, request)));
    },

    /** Merges the clients into the survivor in one transaction; returns the merge's documentId. */
    async merge(request: ClientMergeRequest, actor: ConsentActor): Promise<string> {
      return strapi.db.transaction(async ({ trx }) => {
        const { raw, survivor, merged, fields, links, plannedLinks, offers } = await plan(trx, request);
        const mergedIds = merged.map((client) => client.id);
        const mergedDocumentIds = merged.map((client) => client.documentId);

        // what undoing needs, read before anything moves
        const linkIds = links.map((link) => link.id);
        const removedIds = new Set(plannedLinks.removed.map((link) => link.id));
        const linkRows = await rawRowsOf(trx, linkTable(), 'id', linkIds);
        const clientJoins = await rawRowsOf(trx, linkClientJoin().table, linkClientJoin().own, linkIds);
        const contactJoins = await rawRowsOf(trx, linkContactJoin().table, linkContactJoin().own, linkIds);
        const offerJoins = await rawRowsOf(
          trx,
          offerClientJoin().table,
          offerClientJoin().own,
          offers.map((offer) => offer.id)
        );
        const snapshotLinks: ClientSnapshot['links'] = links.map((link) => ({
          row: linkRows.find((row) => row.id === link.id) as RawRow,
          clientJoin: clientJoins.find((row) => row[linkClientJoin().own] === link.id) ?? null,
          contactJoin: contactJoins.find((row) => row[linkContactJoin().own] === link.id) ?? null,
          removed: removedIds.has(link.id),
        }));

        // links: the collapsed ones go, the others move to the survivor, with one primary at most
        if (removedIds.size > 0) {
          const gone = [...removedIds];
          await trx(linkClientJoin().table).whereIn(linkClientJoin().own, gone).delete();
          await trx(linkContactJoin().table).whereIn(linkContactJoin().own, gone).delete();
          await trx(linkTable()).whereIn('id', gone).delete();
        }
        const moved = plannedLinks.kept
          .filter((link) => link.clientId !== survivor.id)
          .map((link) => link.id);
        if (moved.length > 0) {
          await trx(linkClientJoin().table)
            .whereIn(linkClientJoin().own, moved)
            .update({ [linkClientJoin().other]: survivor.id });
          await refreshLinkPairKeys(trx, linkKeyTableOf(linkTable()), moved);
        }
        await setPrimaryFlags(
          strapi,
          trx,
          UID.clientContact,
          plannedLinks.kept
            .filter((link) => link.isPrimary || link.primaryAfter)
            .map((link) => ({ id: link.id, primaryOf: link.primaryAfter ? survivor.documentId : null }))
        );
        // the merged clients' offers are the survivor's
        if (offers.length > 0)
          await trx(offerClientJoin().table)
            .whereIn(
              offerClientJoin().own,
              offers.map((offer) => offer.id)
            )
            .update({ [offerClientJoin().other]: survivor.id });

        // nothing points at the merged clients any more
        await trx(clientTable()).whereIn('id', mergedIds).delete();

        const takenFields = fields
          .filter((choice) => choice.chosen !== survivor.documentId)
          .map((choice) => choice.field as string);
        const chosen = Object.fromEntries(fields.map((choice) => [choice.field, choice.value]));
        const now = new Date();
        const data = { ...chosen, ...derivedClientFields(chosen), updatedAt: now };
        await strapi.db.query(UID.client).update({ where: { id: survivor.id }, data });
        await refreshContactsOf([survivor.id]);

        // one merge event on the survivor (what it took, and from whom), one on each merged client
        await recordMergeHistory(strapi, {
          action: 'merge',
          targetType: 'client',
          uid: UID.client,
          survivor: survivor.documentId,
          others: mergedDocumentIds,
          before: survivor,
          after: { ...survivor, ...chosen },
        });

        const record = await createMergeRecord(strapi, UID.clientMerge, {
          survivor: survivor.documentId,
          merged: mergedDocumentIds,
          at: now,
          actor,
        });
        const after = (await trx(clientTable()).where({ id: survivor.id }).first()) as RawRow;
        const snapshot: ClientSnapshot = {
          survivor: raw[0] as RawRow,
          merged: raw.slice(1),
          links: snapshotLinks,
          offers: offerJoins,
          survivorAfter: { ...chosen, updatedAt: after.updated_at },
          takenFields,
        };
        await strapi.db.query(UID.clientMerge).update({ where: { id: record.id }, data: { snapshot } });
        return record.documentId;
      });
    },

    /**
     * Brings the merged clients back as they were, with their contact links, roles, primaries and
     * offers; the survivor gets back the values it took from them, except those changed since
     * (kept, and named in the answer).
     */
    async undo(mergeDocumentId: string, actor: ConsentActor) {
      return strapi.db.transaction(async ({ trx }) => {
        const record = await claimUndo<ClientSnapshot>(strapi, UID.clientMerge, mergeDocumentId, actor);
        const { snapshot } = record;
        const survivorRow = await lockSurvivor(strapi, trx, clientTable(), record.survivorDocumentId);

        // the survivor's own values come back, unless someone changed them since the merge
        const current = (await strapi.db
          .query(UID.client)
          .findOne({ where: { id: survivorRow.id } })) as Record<string, unknown>;
        const untouched = timeOf(survivorRow.updated_at) === timeOf(snapshot.survivorAfter.updatedAt);
        const { id: _id, ...columns } = snapshot.survivor;
        await trx(clientTable()).where({ id: survivorRow.id }).update(columns);
        const before = (await strapi.db
          .query(UID.client)
          .findOne({ where: { id: survivorRow.id } })) as Record<string, unknown>;
        const kept: { field: string; value: unknown }[] = [];
        if (!untouched) {
          const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
          const changedSince: Record<string, unknown> = {};
          for (const field of MERGED_CLIENT_FIELDS) {
            const wasAfter = snapshot.survivorAfter[field];
            if (!same(current[field], wasAfter)) changedSince[field] = current[field] ?? null;
          }
          for (const [field, value] of Object.entries(changedSince)) kept.push({ field, value });
          if (kept.length > 0) {
            const restored = { ...before, ...changedSince };
            await strapi.db.query(UID.client).update({
              where: { id: survivorRow.id },
              data: { ...changedSince, ...derivedClientFields(restored), updatedAt: new Date() },
            });
          }
        }

        if (snapshot.merged.length > 0) await trx(clientTable()).insert(snapshot.merged);

        // links: removed ones come back, moved ones return to their client, primaries as they were
        const contactJoin = linkContactJoin();
        const clientJoin = linkClientJoin();
        const linkIds = snapshot.links.map((link) => link.row.id);
        const existing = new Set((await rawRowsOf(trx, linkTable(), 'id', linkIds)).map((row) => row.id));
        const contactIds = new Set(
          (
            (await trx(modelOf(strapi, UID.contact).tableName)
              .select('id')
              .whereIn(
                'id',
                snapshot.links.flatMap((link) =>
                  link.contactJoin ? [Number(link.contactJoin[contactJoin.other])] : []
                )
              )) as { id: number }[]
          ).map((row) => row.id)
        );
        const primaries: { id: number; primaryOf: string | null }[] = [];
        for (const link of snapshot.links) {
          const primaryOf = (link.row.primary_of as string | null) ?? null;
          if (link.removed) {
            if (!link.contactJoin || !contactIds.has(Number(link.contactJoin[contactJoin.other]))) continue;
            // the key comes back once every link of the undo is in place (below)
            await trx(linkTable()).insert({
              ...link.row,
              primary_of: null,
              is_primary: false,
              pair_key: null,
            });
            await trx(contactJoin.table).insert(link.contactJoin);
            if (link.clientJoin) await trx(clientJoin.table).insert(link.clientJoin);
          } else if (existing.has(link.row.id)) {
            if (link.clientJoin) {
              await trx(clientJoin.table).where(clientJoin.own, link.row.id).delete();
              await trx(clientJoin.table).insert(link.clientJoin);
            }
          } else continue;
          primaries.push({ id: link.row.id, primaryOf });
        }
        await refreshLinkPairKeys(
          trx,
          linkKeyTableOf(linkTable()),
          primaries.map((primary) => primary.id)
        );
        // a client given another primary contact since the merge keeps it
        await setPrimaryFlags(
          strapi,
          trx,
          UID.clientContact,
          await primariesStillFree(trx, linkTable(), primaries)
        );

        // the offers go back to their client, unless moved to yet another client since
        const offerJoin = offerClientJoin();
        for (const row of snapshot.offers) {
          await trx(offerJoin.table)
            .where({ [offerJoin.own]: row[offerJoin.own], [offerJoin.other]: survivorRow.id })
            .update({ [offerJoin.other]: row[offerJoin.other] });
        }

        const restoredIds = snapshot.merged.map((row) => String(row.document_id));
        await refreshContactsOf([survivorRow.id, ...snapshot.merged.map((row) => row.id)]);
        await recordMergeHistory(strapi, {
          action: 'unmerge',
          targetType: 'client',
          uid: UID.client,
          survivor: record.survivorDocumentId,
          others: restoredIds,
          before: current,
          after: { ...before, ...Object.fromEntries(kept.map(({ field, value }) => [field, value])) },
        });
        return { survivor: record.survivorDocumentId, restored: restoredIds, kept };
      });
    },
  };
};

export type ClientMergesService = ReturnType<typeof clientMerges>;
export default clientMerges;
