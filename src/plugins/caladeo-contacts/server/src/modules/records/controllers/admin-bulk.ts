import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { BulkAction, BulkJob, BulkLinksResult } from '../../../../../shared/contracts/admin';
import { problem } from '../../../validation';
import { readBulkDeleteBody, readBulkLinksBody } from '../bulk-request';
import { bulkSettings } from '../settings';
import { readOrRefuse, singleFieldError, statusError } from '../../../utils/errors';
import { getService } from '../../../utils/get-service';
import { readJobId } from '../../jobs/validation';
import type { Context } from './admin-record-handlers';

/** A bulk action's job answered on its creation: 202, the work is still to be done. */
const accepted = (ctx: Context, job: BulkJob | null) => {
  if (!job) throw new Error('the bulk job just queued cannot be read back');
  ctx.body = { data: job };
  ctx.status = 202;
};

/**
 * The contact list's bulk actions. Up to `bulk.inlineMax` contacts are done while the request
 * waits, each contact in its own transaction (what was done stays done if the request is cut
 * short; running it again finds those already done). More, up to `bulk.jobMaxContacts`, become a
 * job: the answer is 202 with the job, which its own routes show and cancel.
 */
const adminBulk = ({ strapi }: { strapi: Core.Strapi }) => {
  const bulk = () => getService(strapi, 'bulk-actions');

  // the router also hands over what the admin's catch-all routes captured ("0"): only `id` is ours
  const jobIdOf = (ctx: Context) => readOrRefuse(readJobId({ id: (ctx.params as { id?: unknown }).id }));

  const jobRoutes = (action: BulkAction) => ({
    async find(ctx: Context) {
      const id = jobIdOf(ctx);
      const job = await bulk().findJob(action, id);
      if (!job) throw new errors.NotFoundError('no such bulk job');
      ctx.body = { data: job };
    },
    async cancel(ctx: Context) {
      const id = jobIdOf(ctx);
      const { changed, job } = await bulk().cancelJob(action, id);
      if (!job) throw new errors.NotFoundError('no such bulk job');
      if (!changed) throw singleFieldError('status', problem('job.notCancellable', { state: job.status }));
      ctx.body = { data: job };
    },
  });
  const linksJobs = jobRoutes('links');
  const deleteJobs = jobRoutes('delete');

  return {
    async attach(ctx: Context) {
      const { inlineMax, jobMaxContacts } = bulkSettings(strapi);
      const { selection, target, documentId, role } = readOrRefuse(
        readBulkLinksBody(ctx.request.body, jobMaxContacts)
      );
      if (!(await bulk().targetExists(target, documentId))) {
        throw statusError(404, ['documentId'], problem('link.endNotFound'));
      }
      const contacts = await bulk().contactsOf(selection, jobMaxContacts);
      if (contacts.length > inlineMax) {
        accepted(ctx, await bulk().enqueueLinks({ contacts, target, documentId, role }));
        return;
      }
      const body: BulkLinksResult = await bulk().attachEach(contacts, target, documentId, role);
      ctx.body = { data: body };
    },

    async delete(ctx: Context) {
      const { inlineMax, jobMaxContacts } = bulkSettings(strapi);
      const { selection, confirm } = readOrRefuse(readBulkDeleteBody(ctx.request.body, jobMaxContacts));
      const contacts = await bulk().contactsOf(selection, jobMaxContacts);
      if (confirm !== contacts.length) {
        throw singleFieldError(
          'confirm',
          problem('bulk.countMismatch', { given: confirm, count: contacts.length })
        );
      }
      if (contacts.length > inlineMax) {
        accepted(ctx, await bulk().enqueueDelete(contacts));
        return;
      }
      ctx.body = { data: await bulk().deleteEach(contacts) };
    },

    findLinksJob: linksJobs.find,
    cancelLinksJob: linksJobs.cancel,
    findDeleteJob: deleteJobs.find,
    cancelDeleteJob: deleteJobs.cancel,
  };
};

export default adminBulk;
