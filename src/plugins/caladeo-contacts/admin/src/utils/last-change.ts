import type { IntlShape } from 'react-intl';
import type { LastChange } from '../../../shared/contracts/admin';
import type { MessageKey } from './translate';

/** Translates a key of the tab (`useT`'s `t`). */
type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/**
 * Who made the change, as the end of « Modifié le … par … »: the person for the agency's staff,
 * the source otherwise (the app of an API token, the import's file, the website form…), with the
 * entry point's label of the history section. `jobKind` names a job kind as the Tâches page does.
 */
const authorText = (t: Translate, jobKind: (kind: string) => string, by: NonNullable<LastChange['by']>) => {
  const entryPoint = t(`history.entryPoint.${by.entryPoint}` as MessageKey);
  if (!by.name) return t('lastChange.byUnnamed', { type: by.type, entryPoint });
  const name = by.type === 'job' ? jobKind(by.name) : by.name;
  return t('lastChange.by', { type: by.type, name, entryPoint });
};

/**
 * « Modifié le 3 décembre 2026 à 14:05 par Marie Dupont » (« Créé le … » for a record never
 * changed since), in the admin's language and time zone; without a name when the history does not
 * tell. `feminine` agrees the French participle with the record (« Modifiée » for an offer).
 */
export const lastChangeText = (
  t: Translate,
  intl: Pick<IntlShape, 'formatDate' | 'formatTime'>,
  jobKind: (kind: string) => string,
  change: LastChange,
  feminine = false
) => {
  const values = {
    gender: feminine ? 'feminine' : 'other',
    date: intl.formatDate(change.at, { day: 'numeric', month: 'long', year: 'numeric' }),
    time: intl.formatTime(change.at, { hour: '2-digit', minute: '2-digit' }),
  };
  const created = change.kind === 'created';
  if (!change.by) return t(created ? 'lastChange.created' : 'lastChange.modified', values);
  return t(created ? 'lastChange.createdBy' : 'lastChange.modifiedBy', {
    ...values,
    by: authorText(t, jobKind, change.by),
  });
};
