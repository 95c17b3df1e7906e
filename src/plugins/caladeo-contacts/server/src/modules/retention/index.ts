import { UID } from '../../../../shared/constants';
import { getService } from '../../utils/get-service';
import { hideFromGraphql } from '../../utils/graphql';
import { defineModule } from '../module';
import contactLegalHold from './content-types/contact-legal-hold';
import retentionRun from './content-types/retention-run';
import retentionSetting from './content-types/retention-setting';
import adminRetention from './controllers/admin-retention';
import { retentionAdminRoutes } from './routes';
import { RETENTION_JOB, RETENTION_SCHEDULE } from './schedule';
import services from './services';

/**
 * Retention of contacts (GDPR art. 5(1)(e)): the policies (prospects and clients, in months), legal
 * holds, the preview of the next run and the daily job that anonymises the due contacts through
 * the erasure module, with a report of each run.
 */
export default defineModule({
  contentTypes: {
    'contact-legal-hold': contactLegalHold,
    'retention-setting': retentionSetting,
    'retention-run': retentionRun,
  },
  services,
  controllers: { 'admin-retention': adminRetention },
  adminRoutes: retentionAdminRoutes,
  register(strapi) {
    hideFromGraphql(strapi, [UID.contactLegalHold, UID.retentionSetting, UID.retentionRun]);
    const jobs = getService(strapi, 'jobs');
    jobs.define(RETENTION_JOB);
    jobs.schedule(RETENTION_SCHEDULE);
  },
});
