import { defineModule } from '../module';
import historyEntry from './content-types/history-entry';
import historyController from './controllers/history';
import { registerHistoryRecorder } from './recorder';
import { historyAdminRoutes, historyContentApiRoutes } from './routes';
import services from './services';

export { currentActor, withActor, type HistoryActor } from './actor';
export type { HistoryEntry, HistoryEntryInput, HistoryService, LatestEntry } from './services/history';

/**
 * The history of contacts, clients and their links: an append-only entry for every change,
 * written in the change's transaction whatever the entry point (docs/history.md). Listed before
 * the records so that its document middleware wraps their write rules.
 */
export default defineModule({
  contentTypes: { 'history-entry': historyEntry },
  services,
  controllers: { history: historyController },
  adminRoutes: historyAdminRoutes,
  contentApiRoutes: historyContentApiRoutes,
  register: registerHistoryRecorder,
});
