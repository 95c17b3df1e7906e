/**
 * An operator's import, from a terminal, of a file too big or too sensitive for the browser:
 *
 *   npm run import -- FILE [--mapping auto|MAPPING.json] [--mode create|update|upsert] [--dry-run]
 *     [--clear-empty] [--create-clients] [--consent-source TEXT --consented-at DATE] [--encoding X] [--delimiter X]
 *     [--sheet X]
 *
 * It is the same import as `POST /api/caladeo-contacts/imports` (same checks, same job, same
 * consent log, undoable the same way), run to its end in this process with a progress bar on
 * stderr. The final counts go to stdout; the failed rows to `FILE.errors.csv`.
 * Exit code: 0 when the import completed, 1 when it failed or was cancelled (Ctrl-C cancels it and
 * puts back what it wrote), 2 on a bad argument (nothing is started).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Core } from '@strapi/strapi';

import { IMPORT_JOB } from '../src/plugins/caladeo-contacts/server/src/modules/imports/jobs';
import type { ImportOptions } from '../src/plugins/caladeo-contacts/server/src/modules/imports/services/imports';
import { readImportFields } from '../src/plugins/caladeo-contacts/server/src/modules/imports/validation';
import { getService } from '../src/plugins/caladeo-contacts/server/src/utils/get-service';
import { createProgressReporter } from './lib/progress';

const USAGE = `usage: npm run import -- FILE [--mapping auto|MAPPING.json] [--mode create|update|upsert]
  [--dry-run] [--clear-empty] [--create-clients] [--consent-source TEXT --consented-at DATE]
  [--encoding X] [--delimiter ';'|','|tab|'|'] [--sheet NAME|NUMBER]`;

/** How often the progress is read from the database while the job runs. */
const POLL_MS = 250;
const FINISHED = new Set(['completed', 'failed', 'cancelled']);

/** An error the wrapper prints as it is (no stack) and exits with. */
class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 0 | 1 | 2
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

const badArgument = (message: string) => new CliError(`${message}\n${USAGE}`, 2);

/** The options that take a value, and the import field each one sets. */
const VALUE_OPTIONS = {
  '--mapping': 'mapping',
  '--mode': 'mode',
  '--consent-source': 'consentSource',
  '--consented-at': 'consentedAt',
  '--encoding': 'encoding',
  '--delimiter': 'delimiter',
  '--sheet': 'sheet',
} as const;
const FLAG_OPTIONS = {
  '--dry-run': 'dryRun',
  '--clear-empty': 'clearEmpty',
  '--create-clients': 'createClients',
} as const;

/** Where an import field came from on the command line, to name it in an error. */
const OPTION_OF_FIELD: Record<string, string> = {
  mode: '--mode',
  dryRun: '--dry-run',
  clearEmpty: '--clear-empty',
  createClients: '--create-clients',
  mapping: '--mapping',
  consent: '--consent-source/--consented-at',
  'consent.source': '--consent-source',
  'consent.consentedAt': '--consented-at',
  encoding: '--encoding',
  delimiter: '--delimiter',
  sheet: '--sheet',
};

export type ImportCommand = { file: string; options: ImportOptions };

const readMapping = (value: string) => {
  if (value === 'auto') return undefined;
  let text: string;
  try {
    text = fs.readFileSync(value, 'utf8');
  } catch {
    throw badArgument(`--mapping: cannot read ${value} (give "auto" or a JSON file)`);
  }
  return text;
};

/** Reads the command line; anything wrong is a message naming the argument, before Strapi boots. */
export function parseArgv(argv: readonly string[]): ImportCommand {
  const given: Partial<Record<string, string>> = {};
  const flags: Record<string, 'true'> = {};
  const positional: string[] = [];
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] as string;
    if (arg === '--help' || arg === '-h') throw new CliError(USAGE, 0);
    if (arg in VALUE_OPTIONS) {
      const value = argv[index + 1];
      if (value === undefined || (value.startsWith('--') && value.length > 2)) {
        throw badArgument(`${arg} needs a value`);
      }
      given[VALUE_OPTIONS[arg as keyof typeof VALUE_OPTIONS]] = value;
      index += 1;
    } else if (arg in FLAG_OPTIONS) {
      flags[FLAG_OPTIONS[arg as keyof typeof FLAG_OPTIONS]] = 'true';
    } else if (arg.startsWith('-') && arg !== '-') {
      throw badArgument(`unknown option ${arg}`);
    } else {
      positional.push(arg);
    }
  }
  if (positional.length !== 1) {
    throw badArgument(
      positional.length === 0 ? 'FILE is required' : `FILE: one file only (got ${positional.length})`
    );
  }
  const file = path.resolve(positional[0] as string);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw badArgument(`FILE: no file at ${file}`);
  if (Boolean(given.consentSource) !== Boolean(given.consentedAt)) {
    throw badArgument(
      '--consent-source and --consented-at go together: where and when these people consented'
    );
  }

  const fields: Record<string, string> = { ...flags };
  if (given.mode !== undefined) fields.mode = given.mode;
  if (given.encoding !== undefined) fields.encoding = given.encoding;
  if (given.delimiter !== undefined) fields.delimiter = given.delimiter === 'tab' ? '\t' : given.delimiter;
  if (given.sheet !== undefined) fields.sheet = given.sheet;
  const mapping = given.mapping === undefined ? undefined : readMapping(given.mapping);
  if (mapping !== undefined) fields.mapping = mapping;
  if (given.consentSource && given.consentedAt) {
    fields.consent = JSON.stringify({ source: given.consentSource, consentedAt: given.consentedAt });
  }

  // the same reader as the API's, so that the command line and the API take the same options
  const read = readImportFields(fields);
  if (!read.ok) {
    const lines = read.errors.map((error) => {
      const field = error.path.join('.');
      const option = OPTION_OF_FIELD[field] ?? OPTION_OF_FIELD[error.path[0] ?? ''] ?? field;
      return `${option}: ${error.message}`;
    });
    throw badArgument(lines.join('\n'));
  }
  return { file, options: read.value };
}

type Summary = NonNullable<Awaited<ReturnType<ReturnType<typeof importsOf>['summary']>>>;
const importsOf = (strapi: Core.Strapi) => getService(strapi, 'imports');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The field errors of a refused file or mapping, one line each. */
const describeRefusal = (error: unknown) => {
  const details = (error as { details?: { errors?: { message: string }[] } }).details?.errors;
  return details?.length ? details.map((entry) => entry.message).join('\n') : String(error);
};

const printCounts = (summary: Summary, out: NodeJS.WriteStream) => {
  const { total, created, updated, unchanged, failed } = summary.counts as Record<string, number>;
  out.write(
    [
      `import ${summary.documentId}: ${summary.status}${summary.dryRun ? ' (dry run: nothing was written)' : ''}`,
      `  rows      ${total}`,
      `  created   ${created}`,
      `  updated   ${updated}`,
      `  unchanged ${unchanged}`,
      `  failed    ${failed}`,
      '',
    ].join('\n')
  );
};

export default async function runImport(strapi: Core.Strapi, argv: string[]) {
  const { file, options } = parseArgv(argv);
  const imports = importsOf(strapi);
  const requestedBy = `cli:${os.userInfo().username}`;

  let created: Summary;
  try {
    // the agency's language: the error file is read by its staff
    created = await imports.create({ path: file, name: path.basename(file) }, options, {
      name: requestedBy,
      language: 'fr',
    });
  } catch (error) {
    if ((error as { name?: string }).name === 'ValidationError') {
      throw new CliError(`the file cannot be imported:\n${describeRefusal(error)}`, 1);
    }
    throw error;
  }
  const documentId = created.documentId;
  process.stderr.write(
    `import ${documentId}: ${created.progress.total} rows from ${path.basename(file)}, mode ${options.mode}` +
      `${options.dryRun ? ', dry run' : ''}\n`
  );

  // Ctrl-C cancels the import: it stops at its next batch and puts back what it wrote
  const cancel = () => {
    process.stderr.write('\ncancelling: what the import wrote is being put back…\n');
    void imports.cancel(documentId).catch(() => undefined);
  };
  process.once('SIGINT', cancel);

  const progress = createProgressReporter(process.stderr, { label: 'import' });
  let polling = true;
  const poll = (async () => {
    while (polling) {
      const now = await imports.summary(documentId);
      if (now) progress.update(now.progress.done, now.progress.total);
      await sleep(POLL_MS);
    }
  })();

  let summary: Summary | null = null;
  try {
    const jobs = getService(strapi, 'jobs');
    for (;;) {
      // runs the job here; one waiting for its retry delay (or taken by a server) is waited for
      await jobs.drain([IMPORT_JOB.kind]);
      summary = await imports.summary(documentId);
      if (!summary || FINISHED.has(summary.status)) break;
      await sleep(1000);
    }
  } finally {
    polling = false;
    await poll;
    process.removeListener('SIGINT', cancel);
  }
  if (!summary) throw new CliError(`import ${documentId} is gone`, 1);
  progress.finish(summary.progress.done, summary.progress.total);

  printCounts(summary, process.stdout);
  const failedRows = (summary.counts as Record<string, number>).failed ?? 0;
  if (failedRows > 0) {
    const errorsFile = `${file}.errors.csv`;
    const csv = await imports.errorsCsv(documentId);
    if (csv) await pipeline(csv, fs.createWriteStream(errorsFile));
    process.stdout.write(`the ${failedRows} failed rows, with what is wrong: ${errorsFile}\n`);
  }
  if (summary.status !== 'completed') {
    throw new CliError(`the import ${summary.status}${summary.error ? `: ${summary.error}` : ''}`, 1);
  }
}
