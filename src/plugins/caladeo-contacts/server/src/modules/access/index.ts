import { defineModule } from '../module';
import contactExports from './controllers/contact-exports';
import { accessAdminRoutes, accessContentApiRoutes } from './routes';
import services from './services';

export type { PersonExport, LookupMatch } from './services/person-export';

/**
 * The rights of access and portability (GDPR art. 15 and 20): everything held about one person,
 * as JSON and as a readable summary, and the look-up of a person named in a request by mail
 * (docs/privacy.md).
 */
export default defineModule({
  services,
  controllers: { 'contact-exports': contactExports },
  adminRoutes: accessAdminRoutes,
  contentApiRoutes: accessContentApiRoutes,
});
