import importHistory from './import-history';
import importPreview from './import-preview';
import importTemplates from './import-templates';
import imports from './imports';

export default {
  imports,
  'import-history': importHistory,
  'import-preview': importPreview,
  'import-templates': importTemplates,
};
