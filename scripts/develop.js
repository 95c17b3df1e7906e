/**
 * `npm run develop`: Strapi's `develop`, which stops with a non-zero exit code when the app cannot
 * start instead of waiting for a file change.
 *
 * Strapi's develop catches a failed TypeScript compile or a failed boot, prints it and keeps its
 * file watcher running: the port never opens and nothing exits, so a script (or a newcomer) waiting
 * for the app cannot tell it failed. This wrapper runs it in its own process group, passes its
 * output through, and when a line says the start failed it stops the whole group and exits 1.
 * Ctrl-C and SIGTERM are handed on to Strapi, which stops as usual.
 *
 *   npm run develop [-- any strapi develop option, e.g. --watch-admin]
 */
const { spawn } = require('child_process');
const path = require('path');

/** Lines Strapi prints when the server will not start until a file changes. */
const START_FAILURES = [
  /Error during development:/,
  /There seems to be an unexpected error/,
  /Error during TypeScript compilation on reload/,
];

const strapiPackage = require.resolve('@strapi/strapi/package.json');
// the package exports no bin path: read it from its package.json
const strapiBin = path.join(path.dirname(strapiPackage), require(strapiPackage).bin);
const child = spawn(process.execPath, [strapiBin, 'develop', ...process.argv.slice(2)], {
  stdio: ['inherit', 'pipe', 'pipe'],
  detached: true,
  // the output is piped: keep Strapi's colours when this wrapper writes to a terminal
  env: process.stdout.isTTY ? { FORCE_COLOR: '1', ...process.env } : process.env,
});

let failedLine = null;
let stopping = false;

const stopGroup = (signal) => {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is already gone
  }
};

const watchOutput = (source, target) => {
  let pending = '';
  source.on('data', (chunk) => {
    target.write(chunk);
    if (failedLine) return;
    const lines = (pending + chunk.toString('utf8')).split('\n');
    pending = lines.pop() ?? '';
    const failure = lines.find((line) => START_FAILURES.some((marker) => marker.test(line)));
    if (failure) {
      failedLine = failure.trim();
      stopGroup('SIGTERM');
      // a process that ignores SIGTERM must not keep the wrapper alive
      setTimeout(() => stopGroup('SIGKILL'), 5000).unref();
    }
  });
};
watchOutput(child.stdout, process.stdout);
watchOutput(child.stderr, process.stderr);

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    stopping = true;
    stopGroup(signal);
  });
}

child.on('exit', (code, signal) => {
  // the cluster worker may outlive the primary for a moment
  stopGroup('SIGTERM');
  if (failedLine) {
    console.error(
      `\nThe app did not start (${failedLine}); fix the error above and run npm run develop again.`
    );
    process.exit(1);
  }
  if (stopping) process.exit(0);
  process.exit(code ?? (signal ? 1 : 0));
});
