// The slices of unzipper 0.10 (the zip reader exceljs streams workbooks with; it ships no types) and
// of exceljs 4.4's own parsers of a workbook's index that read workbook-sheets.ts uses.
declare module 'unzipper' {
  import type { Readable } from 'stream';

  type CentralDirectoryEntry = { path: string; stream(): Readable };
  const unzipper: { Open: { file(path: string): Promise<{ files: CentralDirectoryEntry[] }> } };
  export default unzipper;
}

declare module 'exceljs/lib/xlsx/xform/book/workbook-xform' {
  import type { Readable } from 'stream';

  /** A `<sheet>` of `xl/workbook.xml`, as exceljs's stream reader keeps it in its `model`. */
  export type WorkbookModelSheet = { name?: string; id?: number; rId?: string; state?: string };
  export default class WorkbookXform {
    parseStream(stream: Readable): Promise<{ sheets?: WorkbookModelSheet[] } | undefined>;
  }
}

declare module 'exceljs/lib/xlsx/xform/core/relationships-xform' {
  import type { Readable } from 'stream';

  export default class RelationshipsXform {
    parseStream(stream: Readable): Promise<Array<{ Id: string; Target: string; Type?: string }> | undefined>;
  }
}
