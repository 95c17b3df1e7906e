import path from 'path';
import unzipper from 'unzipper';
import WorkbookXform, { type WorkbookModelSheet } from 'exceljs/lib/xlsx/xform/book/workbook-xform';
import RelationshipsXform from 'exceljs/lib/xlsx/xform/core/relationships-xform';

/** One tab of a workbook: its name, and the number of its `xl/worksheets/sheet<n>.xml` part. */
export type WorkbookSheet = { name: string; part: string };
/** The tabs of a workbook in their order, and the entries its reader is seeded with. */
export type WorkbookIndex = { sheets: WorkbookSheet[]; model: { sheets: WorkbookModelSheet[] } };

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const WORKSHEET_PART = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/** A relationship's target, from the workbook's folder (`worksheets/sheet1.xml`) or absolute (`/xl/…`). */
const partPath = (target: string) =>
  target.startsWith('/') ? path.posix.normalize(target.slice(1)) : path.posix.join('xl', target);

/**
 * The workbook's own index of its tabs, read from the zip's central directory before any row:
 * `xl/workbook.xml` (names in tab order) joined with its relationships (the part of each tab).
 * The streaming reader alone names a tab only if that index came before the tab's part in the zip,
 * which writers do not promise; chart sheets, which hold no rows, are left out. Null when the file
 * is a zip but not a workbook.
 */
export const readWorkbookIndex = async (file: string): Promise<WorkbookIndex | null> => {
  const directory = await unzipper.Open.file(file);
  const entry = (name: string) => directory.files.find((candidate) => candidate.path === name);
  const workbookEntry = entry(WORKBOOK);
  const relsEntry = entry(WORKBOOK_RELS);
  if (!workbookEntry || !relsEntry) return null;
  const model = await new WorkbookXform().parseStream(workbookEntry.stream());
  const rels = await new RelationshipsXform().parseStream(relsEntry.stream());
  const sheets = (model?.sheets ?? []).flatMap((sheet): WorkbookSheet[] => {
    const rel = (rels ?? []).find((candidate) => candidate.Id === sheet.rId);
    const part = rel && WORKSHEET_PART.exec(partPath(rel.Target))?.[1];
    return sheet.name && part ? [{ name: sheet.name, part }] : [];
  });
  return { sheets, model: { sheets: model?.sheets ?? [] } };
};

/**
 * The tab a user asked for: by its name, else by its number in the tab order (`2`); the first tab
 * when none (or an empty name) is asked for.
 */
export const chooseSheet = (index: WorkbookIndex, asked: string | undefined): WorkbookSheet | undefined =>
  !asked
    ? index.sheets[0]
    : (index.sheets.find((sheet) => sheet.name === asked) ??
      (/^\d+$/.test(asked) ? index.sheets[Number(asked) - 1] : undefined));
