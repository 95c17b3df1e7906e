import fs from 'fs';
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { singleFieldError } from '../../../utils/errors';
import { problem } from '../../../validation';
import { importSettings } from '../settings';

type UploadedFile = { filepath: string; originalFilename?: string | null; size: number };

const uploadedFile = (ctx: Context): UploadedFile => {
  const files =
    (ctx.request as unknown as { files?: Record<string, UploadedFile | UploadedFile[]> }).files ?? {};
  const file = files.file;
  if (!file) throw singleFieldError('file', problem('required'));
  if (Array.isArray(file)) throw singleFieldError('file', problem('field.invalid'));
  return file;
};

/**
 * Runs `work` on the multipart request's `file` and its other fields, then removes the upload,
 * whatever happened: an import keeps its rows in the database, never the file. A missing or
 * too-large file is refused naming `file`.
 */
export const withUploadedFile = async <T>(
  strapi: Core.Strapi,
  ctx: Context,
  work: (file: { path: string; name: string }, fields: Record<string, unknown>) => Promise<T>
): Promise<T> => {
  const file = uploadedFile(ctx);
  try {
    const { maxFileBytes } = importSettings(strapi);
    if (file.size > maxFileBytes)
      throw singleFieldError('file', problem('import.fileTooLarge', { max: maxFileBytes }));
    const { file: _file, ...fields } = (ctx.request.body ?? {}) as Record<string, unknown>;
    return await work({ path: file.filepath, name: file.originalFilename ?? 'import' }, fields);
  } finally {
    await fs.promises.rm(file.filepath, { force: true });
  }
};
