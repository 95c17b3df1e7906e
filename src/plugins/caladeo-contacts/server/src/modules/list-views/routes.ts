import { ACTION, type AdminAction } from '../../../../shared/constants';
import type { ListViewList } from '../../../../shared/list-views';
import { guarded, type AdminRoute } from '../../utils/routes';

/**
 * The routes of one list's saved views and columns, open to whoever may read that list. The
 * path's `:list` matches that list's name only, so that each list's routes check its own action.
 */
const listRoutes = (list: ListViewList, read: AdminAction): AdminRoute[] => {
  const views = `/list-views/:list(${list})`;
  return [
    guarded('GET', views, 'list-views.find', read),
    guarded('POST', views, 'list-views.create', read),
    guarded('PUT', `${views}/:documentId`, 'list-views.update', read),
    guarded('DELETE', `${views}/:documentId`, 'list-views.delete', read),
    guarded('GET', `/list-columns/:list(${list})`, 'list-views.findColumns', read),
    guarded('PUT', `/list-columns/:list(${list})`, 'list-views.setColumns', read),
  ];
};

/** The contacts list's views and columns: anyone who may read contacts keeps their own. */
export const listViewAdminRoutes = [...listRoutes('contacts', ACTION['contacts.read'])];
