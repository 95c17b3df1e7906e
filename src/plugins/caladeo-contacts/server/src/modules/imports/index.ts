import { UID } from '../../../../shared/constants';
import { getService } from '../../utils/get-service';
import { hideFromGraphql } from '../../utils/graphql';
import { defineModule } from '../module';
import contactImport from './content-types/import';
import importChunk from './content-types/import-chunk';
import importsController from './controllers/imports';
import { IMPORT_JOB, UNDO_IMPORT_JOB } from './jobs';
import { importContentApiRoutes } from './routes';
import services from './services';

/**
 * Bringing contacts in from CSV and Excel files: column mapping from the field catalogue's header
 * synonyms, dry runs, create/update/upsert on the e-mail, a job that survives a crash, undo.
 */
export default defineModule({
  contentTypes: { import: contactImport, 'import-chunk': importChunk },
  services,
  controllers: { import: importsController },
  contentApiRoutes: () => importContentApiRoutes,
  register(strapi) {
    hideFromGraphql(strapi, [UID.contactImport, UID.importChunk]);
    getService(strapi, 'jobs').define(IMPORT_JOB);
    getService(strapi, 'jobs').define(UNDO_IMPORT_JOB);
  },
});
