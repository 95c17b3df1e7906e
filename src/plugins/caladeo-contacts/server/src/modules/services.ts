import type accessServices from './access/services';
import type documentServices from './documents/services';
import type duplicateServices from './duplicates/services';
import type erasureServices from './erasure/services';
import type historyServices from './history/services';
import type importServices from './imports/services';
import type jobServices from './jobs/services';
import type listViewServices from './list-views/services';
import type mergeServices from './merges/services';
import type newsletterServices from './newsletter/services';
import type recordServices from './records/services';
import type retentionServices from './retention/services';
import type searchServices from './search/services';

/**
 * The type of the plugin's service registry, spelled from the modules' service maps alone (the
 * modules' controllers use `getService`, so the registry's type cannot come from the modules).
 */
export type Services = typeof jobServices &
  typeof recordServices &
  typeof searchServices &
  typeof newsletterServices &
  typeof documentServices &
  typeof importServices &
  typeof duplicateServices &
  typeof historyServices &
  typeof mergeServices &
  typeof retentionServices &
  typeof erasureServices &
  typeof accessServices &
  typeof listViewServices;
