import { ACTION } from '../../../../shared/constants';
import { guarded, type AdminRoute } from '../../utils/routes';

const SETTINGS = ACTION['privacy.settings'];

/** The "Conservation des données" page: every route needs `privacy.settings`. No content-API route. */
export const retentionAdminRoutes: AdminRoute[] = [
  guarded('GET', '/retention/policies', 'admin-retention.policies', SETTINGS),
  guarded('PUT', '/retention/policies/:policy', 'admin-retention.setPolicy', SETTINGS),
  guarded('GET', '/retention/preview', 'admin-retention.preview', SETTINGS),
  guarded('GET', '/retention/runs', 'admin-retention.runs', SETTINGS),
  guarded('GET', '/retention/holds', 'admin-retention.holds', SETTINGS),
  guarded('POST', '/retention/holds', 'admin-retention.placeHold', SETTINGS),
  guarded('POST', '/retention/holds/:holdId/lift', 'admin-retention.liftHold', SETTINGS),
];
