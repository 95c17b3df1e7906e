import { defineModule } from '../module';
import contactEmailAlias from './content-types/contact-email-alias';
import { UID } from '../../../../shared/constants';
import { hideFromGraphql } from '../../utils/graphql';
import clientMerge from './content-types/client-merge';
import contactMerge from './content-types/contact-merge';
import {
  adminClientMerges,
  adminMerges,
  contentApiClientMerges,
  contentApiMerges,
} from './controllers/merges';
import { mergesAdminRoutes, mergesContentApiRoutes } from './routes';
import services from './services';

/**
 * Merging duplicate contacts into one, with a preview and an undo: the merge record keeps a
 * private snapshot of everything it changed; the e-mails not kept stay as aliases of the survivor.
 * Duplicate clients merge the same way, their contact links and offers going to the survivor.
 */
export default defineModule({
  contentTypes: {
    'contact-merge': contactMerge,
    'contact-email-alias': contactEmailAlias,
    'client-merge': clientMerge,
  },
  services,
  controllers: {
    'contact-merges': contentApiMerges,
    'admin-contact-merges': adminMerges,
    'client-merges': contentApiClientMerges,
    'admin-client-merges': adminClientMerges,
  },
  adminRoutes: mergesAdminRoutes,
  contentApiRoutes: mergesContentApiRoutes,
  register(strapi) {
    hideFromGraphql(strapi, [UID.clientMerge]);
  },
});
