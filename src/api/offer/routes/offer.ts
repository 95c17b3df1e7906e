import { factories } from '@strapi/strapi';

// Offers populated with their contact links show the contacts' derived fields, as plugin routes do,
// and refuse to reach the contacts' consent log without its permission. One object per route:
// Strapi writes each route's auth scope into its config.
const readConfig = () => ({
  middlewares: [
    { name: 'plugin::caladeo-contacts.consent-log-query', config: { uid: 'api::offer.offer' } },
    { name: 'plugin::caladeo-contacts.derived-contact-fields', config: { uid: 'api::offer.offer' } },
  ],
});

export default factories.createCoreRouter('api::offer.offer', {
  config: { find: readConfig(), findOne: readConfig() },
});
