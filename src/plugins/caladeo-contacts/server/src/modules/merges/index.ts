import { defineModule } from '../module';
import contactEmailAlias from './content-types/contact-email-alias';
import contactMerge from './content-types/contact-merge';
import { adminMerges, contentApiMerges } from './controllers/merges';
import { mergesAdminRoutes, mergesContentApiRoutes } from './routes';
import services from './services';

/**
 * Merging duplicate contacts into one, with a preview and an undo: the merge record keeps a
 * private snapshot of everything it changed; the e-mails not kept stay as aliases of the survivor.
 */
export default defineModule({
  contentTypes: { 'contact-merge': contactMerge, 'contact-email-alias': contactEmailAlias },
  services,
  controllers: { 'contact-merges': contentApiMerges, 'admin-contact-merges': adminMerges },
  adminRoutes: mergesAdminRoutes,
  contentApiRoutes: mergesContentApiRoutes,
});
