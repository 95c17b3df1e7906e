/**
 * A progress report for long work in a terminal: a bar redrawn in place when the stream is a
 * terminal, a plain line now and then when it goes to a log file or a pipe.
 */

export type ProgressReading = { done: number; total: number; elapsedMs: number };

const BAR_WIDTH = 24;
const grouped = new Intl.NumberFormat('en-GB');

/** `1:05` or `1:02:05`; what is left of an hour-long import matters more than its seconds. */
export const formatDuration = (ms: number) => {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const parts = [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60];
  const [hours, minutes, rest] = parts as [number, number, number];
  const pad = (value: number) => String(value).padStart(2, '0');
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(rest)}` : `${minutes}:${pad(rest)}`;
};

/** Rows done out of the total, the rate so far, and the time left at that rate (unknown before the first row). */
export const describeProgress = ({ done, total, elapsedMs }: ProgressReading) => {
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const left = rate > 0 && total >= done ? formatDuration(((total - done) / rate) * 1000) : '?';
  const percent = total > 0 ? Math.floor((done * 100) / total) : 0;
  return {
    percent,
    text: `${grouped.format(done)}/${grouped.format(total)} rows · ${grouped.format(Math.round(rate))} rows/s · ${left} left`,
  };
};

export const progressBar = (reading: ProgressReading) => {
  const { percent, text } = describeProgress(reading);
  const filled = Math.round((percent / 100) * BAR_WIDTH);
  return `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${String(percent).padStart(3)}% ${text}`;
};

/** Reports to `stream`: in place on a terminal, else a line every `lineEveryMs`. */
export const createProgressReporter = (
  stream: NodeJS.WriteStream,
  { label, lineEveryMs = 5000 }: { label: string; lineEveryMs?: number }
) => {
  const startedAt = Date.now();
  let lastLineAt = 0;
  const report = (done: number, total: number, final: boolean) => {
    const reading = { done, total, elapsedMs: Date.now() - startedAt };
    if (stream.isTTY) {
      stream.write(`\r${label} ${progressBar(reading)}\x1b[K${final ? '\n' : ''}`);
    } else if (final || Date.now() - lastLineAt >= lineEveryMs) {
      lastLineAt = Date.now();
      const { percent, text } = describeProgress(reading);
      stream.write(`${label} ${percent}% ${text}\n`);
    }
  };
  return {
    update: (done: number, total: number) => report(done, total, false),
    /** The last report, always shown, leaving the terminal's cursor on a fresh line. */
    finish: (done: number, total: number) => report(done, total, true),
  };
};
