/**
 * Runs one chunk of an import's rows, in the caller's transaction: reads every row, looks up at
 * once what the chunk needs (the contacts of its e-mails, the clients and offers it names), plans
 * each row, then writes. New contacts — most of any first import — are inserted in a few
 * statements with their consent events, their values being those the contact's normaliser
 * returned; updates and links go through the document service, so that every rule of those writes
 * applies. Undoing a chunk mirrors it.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { UID } from '../../../../shared/constants';
import { insertRows, newDocumentId, type BulkColumn } from '../../utils/bulk-insert';
import { joinOf, modelOf, type DatabaseModel } from '../../utils/database-model';
import { getService } from '../../utils/get-service';
import {
  derivedContactFields,
  fieldError,
  normaliseClientPatch,
  normaliseSearchTerm,
  problem,
  type FieldError,
} from '../../validation';
import { runInImportConsentFlow, type ImportConsentOrigin } from '../newsletter/consent-flow';
import type { Mapping } from './mapping';
import {
  planContact,
  refuseErased,
  readRow,
  type ContactPlan,
  type ImportRules,
  type MadeLink,
  type ReadRow,
  type RowOutcome,
  type RowResult,
  type StagedRow,
  type StoredContact,
  type WantedLink,
} from './row-plan';

export type ChunkRecord = {
  id: number;
  position: number;
  rows: StagedRow[];
  results: RowResult[] | null;
  writtenAt: string | null;
};

export type ImportSettings = ImportRules & {
  headers: string[];
  mapping: Mapping;
  createClients: boolean;
  importDocumentId: string;
  /** The basis of consent stated for the whole file; a row may state its own. */
  consent: ImportConsentOrigin | null;
};

const TARGET_FIELD = { [UID.clientContact]: 'client', [UID.offerContact]: 'offer' } as const;

/** A target as the file names it: one record, none, or several (a client name given twice). */
type Target = { documentId: string } | { missing: true } | { ambiguous: number };

const time = (value: unknown) => new Date(value as string).getTime();

export const chunkRunner = (strapi: Core.Strapi) => {
  /** Clients by name and offers by reference, remembered for the whole import. */
  const targets = new Map<string, Target>();
  const targetKey = (link: Pick<WantedLink, 'uid' | 'key'>) =>
    `${link.uid}\u0000${normaliseSearchTerm(link.key)}`;

  /** Clients whose name is this one whatever its case and accents; offers by their reference. */
  const findTarget = async (link: WantedLink) => {
    if (link.uid === UID.offerContact) {
      return (await strapi.db.query(UID.offer).findMany({
        select: ['documentId'],
        where: { reference: { $eqi: link.key.trim() } },
        limit: 2,
      })) as { documentId: string }[];
    }
    const wanted = normaliseSearchTerm(link.key);
    const candidates = (await strapi.db.query(UID.client).findMany({
      select: ['documentId', 'name'],
      where: { searchText: { $startsWith: wanted } },
      limit: 50,
    })) as { documentId: string; name: string }[];
    return candidates.filter((client) => normaliseSearchTerm(client.name) === wanted);
  };

  const lookUpTargets = async (links: WantedLink[]) => {
    for (const link of links) {
      const key = targetKey(link);
      if (targets.has(key)) continue;
      const found = await findTarget(link);
      targets.set(
        key,
        found.length === 1
          ? { documentId: (found[0] as { documentId: string }).documentId }
          : found.length === 0
            ? { missing: true }
            : { ambiguous: found.length }
      );
    }
  };

  const targetErrors = (links: WantedLink[], createClients: boolean): FieldError[] =>
    links.flatMap((link) => {
      const target = targets.get(targetKey(link));
      const field = link.uid === UID.clientContact ? 'client' : 'offerReference';
      if (!target || 'documentId' in target) return [];
      if ('ambiguous' in target) {
        return [fieldError([field], problem('import.clientAmbiguous', { count: target.ambiguous }))];
      }
      if (link.uid === UID.clientContact && createClients) {
        // the client the import would create must be one the client's own rules accept
        const client = normaliseClientPatch({ name: link.key }, null);
        return client.ok ? [] : client.errors.map((error) => ({ ...error, path: [field] }));
      }
      return [
        fieldError(
          [field],
          problem(link.uid === UID.clientContact ? 'import.clientNotFound' : 'import.offerNotFound')
        ),
      ];
    });

  /** The links of an existing contact the row asks for that it does not have yet. */
  const missingLinks = async (contact: StoredContact, links: WantedLink[]) => {
    const missing: WantedLink[] = [];
    for (const link of links) {
      const target = targets.get(targetKey(link));
      const targetId = target && 'documentId' in target ? target.documentId : null;
      const duplicate =
        targetId &&
        (await getService(strapi, 'links').findDuplicate(link.uid, contact.documentId, targetId, link.role));
      if (!duplicate) missing.push(link);
    }
    return missing;
  };

  /**
   * The e-mails and phones of the chunk's rows that belong to erased people: one look-up of their
   * keyed hashes for the whole chunk.
   */
  const erasedAmong = async (rows: Extract<ReadRow, { patch: unknown }>[]) => {
    const values = rows.flatMap((row) => {
      const phone = row.alone.ok ? row.alone.data.phone : null;
      return [
        ...(row.email ? [{ kind: 'email' as const, value: row.email }] : []),
        ...(typeof phone === 'string' && phone ? [{ kind: 'phone' as const, value: phone }] : []),
      ];
    });
    return getService(strapi, 'privacy-suppressions').suppressedAmong(values);
  };

  const contactsByEmail = async (emails: string[]) => {
    const found = emails.length
      ? ((await strapi.db
          .query(UID.contact)
          .findMany({ where: { email: { $in: emails } } })) as StoredContact[])
      : [];
    const byEmail = new Map(found.map((contact) => [String(contact.email), contact]));
    // a merged contact's old address updates the contact it was merged into
    const aliased = await getService(strapi, 'email-aliases').contactsOf<StoredContact>(
      emails.filter((email) => !byEmail.has(email))
    );
    for (const [email, contact] of aliased) byEmail.set(email, contact);
    return byEmail;
  };

  /** New contacts in a few statements; returns each one's documentId, in the order given. */
  const insertContacts = async (trx: Knex.Transaction, fields: Record<string, unknown>[]) => {
    const { tableName, attributes } = strapi.db.metadata.get(UID.contact) as unknown as DatabaseModel;
    // what the contact's document rule adds to a new contact's fields, computed the same way
    const records: Record<string, unknown>[] = fields.map((record) => ({
      ...record,
      ...derivedContactFields(record, []),
    }));
    const names = [...new Set(records.flatMap((record) => Object.keys(record)))];
    const documentIds = records.map(newDocumentId);
    const columns: Record<string, BulkColumn> = {
      document_id: { type: 'text', values: documentIds },
    };
    for (const name of names) {
      const attribute = attributes[name];
      if (!attribute?.columnName) continue;
      columns[attribute.columnName] = {
        type: attribute.type === 'boolean' ? 'boolean' : 'text',
        values: records.map((record) => record[name] ?? null),
      };
    }
    const inserted = await insertRows(trx, tableName, columns, {
      returning: ['id', 'document_id', 'updated_at'],
    });
    const byDocumentId = new Map(inserted.map((row) => [row.document_id as string, row]));
    return documentIds.map((documentId) => {
      const row = byDocumentId.get(documentId);
      if (!row) throw new Error(`contact ${documentId} was not inserted`);
      return { documentId, id: row.id, updatedAt: new Date(row.updated_at as string).toISOString() };
    });
  };

  const createClient = async (name: string) => {
    const client = (await strapi.documents(UID.client).create({ data: { name } as never })) as {
      documentId: string;
    };
    targets.set(targetKey({ uid: UID.clientContact, key: name }), { documentId: client.documentId });
    return client.documentId;
  };

  /** The documentId of the target's primary link, if it has one. */
  const primaryLinkOf = async (uid: WantedLink['uid'], targetDocumentId: string) =>
    (
      (await strapi.db
        .query(uid)
        .findOne({ select: ['documentId'], where: { primaryOf: targetDocumentId } })) as {
        documentId: string;
      } | null
    )?.documentId ?? null;

  /** Removes a link the import made; the link that was primary before it gets the role back. */
  const removeLink = async (link: MadeLink) => {
    const stored = await getService(strapi, 'links').findWithEnds(link.uid, link.documentId);
    if (!stored) return;
    await strapi.documents(link.uid).delete({ documentId: link.documentId });
    if (!link.previousPrimary || !stored.isPrimary || !stored.targetDocumentId) return;
    const stillThere = await strapi.db
      .query(link.uid)
      .findOne({ select: ['id'], where: { documentId: link.previousPrimary } });
    if (stillThere && !(await primaryLinkOf(link.uid, stored.targetDocumentId))) {
      await strapi
        .documents(link.uid)
        .update({ documentId: link.previousPrimary, data: { isPrimary: true } as never });
    }
  };

  const makeLinks = async (contactDocumentId: string, links: WantedLink[]): Promise<MadeLink[]> => {
    const made: MadeLink[] = [];
    for (const link of links) {
      const target = targets.get(targetKey(link));
      const targetId = target && 'documentId' in target ? target.documentId : await createClient(link.key);
      const previousPrimary = link.isPrimary ? await primaryLinkOf(link.uid, targetId) : null;
      const created = (await strapi.documents(link.uid).create({
        data: {
          contact: contactDocumentId,
          [TARGET_FIELD[link.uid]]: targetId,
          role: link.role,
          isPrimary: link.isPrimary,
        } as never,
      })) as { documentId: string };
      made.push({
        uid: link.uid,
        documentId: created.documentId,
        ...(previousPrimary ? { previousPrimary } : {}),
      });
    }
    return made;
  };

  return {
    /** Plans every row of the chunk and, with `write`, does what they say. */
    async run(trx: Knex.Transaction, settings: ImportSettings, chunk: ChunkRecord, write: boolean) {
      const read: ReadRow[] = chunk.rows.map((row) =>
        readRow(settings, settings.headers, settings.mapping, row)
      );
      const pending = read.filter((row): row is Extract<ReadRow, { patch: unknown }> => 'patch' in row);
      await lookUpTargets(pending.flatMap((row) => row.links));
      const existing = await contactsByEmail([
        ...new Set(pending.flatMap((row) => (row.email ? [row.email] : []))),
      ]);
      const erased = await erasedAmong(pending);
      // an erased contact is never updated by a row, whatever leads to it (docs/privacy.md)
      const erasedContacts = await getService(strapi, 'erasure').erasedAmong(
        [...existing.values()].map((contact) => contact.documentId)
      );

      type Planned = {
        row: (typeof pending)[number];
        plan: Exclude<ContactPlan, { kind: 'failed' }>;
        links: WantedLink[];
      };
      const results = new Map<number, RowResult>();
      const planned: Planned[] = [];
      for (const row of read) {
        if ('result' in row) {
          results.set(row.n, row.result);
          continue;
        }
        const linkErrors = targetErrors(row.links, settings.createClients);
        const match = row.email ? (existing.get(row.email) ?? null) : null;
        if (match && erasedContacts.has(match.documentId)) {
          results.set(row.n, {
            n: row.n,
            outcome: 'failed',
            errors: [fieldError(['email'], problem('import.erasedPerson')), ...linkErrors],
          });
          continue;
        }
        // a row found by a merged contact's old address leaves the contact's own address as it is
        const { email: _alias, ...patchBesidesEmail } = row.patch as Record<string, unknown>;
        const aliased = match !== null && match.email !== row.email;
        const proposed = planContact(settings, aliased ? { ...row, patch: patchBesidesEmail } : row, match);
        const plan = proposed.kind === 'create' ? refuseErased(proposed, erased) : proposed;
        if (plan.kind === 'failed' || linkErrors.length > 0) {
          const errors = [...(plan.kind === 'failed' ? plan.errors : []), ...linkErrors];
          results.set(row.n, { n: row.n, outcome: 'failed', errors });
          continue;
        }
        const links = plan.kind === 'create' ? row.links : await missingLinks(plan.existing, row.links);
        planned.push({ row, plan, links });
      }

      const outcomeOf = ({ plan, links }: Planned): RowOutcome =>
        plan.kind === 'create'
          ? 'created'
          : plan.kind === 'update' || links.length > 0
            ? 'updated'
            : 'unchanged';
      const resultOf = (item: Planned): RowResult => {
        const { row, plan } = item;
        const base: RowResult = {
          n: row.n,
          outcome: outcomeOf(item),
          ...(row.warnings.length > 0 ? { warnings: row.warnings } : {}),
        };
        if (plan.kind === 'update') return { ...base, previous: plan.previous, written: plan.written };
        return base;
      };

      let writtenAt: string | null = null;
      if (!write) {
        for (const item of planned) results.set(item.row.n, resultOf(item));
      } else {
        const creates = planned.filter((item) => item.plan.kind === 'create');
        const inserted = await insertContacts(
          trx,
          creates.map((item) => (item.plan as Extract<ContactPlan, { kind: 'create' }>).data)
        );
        writtenAt = inserted[0]?.updatedAt ?? null;
        // their history, as the document service's path would record it: one statement for the chunk
        const history = getService(strapi, 'history');
        await history.recordMany(
          creates.map((item, index) => ({
            action: 'create' as const,
            targetType: 'contact' as const,
            targetDocumentId: (inserted[index] as { documentId: string }).documentId,
            changes: history.changesOf(
              UID.contact,
              null,
              (item.plan as { data: Record<string, unknown> }).data
            ),
          }))
        );
        await getService(strapi, 'consent-log').appendMany(
          trx,
          creates.flatMap((item, index) => {
            const data = (item.plan as Extract<ContactPlan, { kind: 'create' }>).data;
            const contact = inserted[index] as { documentId: string; id: number };
            // a row saying yes has a basis, its own or the file's: the row was refused otherwise
            const basis = item.row.consent ?? settings.consent;
            if (data.newsletter !== true || !basis) return [];
            return [
              {
                contactId: contact.id,
                contactDocumentId: contact.documentId,
                email: (data.email as string | null) ?? null,
                action: 'set_by_import' as const,
                newsletter: true,
                actor: { kind: 'system' as const, id: settings.importDocumentId, name: 'import' },
                source: `import: ${basis.source}`,
                occurredAt: basis.consentedAt,
              },
            ];
          })
        );
        const contactOf = new Map(
          creates.map((item, index) => [item, inserted[index]?.documentId as string])
        );
        for (const item of planned) {
          const result = resultOf(item);
          const { plan } = item;
          let contact: string;
          if (plan.kind === 'create') {
            contact = contactOf.get(item) as string;
          } else {
            contact = plan.existing.documentId;
            if (plan.kind === 'update') {
              const update = () =>
                strapi.documents(UID.contact).update({ documentId: contact, data: plan.patch as never });
              // a row's own basis of consent, if it states one, is what the consent log records
              const rowConsent = item.row.consent;
              const updated = (await (rowConsent
                ? runInImportConsentFlow(
                    { importDocumentId: settings.importDocumentId, ...rowConsent },
                    update
                  )
                : update())) as { updatedAt: string } | null;
              result.updatedAt = updated ? new Date(updated.updatedAt).toISOString() : undefined;
            }
          }
          result.contact = contact;
          if (item.links.length > 0) result.links = await makeLinks(contact, item.links);
          results.set(item.row.n, result);
        }
      }
      return { results: chunk.rows.map((row) => results.get(row.n) as RowResult), writtenAt };
    },

    /**
     * Puts back what a chunk did, last row first: contacts it created are deleted, fields it
     * updated restored, links it made removed. A contact edited since (a later `updatedAt`, other
     * values, or a link someone else made) is left alone and reported as `keptEdited`.
     */
    async undo(trx: Knex.Transaction, chunk: ChunkRecord): Promise<RowResult[]> {
      const results = (chunk.results ?? []).map((result) => ({ ...result }));
      const documentIds = results.flatMap((result) => (result.contact ? [result.contact] : []));
      const current = documentIds.length
        ? ((await strapi.db.query(UID.contact).findMany({
            where: { documentId: { $in: documentIds } },
          })) as StoredContact[])
        : [];
      const byDocumentId = new Map(current.map((contact) => [contact.documentId, contact]));
      const toDelete: StoredContact[] = [];
      // contacts with a link the import did not make (someone linked them since) stay
      const madeByImport = new Set(
        results.flatMap((result) => (result.links ?? []).map((link) => link.documentId))
      );
      const linked = new Set<number>();
      for (const uid of [UID.clientContact, UID.offerContact]) {
        // straight through the indexed join table: the query builder's joins scan it at a million
        const join = joinOf(strapi, uid, 'contact');
        const links = modelOf(strapi, uid).tableName;
        const found = (await trx(join.table)
          .join(links, `${links}.id`, `${join.table}.${join.own}`)
          .whereIn(
            `${join.table}.${join.other}`,
            current.map((contact) => contact.id)
          )
          .select({ documentId: `${links}.document_id`, contactId: `${join.table}.${join.other}` })) as {
          documentId: string;
          contactId: number;
        }[];
        for (const link of found) if (!madeByImport.has(link.documentId)) linked.add(link.contactId);
      }

      for (const result of [...results].reverse()) {
        if (result.outcome !== 'created' && result.outcome !== 'updated') continue;
        const contact = result.contact ? byDocumentId.get(result.contact) : undefined;
        if (!contact) {
          result.outcome = 'undone';
          continue;
        }
        const since = result.outcome === 'created' ? chunk.writtenAt : result.updatedAt;
        const editedSince =
          (since !== null && since !== undefined && time(contact.updatedAt) > time(since)) ||
          Object.entries(result.written ?? {}).some(
            ([key, value]) =>
              ((contact as unknown as Record<string, unknown>)[key] ?? null) !== (value ?? null)
          );
        if (editedSince || (result.outcome === 'created' && linked.has(contact.id))) {
          result.outcome = 'keptEdited';
          continue;
        }
        for (const link of result.links ?? []) await removeLink(link);
        if (result.outcome === 'updated') {
          if (result.previous && Object.keys(result.previous).length > 0) {
            await strapi
              .documents(UID.contact)
              .update({ documentId: contact.documentId, data: result.previous as never });
          }
          result.outcome = 'undone';
          continue;
        }
        toDelete.push(contact);
        result.outcome = 'undone';
      }
      if (toDelete.length > 0) {
        const ids = toDelete.map((contact) => contact.id);
        const history = getService(strapi, 'history');
        await history.recordMany(
          toDelete.map((contact) => ({
            action: 'delete' as const,
            targetType: 'contact' as const,
            targetDocumentId: contact.documentId,
            changes: history.changesOf(UID.contact, contact as unknown as Record<string, unknown>, null),
          }))
        );
        await getService(strapi, 'consent-log').forgetContacts(ids, trx);
        await strapi.db.query(UID.contact).deleteMany({ where: { id: { $in: ids } } });
      }
      return results;
    },
  };
};
