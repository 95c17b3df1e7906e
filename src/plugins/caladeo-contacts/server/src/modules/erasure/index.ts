import { defineModule } from '../module';
import contactErasure from './content-types/contact-erasure';
import privacySuppression from './content-types/privacy-suppression';
import { adminErasures, contentApiErasures } from './controllers/erasures';
import { erasureAdminRoutes, erasureContentApiRoutes } from './routes';
import services from './services';

export type { ErasureOptions, ErasureReport, ErasureService } from './services/erasure';

/**
 * The right to erasure (GDPR art. 17, docs/privacy.md): a contact's personal data goes from
 * everywhere the product keeps it; the contact stays, anonymous, on its offers; keyed hashes of
 * its e-mail and phone keep an import from bringing the person back.
 */
export default defineModule({
  contentTypes: { 'contact-erasure': contactErasure, 'privacy-suppression': privacySuppression },
  services,
  controllers: { 'contact-erasures': contentApiErasures, 'admin-contact-erasures': adminErasures },
  adminRoutes: erasureAdminRoutes,
  contentApiRoutes: erasureContentApiRoutes,
});
