import { foldedNameKey } from '../../validation/fold';

/** What makes two template names the same: case, accents and runs of spaces aside (a unique index on it). */
export const templateNameKey = foldedNameKey;
