/**
 * `npm run build:admin`: the admin panel as production serves it, for the browser tests.
 *
 * Strapi bundles React for development unless `NODE_ENV` is `production` while it builds, and that
 * bundle renders several times slower: the browser tests would measure and see an admin no agency
 * uses. In production the app refuses to load its configuration without its secrets, though none
 * of them goes into the admin bundle: this script gives any that is unset a placeholder, for the
 * build only. The server is then started as each test chooses (`tests/e2e/app.ts`).
 */
const { spawnSync } = require('child_process');
const path = require('path');

const SERVER_SECRETS = [
  'APP_KEYS',
  'ADMIN_JWT_SECRET',
  'API_TOKEN_SALT',
  'TRANSFER_TOKEN_SALT',
  'ENCRYPTION_KEY',
  'JWT_SECRET',
  'NEWSLETTER_SECRET',
  'PRIVACY_SECRET',
];

const env = { ...process.env, NODE_ENV: 'production' };
for (const name of SERVER_SECRETS) env[name] ||= `admin-build-only-${name.toLowerCase()}`;

const strapiPackage = require.resolve('@strapi/strapi/package.json');
const strapiBin = path.join(path.dirname(strapiPackage), require(strapiPackage).bin);
const { status } = spawnSync(process.execPath, [strapiBin, 'build', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env,
});
process.exit(status ?? 1);
