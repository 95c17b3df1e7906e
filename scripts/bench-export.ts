/**
 * `npm run bench:export -- [--formats csv,xlsx] [--write]`
 *
 * Exports the whole contact list through the Contacts tab's export route, as the admin's export
 * dialog asks for it (admin session, every column, real HTTP), on the database the app is
 * configured for: PostgreSQL with a million contacts is the case that matters
 * (`npm run seed:bulk -- --contacts 1000000`). For each format it reports the time, the rows per
 * second, the bytes sent and the peak resident memory of this Node process (which holds the app
 * and reads the download), sampled every 50 ms. With `--write` the table also replaces the
 * "Exports at a million contacts" section of docs/benchmarks.md.
 */
import os from 'os';
import type { Core } from '@strapi/strapi';

import { UID } from '../src/plugins/caladeo-contacts/shared/constants';
import { EXPORT_FORMATS, type ExportFormat } from '../src/plugins/caladeo-contacts/shared/exports';
import { adminSession } from './lib/admin-session';
import { writeBenchmarksSection } from './lib/benchmarks-doc';
import { listen } from './lib/listen';

type Options = { formats: ExportFormat[]; write: boolean };
type Measure = { format: ExportFormat; seconds: number; bytes: number; rssStart: number; rssPeak: number };

const SECTION_TITLE = '## Exports at a million contacts';
const SAMPLE_MS = 50;
const MB = 1024 * 1024;

export function parseArgv(argv: readonly string[]): Options {
  const options: Options = { formats: [...EXPORT_FORMATS], write: false };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    if (arg === '--write') options.write = true;
    else if (arg === '--formats') {
      const formats = (argv[++index] ?? '').split(',');
      if (formats.some((format) => !(EXPORT_FORMATS as readonly string[]).includes(format)))
        throw new Error('--formats takes csv, xlsx or csv,xlsx');
      options.formats = formats as ExportFormat[];
    } else
      throw new Error(`unknown option ${arg}; usage: npm run bench:export -- [--formats csv,xlsx] [--write]`);
  }
  return options;
}

/** Downloads one export, reading and dropping its bytes, while sampling this process's memory. */
async function measureExport(baseUrl: string, token: string, format: ExportFormat): Promise<Measure> {
  global.gc?.();
  const rssStart = process.memoryUsage().rss;
  let rssPeak = rssStart;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  }, SAMPLE_MS);
  const started = process.hrtime.bigint();
  let bytes = 0;
  try {
    const response = await fetch(`${baseUrl}/caladeo-contacts/contacts/export?format=${format}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!response.ok || !response.body) throw new Error(`export ${format}: HTTP ${response.status}`);
    const reader = response.body.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
      bytes += chunk.value.length;
  } finally {
    clearInterval(sampler);
  }
  rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { format, seconds, bytes, rssStart, rssPeak };
}

export default async function benchExport(strapi: Core.Strapi, argv: string[]) {
  const options = parseArgv(argv);
  const rows = await strapi.db.query(UID.contact).count();
  if (rows < 1000)
    throw new Error(`only ${rows} contacts: seed first (npm run seed:bulk -- --contacts 1000000)`);
  const loadAtStart = os.loadavg().map((load) => load.toFixed(2));
  const server = await listen(strapi);
  const admin = await adminSession(strapi, server.baseUrl);
  const measures: Measure[] = [];
  try {
    for (const format of options.formats) {
      const measure = await measureExport(server.baseUrl, admin.token, format);
      measures.push(measure);
      console.log(
        `${format}: ${rows} rows in ${measure.seconds.toFixed(1)} s, ${Math.round(rows / measure.seconds)} rows/s, ` +
          `${(measure.bytes / MB).toFixed(1)} MB, RSS ${(measure.rssStart / MB).toFixed(0)} → peak ${(measure.rssPeak / MB).toFixed(0)} MB`
      );
    }
  } finally {
    await admin.remove();
    await server.close();
  }

  if (!options.write) return;
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  const table = [
    '| format | rows | time s | rows/s | file MB | RSS at start MB | peak RSS MB |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...measures.map(
      (measure) =>
        `| ${measure.format} | ${rows} | ${measure.seconds.toFixed(1)} | ${Math.round(rows / measure.seconds)} | ${(measure.bytes / MB).toFixed(1)} | ${(measure.rssStart / MB).toFixed(0)} | ${(measure.rssPeak / MB).toFixed(0)} |`
    ),
  ].join('\n');
  const file = await writeBenchmarksSection(
    SECTION_TITLE,
    `${SECTION_TITLE}

Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench:export -- --write\` (\`scripts/bench-export.ts\`): ${rows} contacts on ${strapi.db.dialect.client}, ${os.cpus().length} cores (${cpu}), ${Math.round(os.totalmem() / 1024 ** 3)} GiB, Node ${process.version}; load average at the start ${loadAtStart.join(', ')}.
\`GET /caladeo-contacts/contacts/export?format=…\` with an admin session, every default column (15), name order; the download is read and dropped in the same process, whose resident memory is sampled every ${SAMPLE_MS} ms.

${table}
`
  );
  console.log(`written to ${file}`);
}
