import listColumns from './list-columns';
import listViews from './list-views';

export default { 'list-views': listViews, 'list-columns': listColumns };
