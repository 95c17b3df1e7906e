import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { readOrRefuse, singleFieldError } from '../../../utils/errors';
import { getService } from '../../../utils/get-service';
import { problem } from '../../../validation';
import { readJobId, readJobListQuery } from '../validation';
import type { JobSummary } from '../services/jobs';

type Outcome = { changed: boolean; job: JobSummary | null };

const answer = (
  ctx: Context,
  { changed, job }: Outcome,
  refusal: 'job.notRetryable' | 'job.notCancellable'
) => {
  if (!job) throw new errors.NotFoundError('no such job');
  if (!changed) throw singleFieldError('state', problem(refusal, { state: job.state }));
  ctx.body = { data: job };
};

/** The "Tâches" page: jobs by state with their last error, retry and cancel (routes in ../routes.ts). */
const adminJobsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const jobs = () => getService(strapi, 'jobs');
  return {
    async find(ctx: Context) {
      const query = readOrRefuse(readJobListQuery(ctx.query));
      const [page, counts] = await Promise.all([jobs().list(query), jobs().countsByState()]);
      ctx.body = { ...page, meta: { ...page.meta, counts, kinds: jobs().kindNames() } };
    },

    async retry(ctx: Context) {
      const id = readOrRefuse(readJobId(ctx.params));
      answer(ctx, await jobs().retry(id), 'job.notRetryable');
    },

    async cancel(ctx: Context) {
      const id = readOrRefuse(readJobId(ctx.params));
      answer(ctx, await jobs().cancel(id), 'job.notCancellable');
    },
  };
};

export default adminJobsController;
