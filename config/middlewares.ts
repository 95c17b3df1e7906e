export default [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  // the public newsletter routes' own CORS and body limit, before Strapi's
  'plugin::caladeo-contacts.public-forms',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  // a query Strapi's parser would fail on is a 400, not a 500
  'plugin::caladeo-contacts.query-shape',
  'strapi::body',
  // a body with a prototype key or nested past any form is a 400 before anything walks it
  'plugin::caladeo-contacts.body-shape',
  // a GraphQL document whose fragments spread themselves is a 400 before the depth limit walks it
  'global::graphql-fragment-cycles',
  // on PostgreSQL, each content-API read (REST GET, GraphQL query) under a statement timeout
  // one caller's content-API reads at once are bounded, the next ones wait their turn (429 past that)
  'plugin::caladeo-contacts.read-slots',
  'plugin::caladeo-contacts.read-timeout',
  'strapi::session',
  // browsers ask for /favicon.ico on every page; without a file there it answered 500
  { name: 'strapi::favicon', config: { path: 'public/favicon.ico' } },
  'strapi::public',
];
