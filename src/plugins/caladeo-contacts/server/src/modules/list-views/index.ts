import { UID } from '../../../../shared/constants';
import { hideFromGraphql } from '../../utils/graphql';
import { defineModule } from '../module';
import listPreference from './content-types/list-preference';
import listView from './content-types/list-view';
import listViewsController from './controllers/list-views';
import { forgetDeletedAdminUsers } from './owner-cleanup';
import { listViewAdminRoutes } from './routes';
import services from './services';

/**
 * Each admin user's columns of a list and their saved views (search, filters, columns, order, page
 * size under a name), kept on the server so that they follow the user between browsers; admin
 * routes only, never in the content API or GraphQL. They go when their user is deleted.
 */
export default defineModule({
  contentTypes: { 'list-view': listView, 'list-preference': listPreference },
  services,
  controllers: { 'list-views': listViewsController },
  adminRoutes: listViewAdminRoutes,
  register(strapi) {
    hideFromGraphql(strapi, [UID.listView, UID.listPreference]);
  },
  bootstrap(strapi) {
    forgetDeletedAdminUsers(strapi);
  },
});
