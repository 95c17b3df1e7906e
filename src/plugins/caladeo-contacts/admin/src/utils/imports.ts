import { CONTACT_FIELD_CATALOGUE } from '../../../shared/fields';
import {
  IMPORT_EXTRA_TARGET_CATALOGUE,
  IMPORT_EXTRA_TARGETS,
  type ImportTarget,
} from '../../../shared/imports';
import type { ImportSummary } from '../../../shared/contracts/admin';

/**
 * The targets a column may be mapped to, labelled in the admin's language: contact fields, then
 * links and the newsletter consent's basis.
 */
export const importTargetOptions = (language: 'fr' | 'en') =>
  [
    ...Object.entries(CONTACT_FIELD_CATALOGUE).map(([name, spec]) => ({
      value: name,
      label: spec.label[language],
    })),
    ...IMPORT_EXTRA_TARGETS.map((name) => ({
      value: name,
      label: IMPORT_EXTRA_TARGET_CATALOGUE[name].label[language],
    })),
  ] as Array<{ value: ImportTarget; label: string }>;

/** An import whose rows are still being read or written. */
export const isRunning = (summary: Pick<ImportSummary, 'status'>) =>
  summary.status === 'queued' || summary.status === 'running';

/** An import that is still moving: its page reads it again until it settles. */
export const isLive = (summary: Pick<ImportSummary, 'status'>) =>
  isRunning(summary) || summary.status === 'undoing';

/** Rows per second since the import started, and the seconds left at that pace (null before a first batch). */
export const paceOf = (summary: ImportSummary, now: number) => {
  const { done, total } = summary.progress;
  const started = summary.startedAt ? new Date(summary.startedAt).getTime() : null;
  if (started === null || done === 0 || now <= started) return null;
  const rowsPerSecond = done / ((now - started) / 1000);
  return { rowsPerSecond, secondsLeft: Math.max(0, (total - done) / rowsPerSecond) };
};

/** "2 min 05 s", "45 s": a duration as a person reads it. */
export const formatDuration = (seconds: number) => {
  const whole = Math.round(seconds);
  const minutes = Math.floor(whole / 60);
  const rest = String(whole % 60).padStart(minutes > 0 ? 2 : 1, '0');
  return minutes > 0 ? `${minutes} min ${rest} s` : `${rest} s`;
};
