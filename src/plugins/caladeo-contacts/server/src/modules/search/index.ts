import { defineModule } from '../module';
import services from './services';

/** Finding contacts and clients: the search text index and the ranked, cursor-paged list queries. */
export default defineModule({
  services,
});
