import { z } from 'zod';
import { coded, readWith, wholeNumber } from '../../validation/issues';
import { problem } from '../../validation/messages';
import type { Reading } from '../../validation/types';
import type { Mapping } from './mapping';
import { importTarget } from './validation';

export const MAX_TEMPLATE_NAME = 100;
const MAX_PAGE_SIZE = 100;
const MAX_PAGE = 10_000;
/** More columns than any contact file has: a template's mapping is bounded. */
const MAX_TEMPLATE_COLUMNS = 500;

const parse = readWith;

const historyQuery = z.strictObject({
  page: wholeNumber(1, MAX_PAGE).default(1),
  pageSize: wholeNumber(1, MAX_PAGE_SIZE).default(20),
});

export type ImportHistoryQuery = { page: number; pageSize: number };

/** The history's query: `page` and `pageSize`, nothing else. */
export const readHistoryQuery = (query: unknown): Reading<ImportHistoryQuery> =>
  parse(historyQuery as z.ZodType<ImportHistoryQuery>, query);

const template = z.strictObject({
  name: z
    .string()
    .trim()
    .refine((name) => name.length > 0, coded(problem('required')))
    .max(MAX_TEMPLATE_NAME),
  mapping: z
    .record(z.string().trim().min(1).max(200), importTarget, coded(problem('value.notObject')))
    .refine(
      (mapping) => Object.keys(mapping).length <= MAX_TEMPLATE_COLUMNS,
      coded(problem('field.invalid'))
    ),
});

export type TemplateInput = { name: string; mapping: Mapping };

/** A template to save: a name of 1 to 100 characters and a mapping from header to target or null. */
export const readTemplateInput = (body: unknown): Reading<TemplateInput> =>
  parse(template as unknown as z.ZodType<TemplateInput>, body);
