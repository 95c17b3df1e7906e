import { ACTION } from '../../../../shared/constants';
import { guarded } from '../../utils/routes';

const read = ACTION['imports.read'];
const create = ACTION['imports.create'];
const manage = ACTION['imports.manage'];

/**
 * The Imports page, under `/caladeo-contacts`: seeing imports needs `imports.read`, bringing a file
 * in (preview included) and saving a template `imports.create`, cancelling, undoing and deleting a
 * template `imports.manage`. An import's own routes share the content API's handlers.
 */
export const importAdminRoutes = [
  guarded('POST', '/imports/preview', 'admin-imports.preview', create),
  guarded('POST', '/imports', 'import.create', create),
  guarded('GET', '/imports', 'admin-imports.find', read),
  guarded('GET', '/imports/:documentId', 'import.findOne', read),
  guarded('GET', '/imports/:documentId/errors', 'import.errors', read),
  guarded('POST', '/imports/:documentId/cancel', 'import.cancel', manage),
  guarded('POST', '/imports/:documentId/undo', 'import.undo', manage),
  guarded('GET', '/import-templates', 'admin-imports.findTemplates', read),
  guarded('POST', '/import-templates', 'admin-imports.createTemplate', create),
  guarded('DELETE', '/import-templates/:documentId', 'admin-imports.deleteTemplate', manage),
];
