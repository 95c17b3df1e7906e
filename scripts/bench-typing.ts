/**
 * `npm run bench:typing -- [--per-class N] [--key-delay MS] [--profile FILE] [--write]`
 *
 * What a user feels typing a search into the Contacts tab, server included: on the database the
 * environment names (PostgreSQL with a million seeded contacts, e.g. DATABASE_CLIENT=postgres
 * DATABASE_NAME=caladeo_bench), the production admin (`npm run build:admin` first) served by
 * `strapi start` in a child process, driven by Debian's Chromium through playwright-core.
 *
 * Words of six classes are taken from the base itself (the most common last name, first names
 * typed without their accents, "last first" names, one person's e-mail local part, a phone's
 * digits, a word nobody holds) and typed one key every MS ms (120 by default) into an emptied box.
 * In the page, a keydown listener notes the last key, a MutationObserver the last change the
 * list made after the answer came, and a PerformanceObserver the long tasks (over 50 ms) from the
 * first key to the end. Per word: keystroke to results (last key to the list's last change, the
 * list's typing pause included), the list request's own time (Resource Timing), and the longest
 * task. With `--write` the figures replace the "Typing in the contacts search at a million
 * contacts" section of docs/benchmarks.md. With `--profile FILE`, the page's CPU profile (Chrome
 * DevTools Protocol, `Profiler`) over the counted words is written to FILE (`.cpuprofile`, which
 * DevTools opens), with the self time and the total time per function and the components React
 * rendered printed. The production bundle's names are minified: an admin built with Strapi's
 * build option `minify: false` (the CLI has no flag for it) gives the app's and the design
 * system's names. The counting itself costs time: compare the tasks of runs without `--profile`.
 */
import fs from 'fs';
import os from 'os';
import type { Core } from '@strapi/strapi';
import type { Page } from 'playwright-core';

import { TYPING_PAUSE_MS, UID } from '../src/plugins/caladeo-contacts/shared/constants';
import { normaliseSearchTerm } from '../src/plugins/caladeo-contacts/server/src/validation/search-text';
import { writeBenchmarksSection } from './lib/benchmarks-doc';
import { launchBrowser, loginAs } from './lib/browser';
import { usageError, wholeNumberOption } from './lib/options';
import { percentile } from './lib/percentile';
import { startStrapiProcess } from './lib/strapi-process';

type Options = { perClass: number; keyDelay: number; write: boolean; profile: string | null };
type WordClass = { label: string; words: string[] };
type Sample = {
  latency: number;
  request: number | null;
  longestTask: number;
  tasksOver50: number;
  tasksOver100: number;
};

const TITLE = '## Typing in the contacts search at a million contacts';
const BENCH_ADMIN = { email: 'bench-typing@agence.test', password: 'Caladeo-bench-1' };
/** How long the list must stay unchanged after its answer for the word to count as shown. */
const SETTLED_MS = 400;
const NO_HIT = ['zzqxw', 'qwzzy', 'xqzvw', 'wzqxk', 'kqzxw', 'zxqwv', 'vqzxz', 'qxzwk'];

export function parseArgv(argv: readonly string[]): Options {
  const options: Options = { perClass: 5, keyDelay: 120, write: false, profile: null };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    if (arg === '--write') options.write = true;
    else if (arg === '--per-class') options.perClass = wholeNumberOption('per-class', argv[++index], 1, 8);
    else if (arg === '--key-delay') options.keyDelay = wholeNumberOption('key-delay', argv[++index], 0, 1000);
    else if (arg === '--profile') {
      const file = argv[++index];
      if (!file) throw usageError('--profile needs a file name');
      options.profile = file;
    } else
      throw usageError(
        `unknown option ${arg}; usage: npm run bench:typing -- [--per-class N] [--key-delay MS] [--profile FILE] [--write]`
      );
  }
  return options;
}

/** The words typed, drawn from contacts spread over the base so that none is a lucky one. */
const wordClasses = async (strapi: Core.Strapi, perClass: number): Promise<WordClass[]> => {
  const knex = strapi.db.connection;
  const total = await strapi.db.query(UID.contact).count();
  const spread = async () => {
    const rows: Array<{
      first_name: string | null;
      last_name: string | null;
      email: string | null;
      phone: string | null;
    }> = [];
    for (let index = 0; index < perClass * 4; index += 1) {
      const row = await knex('caladeo_contacts')
        .select('first_name', 'last_name', 'email', 'phone')
        .orderBy('id')
        .offset(Math.floor(((index + 0.5) * total) / (perClass * 4)))
        .first();
      if (row) rows.push(row);
    }
    return rows;
  };
  const rows = await spread();
  const distinct = (values: Array<string | null | undefined>) =>
    [...new Set(values.filter((value): value is string => Boolean(value)))].slice(0, perClass);
  const common = (await knex('caladeo_contacts')
    .select('last_name')
    .count({ count: '*' })
    .whereNotNull('last_name')
    .groupBy('last_name')
    .orderBy('count', 'desc')
    .limit(perClass)) as Array<{ last_name: string }>;
  const accented = rows.filter(
    (row) => row.first_name && normaliseSearchTerm(row.first_name) !== row.first_name.toLowerCase()
  );
  return [
    { label: 'most common last names', words: common.map((row) => normaliseSearchTerm(row.last_name)) },
    {
      label: 'first names typed without accents',
      words: distinct(
        (accented.length > 0 ? accented : rows).map((row) => normaliseSearchTerm(row.first_name ?? ''))
      ),
    },
    {
      label: '"last first" (a few rows)',
      words: distinct(
        rows.map((row) => normaliseSearchTerm(`${row.last_name ?? ''} ${row.first_name ?? ''}`))
      ),
    },
    { label: "one person's e-mail local part", words: distinct(rows.map((row) => row.email?.split('@')[0])) },
    {
      label: "a phone's last 8 digits",
      words: distinct(rows.map((row) => row.phone?.replace(/\D/g, '').slice(-8))),
    },
    { label: 'no hit', words: NO_HIT.slice(0, perClass) },
  ];
};

/** The bench's own super admin, made once per base. */
const ensureBenchAdmin = async (strapi: Core.Strapi) => {
  const existing = await strapi.db.query('admin::user').findOne({ where: { email: BENCH_ADMIN.email } });
  if (existing) return;
  const role = (await strapi.service('admin::role').getSuperAdmin()) as { id: number };
  await strapi.service('admin::user').create({
    ...BENCH_ADMIN,
    firstname: 'Banc',
    lastname: "d'essai",
    isActive: true,
    roles: [role.id],
  });
};

/** Installs the observers; they live as long as the page. */
const observe = (page: Page) =>
  page.evaluate(() => {
    const bench = {
      keys: [] as number[],
      lastChange: 0,
      tasks: [] as Array<{ start: number; duration: number }>,
    };
    Object.assign(window, { bench });
    document.addEventListener('keydown', () => bench.keys.push(performance.now()), true);
    new MutationObserver(() => (bench.lastChange = performance.now())).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
    });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        bench.tasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask' });
  });

/** Types one word into the emptied search box and measures until its results are shown. */
const typeWord = async (page: Page, word: string, keyDelay: number): Promise<Sample> => {
  const box = page.locator('input[name="q"]');
  const isListRequest = (url: string, q: string | null) =>
    url.includes('/caladeo-contacts/contacts?') || url.endsWith('/caladeo-contacts/contacts')
      ? new URL(url).searchParams.get('q') === q
      : false;
  if ((await box.inputValue()) !== '') {
    const cleared = page.waitForResponse((response) => isListRequest(response.url(), null));
    await box.fill('');
    await cleared;
  }
  await page.waitForTimeout(SETTLED_MS);
  await page.evaluate(() => {
    const { bench } = window as unknown as { bench: { keys: number[]; tasks: unknown[] } };
    bench.keys.length = 0;
    bench.tasks.length = 0;
    performance.clearResourceTimings();
  });
  const answered = page.waitForResponse((response) => isListRequest(response.url(), word), {
    timeout: 60_000,
  });
  await box.click();
  await page.keyboard.type(word, { delay: keyDelay });
  await answered;
  await page.waitForFunction(
    (settled) => {
      const { bench } = window as unknown as { bench: { lastChange: number } };
      return performance.now() - bench.lastChange > settled;
    },
    SETTLED_MS,
    { polling: 50, timeout: 30_000 }
  );
  return page.evaluate((typed) => {
    const { bench } = window as unknown as {
      bench: { keys: number[]; lastChange: number; tasks: Array<{ start: number; duration: number }> };
    };
    const first = bench.keys[0] ?? 0;
    const last = bench.keys[bench.keys.length - 1] ?? 0;
    const tasks = bench.tasks.filter((task) => task.start >= first);
    const request = performance
      .getEntriesByType('resource')
      .find(
        (entry) =>
          entry.name.includes('/caladeo-contacts/contacts?') &&
          new URL(entry.name).searchParams.get('q') === typed
      );
    return {
      latency: bench.lastChange - last,
      request: request ? request.duration : null,
      longestTask: Math.max(0, ...tasks.map((task) => task.duration)),
      tasksOver50: tasks.length,
      tasksOver100: tasks.filter((task) => task.duration > 100).length,
    };
  }, word);
};

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
};
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

/** The self time of each function of a CPU profile, in ms, largest first. */
export const selfTimes = (profile: CpuProfile) => {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const frame = byId.get(id)?.callFrame;
    if (!frame) return;
    const file = frame.url.split('/').pop() ?? '';
    const name = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
    totals.set(name, (totals.get(name) ?? 0) + (profile.timeDeltas[index + 1] ?? 0) / 1000);
  });
  return [...totals].sort((a, b) => b[1] - a[1]);
};

/**
 * Counts, by component name, the components React renders in each commit, through the hook React
 * DevTools uses (production builds call it too). A fiber rendered in a commit carries React's
 * PerformedWork flag (1); one carried over unchanged from the previous commit is the same object
 * as in that commit's tree, so it is not counted again. Counting starts once `window.renders` exists.
 */
const RENDER_COUNTER = `(() => {
  let commit = 0;
  const lastSeen = new WeakMap();
  const nameOf = (type) => {
    if (typeof type === 'function') return type.displayName || type.name || '(anonymous)';
    if (type && typeof type === 'object') {
      if (type.displayName) return type.displayName;
      if (type.type) return 'memo(' + nameOf(type.type) + ')';
      if (type.render) return 'forwardRef(' + (type.render.displayName || type.render.name || '') + ')';
    }
    return null;
  };
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    isDisabled: false,
    supportsFiber: true,
    renderers: new Map(),
    inject(renderer) { this.renderers.set(this.renderers.size + 1, renderer); return this.renderers.size; },
    checkDCE() {},
    onScheduleFiberRoot() {},
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    onCommitFiberRoot(id, root) {
      commit += 1;
      const renders = window.renders;
      const stack = [root.current];
      while (stack.length > 0) {
        const fiber = stack.pop();
        const name = nameOf(fiber.type);
        if (renders && name && (fiber.flags & 1) && lastSeen.get(fiber) !== commit - 1)
          renders[name] = (renders[name] || 0) + 1;
        lastSeen.set(fiber, commit);
        if (fiber.sibling) stack.push(fiber.sibling);
        if (fiber.child) stack.push(fiber.child);
      }
      if (renders) renders['(commits)'] = (renders['(commits)'] || 0) + 1;
    },
  };
})();`;

/** The time spent under each function of a CPU profile (its calls included), in ms. */
const totalTimes = (profile: CpuProfile) => {
  const parent = new Map<number, ProfileNode>();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node);
  const totals = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const names = new Set<string>();
    for (let node = byId.get(id); node; node = parent.get(node.id))
      if (node.callFrame.functionName) names.add(node.callFrame.functionName);
    for (const name of names)
      totals.set(name, (totals.get(name) ?? 0) + (profile.timeDeltas[index + 1] ?? 0) / 1000);
  });
  return [...totals].sort((a, b) => b[1] - a[1]);
};

/** Samples the page's main thread every 200 µs until `stop` writes the profile to a file. */
const startProfiler = async (page: Page) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.evaluate(() => Object.assign(window, { renders: {} }));
  return {
    async stop(file: string) {
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
      const renders = await page.evaluate(
        () => (window as unknown as { renders: Record<string, number> }).renders
      );
      fs.writeFileSync(file, JSON.stringify(profile));
      const show = (title: string, rows: Array<[string, number]>, digits = 1) => {
        console.log(`\n${title}`);
        for (const [name, value] of rows.slice(0, 40))
          console.log(`${value.toFixed(digits).padStart(9)}  ${name}`);
      };
      console.log(`\nCPU profile written to ${file}`);
      show('self time per function (ms):', selfTimes(profile));
      show('time under each function, its calls included (ms):', totalTimes(profile));
      show(
        'components rendered (all commits of the counted words):',
        Object.entries(renders).sort((a, b) => b[1] - a[1]),
        0
      );
    },
  };
};

const figure = (value: number) => (Number.isNaN(value) ? '–' : String(Math.round(value)));
const summary = (samples: readonly Sample[]) => {
  const latencies = samples.map((sample) => sample.latency).sort((a, b) => a - b);
  const requests = samples
    .flatMap((sample) => (sample.request === null ? [] : [sample.request]))
    .sort((a, b) => a - b);
  return {
    latency: `${figure(percentile(latencies, 0.5))} / ${figure(percentile(latencies, 0.95))}`,
    request: `${figure(percentile(requests, 0.5))} / ${figure(percentile(requests, 0.95))}`,
    longest: figure(Math.max(...samples.map((sample) => sample.longestTask))),
    over100: String(samples.reduce((sum, sample) => sum + sample.tasksOver100, 0)),
  };
};

export default async function benchTyping(strapi: Core.Strapi, argv: readonly string[]) {
  const options = parseArgv(argv);
  const contacts = await strapi.db.query(UID.contact).count();
  if (contacts < 1000)
    throw usageError(`only ${contacts} contacts: seed first (npm run seed:bulk -- --contacts 1000000)`);
  const classes = await wordClasses(strapi, options.perClass);
  await ensureBenchAdmin(strapi);
  const server = await startStrapiProcess({});
  const browser = await launchBrowser();
  const results: Array<{ label: string; samples: Sample[] }> = [];
  try {
    const page = await loginAs(browser, server.baseUrl, BENCH_ADMIN.email, BENCH_ADMIN.password);
    if (options.profile) await page.addInitScript(RENDER_COUNTER);
    await page.goto(`${server.baseUrl}/admin/plugins/caladeo-contacts`);
    await page.locator('input[name="q"]').waitFor();
    await page.waitForTimeout(2000);
    await observe(page);
    // one word first, not counted: the first search warms the server's and the browser's caches
    await typeWord(page, classes[0]?.words[0] ?? 'martin', options.keyDelay);
    const profiler = options.profile ? await startProfiler(page) : null;
    for (const { label, words } of classes) {
      const samples: Sample[] = [];
      for (const word of words) {
        const sample = await typeWord(page, word, options.keyDelay);
        console.log(
          `${label}: ${word} → ${Math.round(sample.latency)} ms (request ${Math.round(sample.request ?? NaN)} ms, longest task ${Math.round(sample.longestTask)} ms, ${sample.tasksOver50} over 50 ms)`
        );
        samples.push(sample);
      }
      results.push({ label, samples });
    }
    if (profiler && options.profile) await profiler.stop(options.profile);
  } finally {
    await browser.close();
    await server.stop();
  }

  const all = results.flatMap((result) => result.samples);
  const rows = [...results, { label: '**all words**', samples: all }].map(({ label, samples }) => {
    const figures = summary(samples);
    return `| ${label} | ${samples.length} | ${figures.latency} | ${figures.request} | ${figures.longest} | ${figures.over100} |`;
  });
  const load = os
    .loadavg()
    .map((value) => value.toFixed(1))
    .join(', ');
  const section = [
    TITLE,
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench:typing -- --per-class ${options.perClass} --key-delay ${options.keyDelay}\` (\`scripts/bench-typing.ts\`) on ${strapi.db.dialect.client} with ${contacts.toLocaleString('en')} contacts: the production admin served by \`strapi start\`, Chromium ${browser.version()} at 1440×900, one key every ${options.keyDelay} ms, the list's typing pause ${TYPING_PAUSE_MS} ms. Load average at the end: ${load} (2 cores).`,
    '',
    '| words | typed | keystroke to results p50 / p95 (ms) | list request p50 / p95 (ms) | longest task (ms) | tasks over 100 ms |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    'Keystroke to results runs from the last key to the last change the list makes once its answer has come, so it holds the typing pause, the request and the rendering. The longest task is the longest main-thread task (Long Tasks API) from the first key of a word to its results.',
  ].join('\n');
  console.log(`\n${section}`);
  if (options.write) console.log(`\nwritten to ${await writeBenchmarksSection(TITLE, section)}`);
}
