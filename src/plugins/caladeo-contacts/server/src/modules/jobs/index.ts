import { UID } from '../../../../shared/constants';
import { getService } from '../../utils/get-service';
import { hideFromGraphql } from '../../utils/graphql';
import { defineModule } from '../module';
import job from './content-types/job';
import jobSchedule from './content-types/job-schedule';
import adminJobs from './controllers/admin-jobs';
import { PRUNE_JOBS, PRUNE_SCHEDULE } from './prune';
import { jobAdminRoutes } from './routes';
import services from './services';

/**
 * Durable background jobs for every module: claimed with leases so that one node runs each,
 * retried with back-off, kept with their last error, cancellable, and periodic jobs enqueued once
 * per cluster. Other modules declare their kinds in their own `register`.
 */
export default defineModule({
  contentTypes: { job, 'job-schedule': jobSchedule },
  services,
  controllers: { 'admin-jobs': adminJobs },
  adminRoutes: jobAdminRoutes,
  register(strapi) {
    hideFromGraphql(strapi, [UID.job, UID.jobSchedule]);
    getService(strapi, 'jobs').define(PRUNE_JOBS);
    getService(strapi, 'jobs').schedule(PRUNE_SCHEDULE);
  },
  bootstrap: (strapi) => getService(strapi, 'jobs').start(),
  destroy: (strapi) => getService(strapi, 'jobs').stop(),
});
