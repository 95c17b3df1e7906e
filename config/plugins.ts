import path from 'path';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { Core } from '@strapi/strapi';
import { GRAPHQL_LIMITS, graphqlLimitsRule } from '../src/config/graphql-limits';
import { secret } from '../src/config/secrets';
import { AGENCY_ENVIRONMENT_VARIABLES } from '../src/plugins/caladeo-contacts/server/src/modules/documents/agency';

/**
 * Where mails go. Production sends through SMTP (nodemailer); development writes each mail as a
 * file under .tmp/mails/; tests keep them in memory. EMAIL_PROVIDER forces one of the three.
 */
const emailConfig = (env: Core.Config.Shared.ConfigParams['env']) => {
  const fallback =
    env('NODE_ENV') === 'production' ? 'smtp' : env('NODE_ENV') === 'test' ? 'capture' : 'files';
  const transport = env('EMAIL_PROVIDER', fallback);
  const settings = {
    defaultFrom: env('EMAIL_FROM', 'Caladeo <no-reply@localhost>'),
    defaultReplyTo: env('EMAIL_REPLY_TO', env('EMAIL_FROM', 'Caladeo <no-reply@localhost>')),
  };
  if (transport === 'smtp') {
    return {
      provider: 'nodemailer',
      providerOptions: {
        host: env('SMTP_HOST', '127.0.0.1'),
        port: env.int('SMTP_PORT', 587),
        secure: env.bool('SMTP_SECURE', false),
        auth: env('SMTP_USERNAME', '')
          ? { user: env('SMTP_USERNAME'), pass: env('SMTP_PASSWORD', '') }
          : undefined,
      },
      settings,
    };
  }
  // the development and test providers: a package of the app's (see src/mail-providers/index.js)
  return {
    provider: 'caladeo-mail-providers',
    providerOptions: {
      transport: transport === 'capture' ? 'capture' : 'files',
      directory: path.resolve(__dirname, '..', '..', env('EMAIL_FILES_DIRECTORY', '.tmp/mails')),
    },
    settings,
  };
};

/** Leaves unset variables out, so that the plugin's defaults apply to them. */
const definedOnly = (values: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined && value !== ''));

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  'users-permissions': {
    config: {
      jwtSecret: secret(env, 'JWT_SECRET', 'caladeo-dev-users-permissions-jwt-secret'),
    },
  },
  email: { config: emailConfig(env) },
  'caladeo-contacts': {
    enabled: true,
    resolve: './src/plugins/caladeo-contacts',
    config: {
      // Printed on quotes and letters, each detail from its CALADEO_AGENCY_* variable (the list is
      // the plugin's, so that the boot check can name the variable of a wrong value); unset
      // variables keep the plugin's defaults.
      agency: definedOnly(
        Object.fromEntries(
          Object.entries(AGENCY_ENVIRONMENT_VARIABLES).map(([field, variable]) => [field, env(variable)])
        )
      ),
      // the longest one SQL statement of a content-API read may run on PostgreSQL (docs/api.md)
      api: {
        readTimeoutMs: env.int('API_READ_TIMEOUT_MS', 10000),
        requestTimeoutMs: env.int('API_REQUEST_TIMEOUT_MS', 15000),
        // reads of one caller at once on a node, and how many more may wait for them
        readsPerCaller: env.int('API_READS_PER_CALLER', 4),
        queuedReadsPerCaller: env.int('API_QUEUED_READS_PER_CALLER', 50),
      },
      // the contact list's bulk actions (docs/admin.md): up to inlineMax contacts are done while the
      // request waits, more (up to jobMaxContacts) as a background job, jobChunkSize a transaction
      bulk: {
        inlineMax: env.int('BULK_INLINE_MAX', 500),
        jobMaxContacts: env.int('BULK_JOB_MAX_CONTACTS', 100000),
        jobChunkSize: env.int('BULK_JOB_CHUNK_SIZE', 100),
      },
      // how many matching rows a list's total counts before it says "10 000+" (docs/search.md)
      search: { countCap: env.int('SEARCH_COUNT_CAP', 10000) },
      // how often each node looks for due background jobs besides being woken by its own enqueues
      jobs: { pollIntervalMs: env.int('JOBS_POLL_INTERVAL_MS', 5000) },
      // the largest file a contact import takes
      imports: { maxFileBytes: env.int('IMPORT_MAX_FILE_BYTES', 100 * 1024 * 1024) },
      // the history of every change (docs/history.md); off only to measure what it costs
      history: { enabled: env.bool('HISTORY_ENABLED', true) },
      // how many days after a merge of contacts it may still be undone
      merges: { undoDays: env.int('MERGE_UNDO_DAYS', 30) },
      // hours between two scans of the whole base for duplicates; 0: only when started by hand
      duplicates: { scanEveryHours: env.int('DUPLICATE_SCAN_EVERY_HOURS', 24) },
      // when contacts are anonymised (docs/privacy.md): the CNIL's 3 years by default; the admin's
      // "Conservation des données" page may change a policy over these
      retention: {
        prospect: {
          enabled: env.bool('RETENTION_PROSPECT_ENABLED', true),
          months: env.int('RETENTION_PROSPECT_MONTHS', 36),
        },
        client: {
          enabled: env.bool('RETENTION_CLIENT_ENABLED', true),
          months: env.int('RETENTION_CLIENT_MONTHS', 36),
        },
        batchSize: env.int('RETENTION_BATCH_SIZE', 200),
      },
      // keys the hashes of erased people's e-mails and phones (docs/privacy.md)
      privacy: { secret: secret(env, 'PRIVACY_SECRET', 'caladeo-dev-privacy-secret') },
      newsletter: {
        secret: secret(env, 'NEWSLETTER_SECRET', 'caladeo-dev-newsletter-secret'),
        publicUrl: env('PUBLIC_URL', `http://localhost:${env.int('PORT', 1337)}`),
        allowedOrigins: env.array('NEWSLETTER_ALLOWED_ORIGINS', []),
        confirmationTtlHours: env.int('NEWSLETTER_CONFIRMATION_TTL_HOURS', 48),
        maxBodyBytes: env.int('NEWSLETTER_MAX_BODY_BYTES', 8192),
        rateLimits: {
          perIp: {
            points: env.int('NEWSLETTER_LIMIT_PER_IP', 10),
            durationSeconds: env.int('NEWSLETTER_LIMIT_PER_IP_SECONDS', 600),
          },
          perEmail: {
            points: env.int('NEWSLETTER_LIMIT_PER_EMAIL', 3),
            durationSeconds: env.int('NEWSLETTER_LIMIT_PER_EMAIL_SECONDS', 3600),
          },
          redisUrl: env('REDIS_URL', ''),
          keyPrefix: env('NEWSLETTER_LIMIT_KEY_PREFIX', 'caladeo-newsletter'),
        },
      },
    },
  },
  // GraphQL serves the same content-API permissions as REST: nothing is public.
  graphql: {
    enabled: true,
    config: {
      endpoint: '/graphql',
      shadowCRUD: true,
      // The explorer and schema introspection are for development only. Strapi reads
      // `landingPage: false` as Apollo's *production* landing page, still an HTML page served to
      // any browser; only Apollo's own "disabled" plugin serves none.
      landingPage: env('NODE_ENV') === 'production' ? () => ApolloServerPluginLandingPageDisabled() : true,
      // aliases and estimated cost of an operation (src/config/graphql-limits.ts), checked
      // besides the plugin's own depth limit, which runs with the same depth. In production an
      // error never suggests names of the schema ('Cannot query field "lastNam". Did you mean
      // "lastName"?', for fields, arguments, types, enum values and the variables' input fields),
      // which would let a caller map the schema that introspection hides.
      apolloServer: {
        introspection: env('NODE_ENV') !== 'production',
        hideSchemaDetailsFromClientErrors: env('NODE_ENV') === 'production',
        validationRules: [graphqlLimitsRule],
      },
      depthLimit: GRAPHQL_LIMITS.depth,
      defaultLimit: 25,
      maxLimit: 100,
    },
  },
});
