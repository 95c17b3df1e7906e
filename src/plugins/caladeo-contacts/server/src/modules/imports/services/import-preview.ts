import type { Core } from '@strapi/strapi';
import { singleFieldError } from '../../../utils/errors';
import { problem } from '../../../validation';
import { findHeaderRow, HEADER_SEARCH_ROWS } from '../header-row';
import type { ImportPreview } from '../../../../../shared/contracts/admin';
import { proposeMapping } from '../mapping';
import { openFile, UnreadableFileError, type ReadOptions } from '../read-file';

/** Data rows shown under the headers, for the user to recognise the columns. */
export const PREVIEW_ROWS = 5;

const refuseFile = (code: UnreadableFileError['code']): never => {
  throw singleFieldError('file', problem(code));
};

const isBlank = (cells: readonly string[]) => cells.every((cell) => cell.trim() === '');

/**
 * What the admin's mapping step shows before anything is imported: how the file was read, its
 * headers, its first rows and the proposed mapping. Only the start of the file is read; nothing is
 * written.
 */
const importPreview = (_context: { strapi: Core.Strapi }) => ({
  async preview(path: string, options: ReadOptions): Promise<ImportPreview> {
    let opened: Awaited<ReturnType<typeof openFile>>;
    try {
      opened = await openFile(path, options);
    } catch (error) {
      if (error instanceof UnreadableFileError) return refuseFile(error.code);
      throw error;
    }
    const read: string[][] = [];
    try {
      for await (const cells of opened.rows()) {
        read.push(cells);
        // enough for the header search, then the rows shown under the headers
        if (read.length >= HEADER_SEARCH_ROWS + PREVIEW_ROWS) break;
      }
    } catch (error) {
      return refuseFile(error instanceof UnreadableFileError ? error.code : 'import.fileUnreadable');
    }
    if (read.every(isBlank)) return refuseFile('import.fileEmpty');
    // a file whose headers the catalogue does not know is still shown: the user maps it by hand
    const found = findHeaderRow(read.slice(0, HEADER_SEARCH_ROWS)) ?? {
      index: read.findIndex((cells) => !isBlank(cells)),
      headers: (read.find((cells) => !isBlank(cells)) as string[]).map((cell) => cell.trim()),
    };
    const rows = read
      .slice(found.index + 1)
      .filter((cells) => !isBlank(cells))
      .slice(0, PREVIEW_ROWS)
      .map((cells) => found.headers.map((_, column) => cells[column] ?? ''));
    return {
      file: opened.shape,
      sheets: opened.sheets,
      headerRow: found.index + 1,
      headers: found.headers,
      rows,
      mapping: proposeMapping(found.headers),
    };
  },
});

export type ImportPreviewService = ReturnType<typeof importPreview>;
export default importPreview;
