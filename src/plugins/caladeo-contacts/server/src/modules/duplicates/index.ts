import { UID } from '../../../../shared/constants';
import { getService } from '../../utils/get-service';
import { hideFromGraphql } from '../../utils/graphql';
import { defineModule } from '../module';
import duplicatePair from './content-types/duplicate-pair';
import { duplicatePairsController, duplicateScanController } from './controllers/duplicate-pairs';
import duplicatesController, { clientDuplicatesController } from './controllers/duplicates';
import { REFRESH_JOB, SCAN_JOB, scanSchedule } from './jobs';
import { refreshPairsAfterWrites } from './refresh-after-writes';
import { duplicatesAdminRoutes, duplicatesContentApiRoutes } from './routes';
import services from './services';
import { duplicateSettings } from './settings';

/**
 * Duplicate contacts: the warnings shown while a contact is typed (same phone, same name in the
 * same place or on the same client, similar names, the same e-mail on another domain), and the
 * scan that finds the pairs already stored, kept current after each write, with "Pas un doublon";
 * and duplicate clients (the same SIRET, the same name in the same town).
 */
export default defineModule({
  contentTypes: { 'duplicate-pair': duplicatePair },
  services,
  controllers: {
    'contact-duplicates': duplicatesController,
    'client-duplicates': clientDuplicatesController,
    'duplicate-pair': duplicatePairsController,
    'duplicate-scan': duplicateScanController,
  },
  adminRoutes: duplicatesAdminRoutes,
  contentApiRoutes: duplicatesContentApiRoutes,
  register(strapi) {
    hideFromGraphql(strapi, [UID.duplicatePair]);
    const jobs = getService(strapi, 'jobs');
    jobs.define(SCAN_JOB);
    jobs.define(REFRESH_JOB);
    const { scanEveryHours } = duplicateSettings(strapi);
    if (scanEveryHours > 0) jobs.schedule(scanSchedule(scanEveryHours));
    refreshPairsAfterWrites(strapi);
  },
});
