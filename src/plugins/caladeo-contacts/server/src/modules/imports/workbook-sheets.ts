import ExcelJS from 'exceljs';

type WorkbookModel = { sheets?: Array<{ name?: string }> };

/**
 * The sheet names of a workbook, in the order of its tabs. The streaming reader knows them all
 * (from the workbook's index) once it reaches the first sheet, so the rest of the file is not read.
 */
export const workbookSheetNames = async (path: string): Promise<string[]> => {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'ignore',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
  });
  for await (const worksheet of reader) {
    const model = (reader as unknown as { model?: WorkbookModel }).model;
    const names = (model?.sheets ?? []).map((sheet) => sheet.name ?? '').filter(Boolean);
    return names.length > 0 ? names : [String((worksheet as unknown as { name?: string }).name ?? '1')];
  }
  return [];
};
