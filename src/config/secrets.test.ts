import { describe, expect, it } from '@jest/globals';
import type { Core } from '@strapi/strapi';
import { secret, secretList } from './secrets';

/** Strapi's `env` helper over a fixed set of variables. */
const envOf = (variables: Record<string, string>) =>
  ((name: string, fallback?: string) =>
    variables[name] ?? fallback) as Core.Config.Shared.ConfigParams['env'];

describe('secrets', () => {
  it('takes the variable when it is set, in any environment', () => {
    const env = envOf({ NODE_ENV: 'production', ADMIN_JWT_SECRET: 's3cr3t' });
    expect(secret(env, 'ADMIN_JWT_SECRET', 'dev')).toBe('s3cr3t');
  });

  it('falls back to the development value outside production', () => {
    expect(secret(envOf({ NODE_ENV: 'development' }), 'ADMIN_JWT_SECRET', 'dev')).toBe('dev');
    expect(secretList(envOf({}), 'APP_KEYS', ['a', 'b'])).toEqual(['a', 'b']);
  });

  it('refuses to start in production without it, naming the variable', () => {
    expect(() => secret(envOf({ NODE_ENV: 'production' }), 'NEWSLETTER_SECRET', 'dev')).toThrow(
      /^NEWSLETTER_SECRET is not set/
    );
    expect(() => secret(envOf({ NODE_ENV: 'production', JWT_SECRET: '' }), 'JWT_SECRET', 'dev')).toThrow(
      /JWT_SECRET/
    );
  });

  it('splits a list of keys on commas', () => {
    const env = envOf({ NODE_ENV: 'production', APP_KEYS: 'keyA, keyB,' });
    expect(secretList(env, 'APP_KEYS', ['a'])).toEqual(['keyA', 'keyB']);
  });
});
