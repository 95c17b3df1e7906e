export default [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  // the public newsletter routes' own CORS and body limit, before Strapi's
  'plugin::caladeo-contacts.public-forms',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
