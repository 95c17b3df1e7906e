import { ACTION } from '../../../../shared/constants';
import { guarded } from '../../utils/routes';

/** The "Tâches" page: reading needs `jobs.read`, retrying and cancelling `jobs.manage`. */
export const jobAdminRoutes = [
  guarded('GET', '/jobs', 'admin-jobs.find', ACTION['jobs.read']),
  guarded('POST', '/jobs/:id/retry', 'admin-jobs.retry', ACTION['jobs.manage']),
  guarded('POST', '/jobs/:id/cancel', 'admin-jobs.cancel', ACTION['jobs.manage']),
];
