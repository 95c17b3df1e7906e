import type { Core } from '@strapi/strapi';

type Env = Core.Config.Shared.ConfigParams['env'];

/**
 * A secret the app signs, hashes or encrypts with. On a developer's machine an unset variable
 * falls back to a well-known development value so that `npm run develop` needs no setup; in
 * production that value would let anyone forge sessions, tokens or unsubscribe links, so the app
 * refuses to start and names the variable.
 */
export const secret = (env: Env, name: string, developmentValue: string): string => {
  const value = env(name, '');
  if (value) return value;
  if (env('NODE_ENV') === 'production') {
    throw new Error(
      `${name} is not set: the app does not start in production with a development secret (README, "Production")`
    );
  }
  return developmentValue;
};

/** A comma-separated list of secrets, such as APP_KEYS. */
export const secretList = (env: Env, name: string, developmentValues: string[]) =>
  secret(env, name, developmentValues.join(','))
    .split(',')
    .map((value) => value.trim())
    .filter(Boolean);
