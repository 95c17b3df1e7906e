/**
 * Runs one of the app's TypeScript scripts inside a loaded Strapi (database and services, no HTTP
 * server, no admin panel):
 *
 *   node scripts/with-strapi.js <name> [args…]      e.g. node scripts/with-strapi.js seed --contacts 500
 *
 * It compiles the app (scripts/ included) into dist/, loads Strapi, calls the default export of
 * dist/scripts/<name>.js with (strapi, args), then shuts Strapi down. A script may also export
 * `parseArgv(args)`, called before Strapi boots so that a bad option fails at once, and
 * `prepareEnvironment()`, called next, to set what the configuration reads (e.g. a throwaway
 * database). A script that measures the node's memory exports `freshProcess = true`: it then runs
 * in a child process started after the compilation, which never loaded the TypeScript compiler,
 * with the Node.js flags its `nodeFlags(args)` returns, if any.
 * Exit code: 0 on success, 1 with a message on any error, or the `exitCode` the error carries (a
 * script's bad argument, say).
 */
const fs = require('fs');
const path = require('path');

// config/logger.ts reads LOG_LEVEL: a script's own output should not drown in boot logs.
process.env.LOG_LEVEL = process.env.LOG_LEVEL || 'warn';

const APP_DIR = path.resolve(__dirname, '..');
const SCRIPT_NAME = /^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_-]*)*$/i;

/** An error whose message says everything: printed without a stack. */
const isUsageError = (error) => Boolean(error) && error.name === 'UsageError';

/** The flag the parent passes to the child of a `freshProcess` script: dist/ is already compiled. */
const COMPILED_FLAG = '--already-compiled';

/** Runs the compiled script in a new Node.js process and resolves with its exit code. */
const runInChildProcess = (name, args, nodeFlags) =>
  new Promise((resolve, reject) => {
    const child = require('child_process').spawn(
      process.execPath,
      [...nodeFlags, path.join(__dirname, 'with-strapi.js'), COMPILED_FLAG, name, ...args],
      { stdio: 'inherit' }
    );
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(signal ? 1 : (code ?? 1)));
  });

async function main(argv) {
  const alreadyCompiled = argv[0] === COMPILED_FLAG;
  const [name, ...args] = alreadyCompiled ? argv.slice(1) : argv;
  if (!name || !SCRIPT_NAME.test(name)) {
    const error = new Error('usage: node scripts/with-strapi.js <script name, e.g. seed> [args…]');
    error.name = 'UsageError';
    throw error;
  }

  const { compileStrapi, createStrapi } = require('@strapi/strapi');
  let distDir = path.join(APP_DIR, 'dist');
  if (!alreadyCompiled) {
    require('./lib/clean-dist').cleanCompiledServer(APP_DIR);
    ({ distDir } = await compileStrapi({ appDir: APP_DIR }));
  }

  const scriptFile = path.join(distDir, 'scripts', `${name}.js`);
  if (!fs.existsSync(scriptFile)) {
    const error = new Error(`no script "${name}": ${path.relative(APP_DIR, scriptFile)} was not compiled`);
    error.name = 'UsageError';
    throw error;
  }
  const script = require(scriptFile);
  if (typeof script.default !== 'function') {
    throw new Error(`${path.relative(APP_DIR, scriptFile)} has no default export function (strapi, argv)`);
  }
  if (typeof script.parseArgv === 'function') script.parseArgv(args);
  if (script.freshProcess === true && !alreadyCompiled) {
    const flags = typeof script.nodeFlags === 'function' ? script.nodeFlags(args) : [];
    const code = await runInChildProcess(name, args, flags);
    if (code !== 0) throw Object.assign(new Error(`${name} failed`), { name: 'UsageError', exitCode: code });
    return;
  }
  if (typeof script.prepareEnvironment === 'function') script.prepareEnvironment();

  const strapi = createStrapi({ appDir: APP_DIR, distDir, autoReload: false, serveAdminPanel: false });
  let failure;
  try {
    await strapi.load();
    await script.default(strapi, args);
  } catch (error) {
    failure = error;
  }
  // see scripts/lib/idle-database.ts: queued post-commit queries must finish before shutdown
  await require(path.join(distDir, 'scripts', 'lib', 'idle-database.js')).waitForIdleDatabase(strapi);
  try {
    await strapi.destroy();
  } catch (error) {
    failure = failure || error;
  }
  if (failure) throw failure;
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error) => {
    if (isUsageError(error)) {
      console.error(error.message);
    } else {
      console.error(error && error.stack ? error.stack : String(error));
      if (error && error.cause) console.error(`caused by: ${error.cause.message || error.cause}`);
    }
    process.exit(error && Number.isInteger(error.exitCode) ? error.exitCode : 1);
  }
);
