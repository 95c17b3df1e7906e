import { factories } from '@strapi/strapi';

// Offers populated with their contact links show the contacts' derived fields, as plugin routes do.
// One object per route: Strapi writes each route's auth scope into its config.
const withDerivedContactFields = () => ({
  middlewares: [
    { name: 'plugin::caladeo-contacts.derived-contact-fields', config: { uid: 'api::offer.offer' } },
  ],
});

export default factories.createCoreRouter('api::offer.offer', {
  config: { find: withDerivedContactFields(), findOne: withDerivedContactFields() },
});
