import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID, type LinkRole } from '../../../../../shared/constants';
import type {
  BulkAction,
  BulkDeleteResult,
  BulkJob,
  BulkLinkOutcome,
  BulkLinksCounts,
} from '../../../../../shared/contracts/admin';
import { fieldValidationError } from '../../../utils/errors';
import { getService } from '../../../utils/get-service';
import { currentActor, withActor } from '../../history';
import type { JobContext, JobResult } from '../../jobs/kinds';
import type { JobSummary } from '../../jobs/services/jobs';
import {
  BULK_DELETE_JOB,
  BULK_JOB_KINDS,
  BULK_LINKS_JOB,
  type BulkJobPayload,
  type BulkLinksPayload,
} from '../bulk-jobs';
import { tooManyContacts, type BulkSelection, type BulkTarget } from '../bulk-request';
import { bulkSettings } from '../settings';
import { LINK_TYPES } from './links';

const LINK_UID = { client: UID.clientContact, offer: UID.offerContact } as const;

/** What a job of each action reports before its first chunk. */
const NOTHING_DONE = {
  links: { attached: 0, already: 0, refused: 0 },
  delete: { deleted: 0, missing: 0 },
} satisfies { links: BulkLinksCounts; delete: BulkDeleteResult };

/** The codes of a refused write's field errors, or null when the error is not a refusal. */
const refusalCodes = (error: unknown): string[] | null => {
  if (!(error instanceof errors.ValidationError) && !(error instanceof errors.NotFoundError)) return null;
  const details = (error as { details?: { errors?: Array<{ code?: unknown }> } }).details;
  const codes = (details?.errors ?? []).flatMap((entry) =>
    typeof entry.code === 'string' ? [entry.code] : []
  );
  return codes.length > 0 ? codes : ['field.invalid'];
};

const countsOf = (outcomes: BulkLinkOutcome[]): BulkLinksCounts => {
  const count = (status: BulkLinkOutcome['status']) =>
    outcomes.filter((outcome) => outcome.status === status).length;
  return { attached: count('attached'), already: count('already'), refused: count('refused') };
};

const sum = <Result extends JobResult>(total: Result, chunk: Result): Result =>
  Object.fromEntries(Object.entries(total).map(([key, value]) => [key, value + (chunk[key] ?? 0)])) as Result;

/** A json column as the database driver hands it back: parsed already, or its text. */
const storedResult = (value: unknown): JobResult | null => {
  const parsed = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  return parsed && typeof parsed === 'object' ? (parsed as JobResult) : null;
};

/** What a job of this action reports it has done, from what is stored on the job. */
const resultOf = (action: BulkAction, stored: unknown) =>
  ({ ...NOTHING_DONE[action], ...storedResult(stored) }) as BulkJob['result'];

/**
 * The contact list's bulk actions (attach a role, delete). Each contact is written on its own,
 * through the document service and so through the same rules as a single attach or delete: a
 * contact the rules refuse is reported and skipped, and the others are done. Up to
 * `bulk.inlineMax` contacts are done while the request waits, each in its own transaction; more,
 * as a job that does them by chunks, each chunk one transaction with its progress report.
 */
const bulkActions = ({ strapi }: { strapi: Core.Strapi }) => {
  const jobs = () => getService(strapi, 'jobs');

  const viewOf = (action: BulkAction, job: JobSummary): BulkJob => ({
    id: job.id,
    action,
    status: job.state,
    cancelRequested: Boolean(job.cancelRequested),
    progress: { done: job.progressDone ?? 0, total: job.progressTotal ?? 0 },
    result: resultOf(action, job.result),
    error: job.lastError,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
  });

  /** A job of this action, or null: an id of another kind of job is no bulk job of it. */
  const findJob = async (action: BulkAction, id: number) => {
    const job = await jobs().find(id);
    return job && job.kind === BULK_JOB_KINDS[action] ? job : null;
  };

  /**
   * Does the job's contacts from the first one not done, a chunk per transaction. The chunk's
   * writes, the count of contacts done and what they came to are committed together: a run cut
   * short anywhere leaves the job where its last chunk left it, and the next run goes on from
   * there. What the job changes is recorded in the history as done by whoever asked for it.
   */
  const runInChunks = async <Result extends JobResult>(
    action: BulkAction,
    job: JobContext<BulkJobPayload>,
    actOn: (chunk: string[]) => Promise<Result>
  ) => {
    const { contacts, actor } = job.payload;
    const saved = await jobs().find(job.id);
    let done = saved?.progressDone ?? 0;
    let result = resultOf(action, saved?.result) as unknown as Result;
    const { jobChunkSize } = bulkSettings(strapi);
    await withActor(actor, async () => {
      while (done < contacts.length) {
        const chunk = contacts.slice(done, done + jobChunkSize);
        result = await strapi.db.transaction(async () => {
          await job.assertClaimed();
          const next = sum(result, await actOn(chunk));
          // throws, undoing the chunk, if the job was cancelled or taken over meanwhile
          await job.progress(done + chunk.length, contacts.length, next);
          return next;
        });
        done += chunk.length;
        // SQLite answers synchronously: let the requests that came in during the chunk through
        await new Promise((resolve) => setImmediate(resolve));
      }
    });
  };

  const service = {
    /**
     * The documentIds a selection names, at most `max`: those given (one that names no contact
     * is reported by the action), or the search's results in the list's order, resolved now.
     */
    async contactsOf(selection: BulkSelection, max: number) {
      if ('documentIds' in selection) return selection.documentIds;
      const found = await getService(strapi, 'admin-records').selectedContacts(selection, max + 1);
      if (found.length > max) throw fieldValidationError([tooManyContacts('search', max)]);
      return found;
    },

    /** Whether the client or offer a bulk attach names exists. */
    targetExists: (target: BulkTarget, documentId: string) =>
      getService(strapi, 'links').exists(LINK_TYPES[LINK_UID[target]].targetUid, documentId),

    async attachEach(contacts: string[], target: BulkTarget, documentId: string, role: LinkRole) {
      const linkUid = LINK_UID[target];
      const { targetField } = LINK_TYPES[linkUid];
      const outcomes: BulkLinkOutcome[] = [];
      for (const contact of contacts) {
        try {
          await strapi
            .documents(linkUid)
            .create({ data: { contact, [targetField]: documentId, role } as never });
          outcomes.push({ contact, status: 'attached' });
        } catch (error) {
          const codes = refusalCodes(error);
          if (!codes) throw error;
          outcomes.push(
            codes.includes('link.roleTaken')
              ? { contact, status: 'already' }
              : { contact, status: 'refused', code: codes[0] as string }
          );
        }
      }
      return { ...countsOf(outcomes), results: outcomes };
    },

    async deleteEach(contacts: string[]): Promise<BulkDeleteResult> {
      const result: BulkDeleteResult = { deleted: 0, missing: 0 };
      for (const documentId of contacts) {
        try {
          // the document rules delete the contact's links in the same transaction
          await strapi.documents(UID.contact).delete({ documentId });
          result.deleted += 1;
        } catch (error) {
          if (!(error instanceof errors.NotFoundError)) throw error;
          result.missing += 1;
        }
      }
      return result;
    },

    /** Queues the attach of these contacts (the selection as it is now) and answers the job. */
    async enqueueLinks(payload: Omit<BulkLinksPayload, 'actor'>) {
      const id = await jobs().enqueue(
        BULK_LINKS_JOB,
        { ...payload, actor: currentActor(strapi) },
        { total: payload.contacts.length }
      );
      return service.findJob('links', id);
    },

    /** Queues the delete of these contacts (the selection as it is now) and answers the job. */
    async enqueueDelete(contacts: string[]) {
      const id = await jobs().enqueue(
        BULK_DELETE_JOB,
        { contacts, actor: currentActor(strapi) },
        { total: contacts.length }
      );
      return service.findJob('delete', id);
    },

    async findJob(action: BulkAction, id: number): Promise<BulkJob | null> {
      const job = await findJob(action, id);
      return job && viewOf(action, job);
    },

    /** Cancels a queued job at once, a running one after its chunk; `changed` false in another state. */
    async cancelJob(action: BulkAction, id: number) {
      if (!(await findJob(action, id))) return { changed: false, job: null };
      const { changed, job } = await jobs().cancel(id);
      return { changed, job: job && viewOf(action, job) };
    },

    runLinksJob: (job: JobContext<BulkLinksPayload>) => {
      const { target, documentId, role } = job.payload;
      return runInChunks('links', job, async (chunk) => {
        const { attached, already, refused } = await service.attachEach(chunk, target, documentId, role);
        return { attached, already, refused };
      });
    },

    runDeleteJob: (job: JobContext<BulkJobPayload>) =>
      runInChunks('delete', job, (chunk) => service.deleteEach(chunk)),
  };
  return service;
};

export type BulkActionsService = ReturnType<typeof bulkActions>;
export default bulkActions;
