import listSearch from './list-search';
import searchIndex from './search-index';

export default {
  'search-index': searchIndex,
  'list-search': listSearch,
};
