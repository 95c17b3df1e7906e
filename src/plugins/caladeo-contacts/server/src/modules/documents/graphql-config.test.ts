import { describe, expect, it } from '@jest/globals';

import pluginsConfig from '../../../../../../../config/plugins';

type Env = ((key: string, fallback?: unknown) => unknown) & Record<string, unknown>;

const configIn = (nodeEnv: string) => {
  // production refuses to load without its secrets (src/config/secrets.ts)
  const variables: Record<string, string> = {
    NODE_ENV: nodeEnv,
    JWT_SECRET: 'test-jwt-secret',
    NEWSLETTER_SECRET: 'test-newsletter-secret',
    PRIVACY_SECRET: 'test-privacy-secret',
  };
  const read = (key: string, fallback?: unknown) => variables[key] ?? fallback;
  // Strapi's env() with its typed readers, each answering the fallback
  const env = Object.assign(read, {
    int: read,
    bool: read,
    float: read,
    array: read,
    json: read,
  }) as unknown as Env;
  return pluginsConfig({ env } as never).graphql.config;
};

describe('GraphQL configuration', () => {
  it('turns the explorer and introspection off in production, and bounds every query', () => {
    const production = configIn('production');
    expect(production).toMatchObject({
      apolloServer: { introspection: false },
      depthLimit: 10,
      maxLimit: 100,
    });
    // `false` would still serve Apollo's production landing page: only its "disabled" plugin serves none
    expect(typeof production.landingPage).toBe('function');
    const landingPage = production.landingPage as () => unknown;
    expect(landingPage()).toMatchObject({ __internal_plugin_id__: 'LandingPageDisabled' });
    expect(configIn('development')).toMatchObject({
      landingPage: true,
      apolloServer: { introspection: true },
    });
  });
});
