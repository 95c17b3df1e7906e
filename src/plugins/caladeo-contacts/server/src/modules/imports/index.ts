import { UID } from '../../../../shared/constants';
import { getService } from '../../utils/get-service';
import { hideFromGraphql } from '../../utils/graphql';
import { defineModule } from '../module';
import { importAdminRoutes } from './admin-routes';
import contactImport from './content-types/import';
import importChunk from './content-types/import-chunk';
import importTemplate from './content-types/import-template';
import adminImportsController from './controllers/admin-imports';
import importsController from './controllers/imports';
import { IMPORT_JOB, UNDO_IMPORT_JOB } from './jobs';
import { importContentApiRoutes } from './routes';
import services from './services';

/**
 * Bringing contacts in from CSV and Excel files: column mapping from the field catalogue's header
 * synonyms, dry runs, create/update/upsert on the e-mail, a job that survives a crash, undo; the
 * admin's Imports page (preview, history, mapping templates).
 */
export default defineModule({
  contentTypes: { import: contactImport, 'import-chunk': importChunk, 'import-template': importTemplate },
  services,
  controllers: { import: importsController, 'admin-imports': adminImportsController },
  adminRoutes: importAdminRoutes,
  contentApiRoutes: () => importContentApiRoutes,
  register(strapi) {
    hideFromGraphql(strapi, [UID.contactImport, UID.importChunk, UID.importTemplate]);
    getService(strapi, 'jobs').define(IMPORT_JOB);
    getService(strapi, 'jobs').define(UNDO_IMPORT_JOB);
  },
});
