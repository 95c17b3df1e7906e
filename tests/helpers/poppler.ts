import { execFileSync } from 'node:child_process';

/**
 * The PDF tests read the quotes as a reader would, with poppler's command-line tools. Without
 * them, say what to install rather than fail with a bare ENOENT.
 */
const poppler = (tool: 'pdftotext' | 'pdfinfo', args: string[], pdf: Buffer) => {
  try {
    return execFileSync(tool, args, { input: pdf, encoding: 'utf8' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`the PDF tests need poppler's ${tool}: apt-get install poppler-utils`);
    }
    throw error;
  }
};

/** The text a reader would copy out of the PDF; `layout` keeps the columns in place. */
export const pdfText = (pdf: Buffer, options: { layout?: boolean } = {}) =>
  poppler('pdftotext', [...(options.layout ? ['-layout'] : []), '-', '-'], pdf);

export const pdfPageCount = (pdf: Buffer) =>
  Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', ['-'], pdf))?.[1]);
