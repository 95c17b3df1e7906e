import { defineModule } from '../module';
import duplicatesController from './controllers/duplicates';
import { duplicatesAdminRoutes, duplicatesContentApiRoutes } from './routes';
import services from './services';

/**
 * Duplicate contacts: the warnings shown while a contact is typed (same phone, same name in the
 * same place or on the same client, similar names, the same e-mail on another domain).
 */
export default defineModule({
  services,
  controllers: { 'contact-duplicates': duplicatesController },
  adminRoutes: duplicatesAdminRoutes,
  contentApiRoutes: duplicatesContentApiRoutes,
});
