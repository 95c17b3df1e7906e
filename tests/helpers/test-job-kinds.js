// Job kinds for the job runner's tests, declared in the test process and in a second node alike.
// Each run of `test.record` adds a row to `test_job_runs` naming the job and the node that ran it.
// On a node started with HANG_JOBS=1, `test.hang` never finishes: a worker to kill mid-run.
const RUNS_TABLE = 'test_job_runs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const defineTestJobKinds = async (strapi) => {
  const knex = strapi.db.connection;
  if (!(await knex.schema.hasTable(RUNS_TABLE))) {
    await knex.schema
      .createTable(RUNS_TABLE, (table) => {
        table.increments('id');
        table.integer('job_id');
        table.string('node');
      })
      .catch(() => undefined);
  }
  const jobs = strapi.plugin('caladeo-contacts').service('jobs');
  const node = process.env.TEST_NODE_NAME || 'test-process';
  const kinds = {
    record: {
      kind: 'test.record',
      concurrency: 2,
      async run({ id, payload }) {
        await sleep(payload.sleepMs ?? 0);
        await knex(RUNS_TABLE).insert({ job_id: id, node });
      },
    },
    hang: {
      kind: 'test.hang',
      leaseMs: 1500,
      maxAttempts: 3,
      async run({ id, signal }) {
        if (process.env.HANG_JOBS === '1') {
          await knex(RUNS_TABLE).insert({ job_id: id, node });
          await new Promise((resolve) => signal.addEventListener('abort', resolve));
          return;
        }
        await knex(RUNS_TABLE).insert({ job_id: id, node });
      },
    },
  };
  for (const kind of Object.values(kinds)) jobs.define(kind);
  return kinds;
};

module.exports = { defineTestJobKinds, RUNS_TABLE };
