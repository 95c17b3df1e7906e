import { defineModule } from '../module';
import { adminSettingsController, offerContextController, offerQuoteController } from './controllers';
import derivedContactFields from './derived-fields-middleware';
import { registerGraphqlExtension } from './graphql';
import { documentAdminRoutes, documentContentApiRoutes } from './routes';
import services from './services';

/**
 * What generated documents read: a contact's salutation, name and address block, the offer
 * document context and its PDF quote, over REST and GraphQL.
 */
export default defineModule({
  services,
  controllers: {
    'offer-context': offerContextController,
    'offer-quote': offerQuoteController,
    'admin-settings': adminSettingsController,
  },
  middlewares: { 'derived-contact-fields': derivedContactFields },
  adminRoutes: documentAdminRoutes,
  contentApiRoutes: () => documentContentApiRoutes,
  register: registerGraphqlExtension,
});
