// A second Strapi node for the tests that need two: booted from the same compiled app, on the
// database and settings of its parent (inherited environment), listening on a free port that it
// prints as `LISTENING <port>`. It stops when its parent closes its stdin. With TEST_JOB_KINDS=1
// it also runs the job kinds of the job runner's tests. With IMPORT_BATCH_PAUSE_MS=N each batch of
// an import it runs waits N ms inside its transaction, before writing: a node to kill mid-batch.
const path = require('path');
const { createStrapi } = require('@strapi/strapi');

const appDir = path.resolve(__dirname, '..', '..');

const pauseImportBatches = (strapi, ms) => {
  const imports = strapi.plugin('caladeo-contacts').service('imports');
  const run = imports.run.bind(imports);
  // assertClaimed is called in each batch's transaction before its writes
  imports.run = (importId, job) =>
    run(importId, {
      ...job,
      assertClaimed: async () => {
        await new Promise((resolve) => setTimeout(resolve, ms));
        await job.assertClaimed();
      },
    });
};

const main = async () => {
  const strapi = createStrapi({
    appDir,
    distDir: path.join(appDir, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  });
  await strapi.load();
  if (process.env.TEST_JOB_KINDS === '1') await require('./test-job-kinds').defineTestJobKinds(strapi);
  if (process.env.IMPORT_BATCH_PAUSE_MS)
    pauseImportBatches(strapi, Number(process.env.IMPORT_BATCH_PAUSE_MS));
  strapi.server.mount();
  const httpServer = strapi.server.httpServer;
  await new Promise((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  process.stdout.write(`LISTENING ${httpServer.address().port}\n`);
  process.stdin.resume();
  process.stdin.on('end', async () => {
    await strapi.destroy();
    process.exit(0);
  });
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
