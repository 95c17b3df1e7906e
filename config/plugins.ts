import type { Core } from '@strapi/strapi';

export default ({ env }: Core.Config.Shared.ConfigParams) => {
  const isProduction = env('NODE_ENV') === 'production';
  return {
    'users-permissions': {
      config: {
        jwtSecret: env('JWT_SECRET', 'caladeo-dev-users-permissions-jwt-secret'),
      },
    },
    'caladeo-contacts': {
      enabled: true,
      resolve: './src/plugins/caladeo-contacts',
      config: {
        // Printed on quotes and letters; unset variables keep the plugin's defaults.
        agency: {
          name: env('CALADEO_AGENCY_NAME'),
          addressLine1: env('CALADEO_AGENCY_ADDRESS_LINE1'),
          addressLine2: env('CALADEO_AGENCY_ADDRESS_LINE2'),
          postalCode: env('CALADEO_AGENCY_POSTAL_CODE'),
          city: env('CALADEO_AGENCY_CITY'),
          country: env('CALADEO_AGENCY_COUNTRY'),
          phone: env('CALADEO_AGENCY_PHONE'),
          email: env('CALADEO_AGENCY_EMAIL'),
          website: env('CALADEO_AGENCY_WEBSITE'),
          siret: env('CALADEO_AGENCY_SIRET'),
          registration: env('CALADEO_AGENCY_REGISTRATION'),
          signatory: env('CALADEO_AGENCY_SIGNATORY'),
          defaultLanguage: env('CALADEO_AGENCY_LANGUAGE'),
          timeZone: env('CALADEO_AGENCY_TIME_ZONE'),
        },
      },
    },
    // GraphQL serves the same content-API permissions as REST: nothing is public.
    graphql: {
      enabled: true,
      config: {
        endpoint: '/graphql',
        shadowCRUD: true,
        // the explorer and schema introspection are for development only
        landingPage: !isProduction,
        apolloServer: { introspection: !isProduction },
        depthLimit: 10,
        defaultLimit: 25,
        maxLimit: 100,
      },
    },
  };
};
