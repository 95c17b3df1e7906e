/**
 * The contact list's bulk actions over more contacts than a request waits for
 * (`bulk.inlineMax`): one job per action, on the plugin's job runner. The payload holds the
 * contacts as they were selected when the action was asked for (documentIds, never personal data),
 * so that a contact added to or changed in the search afterwards is not acted on.
 */
import type { LinkRole } from '../../../../shared/constants';
import type { BulkAction } from '../../../../shared/contracts/admin';
import { getService } from '../../utils/get-service';
import type { HistoryActor } from '../history';
import { defineJobKind } from '../jobs/kinds';
import type { BulkTarget } from './bulk-request';

/** What every bulk job is given: its contacts and who asked, whom the history names. */
export type BulkJobPayload = { contacts: string[]; actor: HistoryActor };
export type BulkLinksPayload = BulkJobPayload & { target: BulkTarget; documentId: string; role: LinkRole };

export const BULK_JOB_KINDS = {
  links: 'contacts.bulk-links',
  delete: 'contacts.bulk-delete',
} as const satisfies Record<BulkAction, string>;

/**
 * A chunk's writes and its progress report are one transaction that also checks the claim: after
 * a crash the job goes on from the first contact not done, none acted on twice, and a cancelled
 * job stops between two chunks.
 */
const BULK_JOB_OPTIONS = { maxAttempts: 5, leaseMs: 60 * 1000, concurrency: 1 };

export const BULK_LINKS_JOB = defineJobKind<BulkLinksPayload>({
  kind: BULK_JOB_KINDS.links,
  ...BULK_JOB_OPTIONS,
  run: (job) => getService(job.strapi, 'bulk-actions').runLinksJob(job),
});

export const BULK_DELETE_JOB = defineJobKind<BulkJobPayload>({
  kind: BULK_JOB_KINDS.delete,
  ...BULK_JOB_OPTIONS,
  run: (job) => getService(job.strapi, 'bulk-actions').runDeleteJob(job),
});
