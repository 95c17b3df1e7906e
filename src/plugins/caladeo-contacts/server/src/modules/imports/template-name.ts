import { foldCaseAndAccents } from '../../validation/fold';

/**
 * What makes two template names the same: case, accents and runs of spaces aside ("Fichier CE"
 * and "fichier  cé" are one name). A unique index on it settles two saves at the same moment.
 */
export const templateNameKey = (name: string) => foldCaseAndAccents(name).replace(/\s+/g, ' ').trim();
