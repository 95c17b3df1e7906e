import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { UID } from '../../../../../shared/constants';
import { newDocumentId } from '../../../utils/bulk-insert';
import { statusError } from '../../../utils/errors';
import { joinOf, modelOf } from '../../../utils/database-model';
import { getService } from '../../../utils/get-service';
import { linkKeyTableOf, refreshLinkPairKeys } from '../../../utils/link-keys';
import { derivedContactFields, problem, type ContactRecord } from '../../../validation';
import type { ConsentActor } from '../../newsletter/services/consent-log';
import {
  aliasesAfterMerge,
  chooseFields,
  newsletterAfterMerge,
  planLinks,
  type LinkUid,
  type MergeContact,
  type StoredConsentEvent,
  type StoredLink,
} from '../plan';
import {
  claimUndo,
  createMergeRecord,
  lockForMerge,
  lockSurvivor,
  mergeRequestField,
  primariesStillFree,
  rawRowsOf,
  recordMergeHistory,
  setPrimaryFlags,
  timeOf,
  type RawRow,
  type StoredMergeOf,
} from '../merge-steps';
import { contactNameOf } from '../record-names';
import type { MergeRequest } from '../validation';

const LINKS = [
  { linkUid: UID.clientContact, targetField: 'client', targetUid: UID.client, label: 'clients' },
  { linkUid: UID.offerContact, targetField: 'offer', targetUid: UID.offer, label: 'offers' },
] as const;

/** What a merge keeps to be undone exactly: raw rows, as the database holds them. */
type Snapshot = {
  survivor: RawRow;
  merged: RawRow[];
  /** Every link of the contacts before the merge, with the join rows of the removed ones. */
  links: { linkUid: LinkUid; row: RawRow; contactId: number; targetJoin: RawRow | null; removed: boolean }[];
  /** Consent events and pending confirmations moved to the survivor, by the contact they came from. */
  consentEvents: { id: number; contactId: number }[];
  confirmations: { id: number; contactId: number }[];
  /** Aliases a merged contact had from an earlier merge, moved to the survivor. */
  movedAliases: { id: number; contactDocumentId: string }[];
  aliasesCreated: string[];
  /** The survivor's fields right after the merge: a later change of one is kept by the undo. */
  survivorAfter: Record<string, unknown>;
  /** The fields the survivor took from another contact (and newsletter when it changed). */
  takenFields: string[];
};

/** `erasedAt`: when erasing the person removed the snapshot, the merge can no longer be undone. */
type StoredMerge = StoredMergeOf<Snapshot> & { erasedAt: string | null };

const merges = ({ strapi }: { strapi: Core.Strapi }) => {
  const contactTable = () => modelOf(strapi, UID.contact).tableName;

  /**
   * Reads the contacts in the request's order (the survivor first), locked (merge-steps.ts); an
   * erased contact is refused.
   */
  const lockContacts = async (trx: Knex.Transaction, request: MergeRequest) => {
    const documentIds = [request.survivor, ...request.merged];
    const { raw, records: contacts } = await lockForMerge<MergeContact>(strapi, trx, {
      uid: UID.contact,
      mergeUid: UID.contactMerge,
      documentIds,
      notFound: problem('merge.contactNotFound'),
      nameOf: contactNameOf,
    });
    // an erased person's anonymous record is nobody's duplicate: merging would give it values again
    const erased = await getService(strapi, 'erasure').erasedAmong(documentIds);
    for (const [index, documentId] of documentIds.entries()) {
      if (erased.has(documentId))
        throw statusError(409, mergeRequestField(index), problem('merge.erasedContact'));
    }
    return { raw, contacts };
  };

  const linksOf = async (contactIds: number[]): Promise<StoredLink[]> => {
    const found: StoredLink[] = [];
    for (const { linkUid, targetField } of LINKS) {
      const rows = (await strapi.db.query(linkUid).findMany({
        where: { contact: { id: { $in: contactIds } } },
        populate: { contact: { select: ['id'] }, [targetField]: { select: ['id', 'documentId'] } },
      })) as Array<
        RawRow & { documentId: string; role: string; isPrimary: boolean } & Record<string, unknown>
      >;
      for (const row of rows) {
        const target = row[targetField] as { id: number; documentId: string } | null;
        const contact = row.contact as { id: number } | null;
        if (!target || !contact) continue;
        found.push({
          linkUid,
          id: row.id,
          documentId: row.documentId,
          role: row.role,
          isPrimary: row.isPrimary === true,
          contactId: contact.id,
          targetId: target.id,
          targetDocumentId: target.documentId,
        });
      }
    }
    return found;
  };

  const consentEventsOf = async (contactIds: number[]): Promise<StoredConsentEvent[]> => {
    const rows = (await strapi.db.query(UID.consentEvent).findMany({
      select: ['id', 'documentId', 'action', 'occurredAt', 'newsletter'],
      where: { contact: { id: { $in: contactIds } } },
      populate: { contact: { select: ['id'] } },
      orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
    })) as Array<StoredConsentEvent & { contact: { id: number } | null }>;
    return rows.map(({ contact, ...event }) => ({ ...event, contactId: contact?.id ?? 0 }));
  };

  /** Everything the merge will do, read and decided inside the caller's transaction. */
  const plan = async (trx: Knex.Transaction, request: MergeRequest) => {
    const { raw, contacts } = await lockContacts(trx, request);
    const survivor = contacts[0] as MergeContact;
    const ids = contacts.map((contact) => contact.id);
    const fields = chooseFields(contacts, request.values);
    const links = await linksOf(ids);
    const plannedLinks = planLinks(links, survivor.id);
    const events = await consentEventsOf(ids);
    const consent = newsletterAfterMerge(events);
    const email = fields.find((choice) => choice.field === 'email')?.value ?? null;
    const aliases = aliasesAfterMerge(contacts, email);
    return { raw, contacts, survivor, fields, links, plannedLinks, events, consent, aliases };
  };

  type Plan = Awaited<ReturnType<typeof plan>>;

  /** The plan as the preview shows it, with the names of the clients and offers involved. */
  const describe = async (planned: Plan) => {
    const { contacts, fields, plannedLinks, consent, aliases, survivor } = planned;
    const documentIdOf = new Map(contacts.map((contact) => [contact.id, contact.documentId]));
    const targets: Record<string, Map<string, Record<string, unknown>>> = {};
    for (const { linkUid, targetUid } of LINKS) {
      const wanted = [
        ...new Set(
          planned.links.filter((link) => link.linkUid === linkUid).map((link) => link.targetDocumentId)
        ),
      ];
      const rows = (await strapi.db.query(targetUid).findMany({
        select: targetUid === UID.client ? ['documentId', 'name'] : ['documentId', 'title', 'reference'],
        where: { documentId: { $in: wanted } },
      })) as Record<string, unknown>[];
      targets[linkUid] = new Map(rows.map((row) => [String(row.documentId), row]));
    }
    const shown = (linkUid: LinkUid) =>
      plannedLinks.kept
        .filter((link) => link.linkUid === linkUid)
        .map((link) => ({
          documentId: link.documentId,
          target: targets[linkUid]?.get(link.targetDocumentId) ?? { documentId: link.targetDocumentId },
          role: link.role,
          isPrimary: link.primaryAfter,
          from: documentIdOf.get(link.contactId) ?? null,
        }));
    return {
      survivor: survivor.documentId,
      contacts: contacts.map((contact) => ({
        documentId: contact.documentId,
        firstName: contact.firstName ?? null,
        lastName: contact.lastName ?? null,
        email: contact.email,
        newsletter: contact.newsletter,
        updatedAt: contact.updatedAt,
      })),
      fields: fields.map(({ field, values, proposed, chosen, value }) => ({
        field,
        values,
        proposed,
        chosen,
        value,
      })),
      links: { clients: shown(UID.clientContact), offers: shown(UID.offerContact) },
      removedLinks: plannedLinks.removed.map((link) => ({
        documentId: link.documentId,
        type: link.linkUid === UID.clientContact ? 'client' : 'offer',
        target: link.targetDocumentId,
        role: link.role,
        from: documentIdOf.get(link.contactId) ?? null,
      })),
      newsletter: {
        before: Object.fromEntries(contacts.map((contact) => [contact.documentId, contact.newsletter])),
        after: consent.newsletter,
        basedOn: consent.basedOn
          ? {
              documentId: consent.basedOn.documentId,
              action: consent.basedOn.action,
              occurredAt: consent.basedOn.occurredAt,
              newsletter: consent.basedOn.newsletter,
              contact: documentIdOf.get(consent.basedOn.contactId) ?? null,
            }
          : null,
      },
      aliases,
      // the offers whose documents (quotes, letters) will be addressed to the survivor
      addresseeChanges: plannedLinks.kept
        .filter(
          (link) => link.linkUid === UID.offerContact && link.primaryAfter && link.contactId !== survivor.id
        )
        .map((link) => ({
          offer: targets[UID.offerContact]?.get(link.targetDocumentId) ?? {
            documentId: link.targetDocumentId,
          },
          from: documentIdOf.get(link.contactId) ?? null,
          to: survivor.documentId,
        })),
    };
  };

  /** Points the rows of a to-one join table from one set of contacts to another contact. */
  const repoint = async (trx: Knex.Transaction, uid: string, ownIds: number[], contactId: number) => {
    if (ownIds.length === 0) return;
    const join = joinOf(strapi, uid, 'contact');
    await trx(join.table)
      .whereIn(join.own, ownIds)
      .update({ [join.other]: contactId });
  };

  /** Gives each link of a target back the primary flag it should hold, clearing before setting. */
  const setPrimaries = async (
    trx: Knex.Transaction,
    changes: { linkUid: LinkUid; id: number; primaryOf: string | null }[]
  ) => {
    for (const { linkUid } of LINKS) {
      await setPrimaryFlags(
        strapi,
        trx,
        linkUid,
        changes.filter((change) => change.linkUid === linkUid)
      );
    }
  };

  /** The survivor's search text and duplicate keys, from its fields, aliases and clients. */
  const refreshDerived = async (documentIds: string[]) => {
    const rows = (await strapi.db
      .query(UID.contact)
      .findMany({ where: { documentId: { $in: documentIds } } })) as Array<
      ContactRecord & { id: number; documentId: string }
    >;
    for (const row of rows) {
      const terms = await getService(strapi, 'search-index').searchTermsOf(row);
      await strapi.db
        .query(UID.contact)
        .update({ where: { id: row.id }, data: derivedContactFields(row, terms) });
    }
  };

  /** A raw contact row's attributes, as the query layer names them. */
  const fieldsOfRaw = (row: RawRow): Record<string, unknown> => {
    const { attributes } = modelOf(strapi, UID.contact);
    return Object.fromEntries(
      Object.entries(attributes).flatMap(([name, attribute]) => {
        const column = attribute.columnName ?? name;
        return column in row
          ? [[name, attribute.type === 'boolean' ? Boolean(row[column]) : row[column]]]
          : [];
      })
    );
  };

  const contactFieldsOf = (contact: Record<string, unknown>, fields: readonly string[]) =>
    Object.fromEntries(fields.map((field) => [field, contact[field] ?? null]));

  return {
    /** What merging would do, without writing anything. */
    async preview(request: MergeRequest) {
      return strapi.db.transaction(async ({ trx }) => describe(await plan(trx, request)));
    },

    /** Merges the contacts into the survivor in one transaction; returns the merge's documentId. */
    async merge(request: MergeRequest, actor: ConsentActor): Promise<string> {
      return strapi.db.transaction(async ({ trx }) => {
        const planned = await plan(trx, request);
        const { raw, contacts, survivor, fields, links, plannedLinks, events, consent, aliases } = planned;
        const merged = contacts.slice(1);
        const mergedIds = merged.map((contact) => contact.id);
        const mergedDocumentIds = merged.map((contact) => contact.documentId);

        // what undoing needs, read before anything moves
        const removedIds = new Set(plannedLinks.removed.map((link) => `${link.linkUid} ${link.id}`));
        const snapshotLinks: Snapshot['links'] = [];
        for (const { linkUid, targetField } of LINKS) {
          const mine = links.filter((link) => link.linkUid === linkUid);
          const rows = await rawRowsOf(
            trx,
            modelOf(strapi, linkUid).tableName,
            'id',
            mine.map((link) => link.id)
          );
          const targetJoin = joinOf(strapi, linkUid, targetField);
          const targetJoins = await rawRowsOf(
            trx,
            targetJoin.table,
            targetJoin.own,
            mine.map((link) => link.id)
          );
          for (const link of mine) {
            const removed = removedIds.has(`${linkUid} ${link.id}`);
            snapshotLinks.push({
              linkUid,
              row: rows.find((row) => row.id === link.id) as RawRow,
              contactId: link.contactId,
              targetJoin: removed
                ? (targetJoins.find((row) => row[targetJoin.own] === link.id) ?? null)
                : null,
              removed,
            });
          }
        }
        const movedEvents = events.filter((event) => event.contactId !== survivor.id);
        const confirmationRows = (await strapi.db.query(UID.newsletterConfirmation).findMany({
          select: ['id'],
          where: { contact: { id: { $in: mergedIds } } },
          populate: { contact: { select: ['id'] } },
        })) as Array<{ id: number; contact: { id: number } | null }>;
        const movedAliases = (await strapi.db.query(UID.contactEmailAlias).findMany({
          select: ['id', 'contactDocumentId'],
          where: { contactDocumentId: { $in: mergedDocumentIds } },
        })) as { id: number; contactDocumentId: string }[];

        // links: the collapsed ones go (their join rows with them), the others move to the survivor
        for (const { linkUid } of LINKS) {
          const gone = plannedLinks.removed.filter((link) => link.linkUid === linkUid).map((link) => link.id);
          if (gone.length > 0) await strapi.db.query(linkUid).deleteMany({ where: { id: { $in: gone } } });
          const moved = plannedLinks.kept
            .filter((link) => link.linkUid === linkUid && link.contactId !== survivor.id)
            .map((link) => link.id);
          await repoint(trx, linkUid, moved, survivor.id);
          await refreshLinkPairKeys(trx, linkKeyTableOf(modelOf(strapi, linkUid).tableName), moved);
        }
        await setPrimaries(
          trx,
          plannedLinks.kept
            .filter((link) => link.primaryAfter !== link.isPrimary || link.primaryAfter)
            .map((link) => ({
              linkUid: link.linkUid,
              id: link.id,
              primaryOf: link.primaryAfter ? link.targetDocumentId : null,
            }))
        );

        // the consent log and pending confirmations follow the person
        await repoint(
          trx,
          UID.consentEvent,
          movedEvents.map((event) => event.id),
          survivor.id
        );
        await repoint(
          trx,
          UID.newsletterConfirmation,
          confirmationRows.map((row) => row.id),
          survivor.id
        );
        if (movedAliases.length > 0)
          await strapi.db.query(UID.contactEmailAlias).updateMany({
            where: { id: { $in: movedAliases.map((alias) => alias.id) } },
            data: { contactDocumentId: survivor.documentId },
          });

        // the merged contacts go (nothing points at them any more), freeing their e-mails
        await trx(contactTable()).whereIn('id', mergedIds).delete();

        const takenFields = fields
          .filter((choice) => choice.chosen !== survivor.documentId)
          .map((choice) => choice.field as string);
        if (consent.newsletter !== survivor.newsletter) takenFields.push('newsletter');
        const now = new Date();
        const data: Record<string, unknown> = {
          ...Object.fromEntries(fields.map((choice) => [choice.field, choice.value])),
          newsletter: consent.newsletter,
          updatedAt: now,
        };
        await strapi.db.query(UID.contact).update({ where: { id: survivor.id }, data });
        // one merge event on the survivor (what it took, and from whom), one on each merged contact
        await recordMergeHistory(strapi, {
          action: 'merge',
          targetType: 'contact',
          uid: UID.contact,
          survivor: survivor.documentId,
          others: mergedDocumentIds,
          before: fieldsOfRaw(raw[0] as RawRow),
          after: data,
        });

        const mergeRecord = await createMergeRecord(strapi, UID.contactMerge, {
          survivor: survivor.documentId,
          merged: mergedDocumentIds,
          at: now,
          actor,
        });
        for (const email of aliases) {
          await strapi.db.query(UID.contactEmailAlias).create({
            data: {
              documentId: newDocumentId(),
              email,
              contactDocumentId: survivor.documentId,
              mergeDocumentId: mergeRecord.documentId,
            },
          });
        }
        await refreshDerived([survivor.documentId]);
        await getService(strapi, 'duplicate-pairs').refreshAfterMerge(survivor.documentId, mergedIds);

        const after = (await trx(contactTable()).where({ id: survivor.id }).first()) as RawRow;
        const snapshot: Snapshot = {
          survivor: raw[0] as RawRow,
          merged: raw.slice(1),
          links: snapshotLinks,
          consentEvents: movedEvents.map((event) => ({ id: event.id, contactId: event.contactId })),
          confirmations: confirmationRows.map((row) => ({ id: row.id, contactId: row.contact?.id ?? 0 })),
          movedAliases,
          aliasesCreated: aliases,
          survivorAfter: {
            ...contactFieldsOf(data, [...fields.map((choice) => choice.field), 'newsletter']),
            updatedAt: after.updated_at,
          },
          takenFields,
        };
        await strapi.db.query(UID.contactMerge).update({ where: { id: mergeRecord.id }, data: { snapshot } });
        return mergeRecord.documentId;
      });
    },

    /**
     * Brings the merged contacts back as they were, with their links, roles, primaries and consent
     * events; the survivor gets back the values it took from them, except those changed since
     * (kept, and named in the answer). Returns the survivor's documentId and what was kept.
     */
    async undo(mergeDocumentId: string, actor: ConsentActor) {
      return strapi.db.transaction(async ({ trx }) => {
        const record = await claimUndo<Snapshot>(
          strapi,
          UID.contactMerge,
          mergeDocumentId,
          actor,
          (found) => {
            if ((found as StoredMerge).erasedAt || !found.snapshot)
              throw statusError(409, ['mergeId'], problem('merge.survivorErased'));
          }
        );
        const { snapshot } = record;
        const survivorRow = await lockSurvivor(strapi, trx, contactTable(), record.survivorDocumentId);

        // the survivor's own values come back, unless someone changed them since the merge
        const current = (await strapi.db
          .query(UID.contact)
          .findOne({ where: { id: survivorRow.id } })) as Record<string, unknown>;
        const before = fieldsOfRaw(snapshot.survivor);
        const kept: { field: string; value: unknown }[] = [];
        const restored: Record<string, unknown> = {};
        const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
        for (const field of snapshot.takenFields) {
          if (same(current[field], snapshot.survivorAfter[field])) restored[field] = before[field];
          else kept.push({ field, value: current[field] });
        }
        const untouched = timeOf(survivorRow.updated_at) === timeOf(snapshot.survivorAfter.updatedAt);

        await strapi.db.query(UID.contactEmailAlias).deleteMany({ where: { mergeDocumentId } });
        for (const alias of snapshot.movedAliases) {
          await strapi.db
            .query(UID.contactEmailAlias)
            .update({ where: { id: alias.id }, data: { contactDocumentId: alias.contactDocumentId } });
        }

        if (untouched) {
          const { id: _id, ...columns } = snapshot.survivor;
          await trx(contactTable()).where({ id: survivorRow.id }).update(columns);
        } else if (Object.keys(restored).length > 0) {
          await strapi.db.query(UID.contact).update({ where: { id: survivorRow.id }, data: restored });
        }

        for (const row of snapshot.merged) {
          if (typeof row.email === 'string') {
            const holder = (await trx(contactTable())
              .select('document_id')
              .whereRaw('lower(email) = ?', [row.email.toLowerCase()])
              .first()) as { document_id: string } | undefined;
            if (holder)
              throw statusError(
                409,
                ['mergeId'],
                problem('merge.emailTaken', { documentId: holder.document_id })
              );
          }
        }
        if (snapshot.merged.length > 0) await trx(contactTable()).insert(snapshot.merged);

        // links: removed ones come back, moved ones return to their contact, primaries as they were
        for (const { linkUid, targetField, targetUid } of LINKS) {
          const mine = snapshot.links.filter((link) => link.linkUid === linkUid);
          const { tableName } = modelOf(strapi, linkUid);
          const contactJoin = joinOf(strapi, linkUid, 'contact');
          const targetJoin = joinOf(strapi, linkUid, targetField);
          const existing = new Set(
            (
              await rawRowsOf(
                trx,
                tableName,
                'id',
                mine.map((link) => link.row.id)
              )
            ).map((row) => row.id)
          );
          const targetIds = new Set(
            (
              (await trx(modelOf(strapi, targetUid).tableName)
                .select('id')
                .whereIn(
                  'id',
                  mine.flatMap((link) => (link.targetJoin ? [Number(link.targetJoin[targetJoin.other])] : []))
                )) as { id: number }[]
            ).map((row) => row.id)
          );
          const restoredPrimaries: { linkUid: LinkUid; id: number; primaryOf: string | null }[] = [];
          for (const link of mine) {
            if (link.removed) {
              if (!link.targetJoin || !targetIds.has(Number(link.targetJoin[targetJoin.other]))) continue;
              const { primary_of: primaryOf, ...row } = link.row;
              // the key comes back once every link of the undo is in place (below)
              await trx(tableName).insert({ ...row, primary_of: null, is_primary: false, pair_key: null });
              await trx(contactJoin.table).insert({
                [contactJoin.own]: link.row.id,
                [contactJoin.other]: link.contactId,
              });
              await trx(targetJoin.table).insert(link.targetJoin);
              restoredPrimaries.push({
                linkUid,
                id: link.row.id,
                primaryOf: (primaryOf as string | null) ?? null,
              });
            } else if (existing.has(link.row.id)) {
              await repoint(trx, linkUid, [link.row.id], link.contactId);
              restoredPrimaries.push({
                linkUid,
                id: link.row.id,
                primaryOf: (link.row.primary_of as string | null) ?? null,
              });
            }
          }
          await refreshLinkPairKeys(
            trx,
            linkKeyTableOf(tableName),
            restoredPrimaries.map((change) => change.id)
          );
          // a target given another primary contact since the merge keeps it
          await setPrimaries(trx, await primariesStillFree(trx, tableName, restoredPrimaries));
        }

        for (const [uid, moved] of [
          [UID.consentEvent, snapshot.consentEvents],
          [UID.newsletterConfirmation, snapshot.confirmations],
        ] as const) {
          const byContact = new Map<number, number[]>();
          for (const { id, contactId } of moved)
            byContact.set(contactId, [...(byContact.get(contactId) ?? []), id]);
          for (const [contactId, ids] of byContact) await repoint(trx, uid, ids, contactId);
        }

        const restoredIds = snapshot.merged.map((row) => String(row.document_id));
        await recordMergeHistory(strapi, {
          action: 'unmerge',
          targetType: 'contact',
          uid: UID.contact,
          survivor: record.survivorDocumentId,
          others: restoredIds,
          before: current,
          after: untouched ? before : { ...current, ...restored },
        });
        if (!untouched) await refreshDerived([record.survivorDocumentId]);
        else await getService(strapi, 'search-index').refreshContacts([survivorRow.id]);
        await getService(strapi, 'duplicate-pairs').refreshAfterMerge(
          record.survivorDocumentId,
          [],
          restoredIds
        );
        return { survivor: record.survivorDocumentId, restored: restoredIds, kept };
      });
    },
  };
};

export type MergesService = ReturnType<typeof merges>;
export default merges;
