import { defineModule } from '../module';
import { useCursorSecret } from './cursor';
import services from './services';

/** Finding contacts and clients: the search text index and the ranked, cursor-paged list queries. */
export default defineModule({
  services,
  register(strapi) {
    useCursorSecret(strapi.config.get<string[]>('server.app.keys', []).join(','));
  },
});
