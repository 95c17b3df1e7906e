import fs from 'fs';
import path from 'path';
import * as prettier from 'prettier';

/** docs/benchmarks.md, reached from the compiled dist/scripts/lib. */
export const BENCHMARKS_DOC = path.resolve(__dirname, '..', '..', '..', 'docs', 'benchmarks.md');

/** Where the `## …` heading line `title` starts in `text`, or -1: a longer title it prefixes does not count. */
const headingStart = (text: string, title: string) => {
  if (text.startsWith(`${title}\n`)) return 0;
  const index = text.indexOf(`\n${title}\n`);
  return index === -1 ? -1 : index + 1;
};

/**
 * Replaces a benchmark's section of docs/benchmarks.md (from its `## ` heading to the next one) or
 * appends it when the file has none, so that re-running a benchmark with --write updates its
 * figures in place. The file is then formatted as `npm run format:check` expects (prettier aligns
 * markdown tables), so a write does not break the format check.
 * @returns the file written
 */
export async function writeBenchmarksSection(title: string, section: string) {
  const existing = fs.existsSync(BENCHMARKS_DOC) ? fs.readFileSync(BENCHMARKS_DOC, 'utf8') : '# Benchmarks\n';
  const body = `${section.trimEnd()}\n`;
  const start = headingStart(existing, title);
  const end = start === -1 ? -1 : existing.indexOf('\n## ', start + title.length);
  const updated =
    start === -1
      ? `${existing.trimEnd()}\n\n${body}`
      : `${existing.slice(0, start)}${body}${end === -1 ? '' : `\n${existing.slice(end + 1)}`}`;
  const config = await prettier.resolveConfig(BENCHMARKS_DOC);
  fs.writeFileSync(BENCHMARKS_DOC, await prettier.format(updated, { ...config, filepath: BENCHMARKS_DOC }));
  return BENCHMARKS_DOC;
}
