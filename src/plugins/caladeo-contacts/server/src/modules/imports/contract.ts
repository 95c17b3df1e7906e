/** What the API document says of the import routes (docs/imports.md). */
import { z } from 'zod';
import { IMPORT_MODES, IMPORT_STATUSES } from '../../../../shared/constants';
import { documentIdSchema, formatted, integer, singleEnvelope, type RouteDocs } from '../api-docs';
import { IMPORT_TARGETS } from './mapping';

const counts = z.object({
  total: integer(),
  created: integer(),
  updated: integer(),
  unchanged: integer(),
  failed: integer(),
});

const importSummary = z
  .object({
    documentId: documentIdSchema,
    status: z.enum(IMPORT_STATUSES),
    dryRun: z.boolean(),
    mode: z.enum(IMPORT_MODES),
    clearEmpty: z.boolean(),
    createClients: z.boolean(),
    fileName: z.string().nullable(),
    file: z.object({
      format: z.enum(['csv', 'xlsx']),
      encoding: z.string().nullable(),
      delimiter: z.string().nullable(),
      sheet: z.string().nullable(),
    }),
    headerRow: integer(),
    mapping: z
      .object({})
      .catchall(z.enum(IMPORT_TARGETS as [string, ...string[]]).nullable())
      .meta({
        description:
          'Header → contact field, or a link target (client, clientRole, clientPrimary, offerReference, offerRole); null for an ignored column.',
      }),
    consent: z.object({ source: z.string(), consentedAt: z.string() }).nullable(),
    counts: counts.nullable().meta({ description: 'In a dry run, what the import would do.' }),
    progress: z.object({ done: integer(), total: integer() }),
    undo: z.object({ undone: integer(), keptEdited: integer() }).nullable(),
    requestedBy: z.string().nullable(),
    error: z.string().nullable(),
    createdAt: formatted('date-time'),
    startedAt: formatted('date-time').nullable(),
    finishedAt: formatted('date-time').nullable(),
  })
  .meta({ id: 'ContactImport', description: 'A contact import: its file, mapping, progress and counts.' });

export const IMPORT_ANSWER = singleEnvelope(importSummary);
export const IMPORT_PARAMS = { documentId: documentIdSchema };

const NOT_FOUND = 'No import has this documentId.';

export const IMPORT_DOCS = {
  create: {
    tag: 'Imports',
    summary: 'Import a CSV or XLSX file of contacts',
    description:
      'Multipart: `file`, and optional `mode` (create, update, upsert), `dryRun`, `clearEmpty`, `createClients` (a client the file names and none is called gets created), `mapping` (JSON), `consent` (JSON `{ source, consentedAt }`), `encoding`, `delimiter`, `sheet`. The rows are then run by a job.',
    success: { status: 202, description: 'The import, queued.' },
    errors: {
      400: 'The file cannot be imported (empty, unreadable, no header row, too large…) or a field is wrong.',
    },
  },
  findOne: {
    tag: 'Imports',
    summary: 'Get an import',
    success: { status: 200, description: 'The import, with its progress and counts.' },
    errors: { 400: 'The documentId is malformed.', 404: NOT_FOUND },
  },
  errors: {
    tag: 'Imports',
    summary: 'Download the rows an import could not take',
    success: {
      status: 200,
      description:
        'The failed rows as they were in the file, then the errors in the language of whoever started the import (`Erreurs` in French, `Errors` in English: an admin user’s interface language, else the Accept-Language of the POST, French by default) and their codes (`erreur_code`: `field:code ; …`).',
      media: 'text/csv; charset=utf-8',
    },
    errors: { 400: 'The documentId is malformed.', 404: NOT_FOUND },
  },
  cancel: {
    tag: 'Imports',
    summary: 'Cancel an import',
    description: 'A running import stops at its next chunk of rows and puts back what it wrote.',
    success: { status: 200, description: 'The import.' },
    errors: { 400: 'The import is neither queued nor running.', 404: NOT_FOUND },
  },
  undo: {
    tag: 'Imports',
    summary: 'Undo a completed import',
    success: { status: 202, description: 'The import, being undone.' },
    errors: { 400: 'The import is not a completed import that was no dry run.', 404: NOT_FOUND },
  },
} satisfies Record<string, RouteDocs>;
