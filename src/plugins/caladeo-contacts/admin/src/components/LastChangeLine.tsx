import { Flex, Typography } from '@strapi/design-system';
import type { LastChange } from '../../../shared/contracts/admin';
import { useJobKindLabel } from '../utils/job-kind';
import { useT, type MessageKey } from '../utils/translate';

/**
 * Who made the change, as the end of « Modifié le … par … »: the person for the agency's staff,
 * the source otherwise (the app of an API token, the import's file, the website form…), with the
 * entry point's label of the history section.
 */
const useAuthorText = () => {
  const { t } = useT();
  const jobKindLabel = useJobKindLabel();
  return (by: NonNullable<LastChange['by']>) => {
    const entryPoint = t(`history.entryPoint.${by.entryPoint}` as MessageKey);
    if (!by.name) return t('lastChange.byUnnamed', { type: by.type, entryPoint });
    const name = by.type === 'job' ? jobKindLabel(by.name) : by.name;
    return t('lastChange.by', { type: by.type, name, entryPoint });
  };
};

/**
 * « Modifié le 3 décembre 2026 à 14:05 par Marie Dupont » (« Créé le … » for a record never
 * changed since), in the admin's language. Without a name when the history does not tell.
 * `feminine` agrees the French participle with the record (« Modifiée » for an offer).
 */
export const LastChangeLine = ({ change, feminine = false }: { change: LastChange; feminine?: boolean }) => {
  const { t, intl } = useT();
  const authorText = useAuthorText();
  const values = {
    gender: feminine ? 'feminine' : 'other',
    date: intl.formatDate(change.at, { day: 'numeric', month: 'long', year: 'numeric' }),
    time: intl.formatTime(change.at, { hour: '2-digit', minute: '2-digit' }),
  };
  const text = change.by
    ? t(change.kind === 'created' ? 'lastChange.createdBy' : 'lastChange.modifiedBy', {
        ...values,
        by: authorText(change.by),
      })
    : t(change.kind === 'created' ? 'lastChange.created' : 'lastChange.modified', values);
  return (
    <Typography variant="pi" textColor="neutral600" tag="p" data-last-change="">
      {text}
    </Typography>
  );
};

/** A detail page's subtitle: its usual line (e-mail, type, reference) and the last change below. */
export const DetailSubtitle = ({
  text,
  change,
  feminine,
}: {
  text?: string | null;
  change: LastChange;
  feminine?: boolean;
}) => (
  <Flex direction="column" alignItems="flex-start" gap={1} paddingTop={1}>
    {text && (
      <Typography variant="epsilon" textColor="neutral600" tag="p">
        {text}
      </Typography>
    )}
    <LastChangeLine change={change} feminine={feminine} />
  </Flex>
);
