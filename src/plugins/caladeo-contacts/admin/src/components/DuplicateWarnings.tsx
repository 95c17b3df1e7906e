import { useEffect, useState } from 'react';
import { Alert, Box, Flex, Link, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { NavLink } from 'react-router-dom';
import type { LikelyDuplicate, LikelyDuplicatesResponse } from '../../../shared/contracts/admin';
import { API } from '../utils/api';
import { PATHS } from '../utils/paths';
import { useT, type MessageKey } from '../utils/translate';

/** What the check compares; the other fields do not tell people apart. */
const COMPARED_FIELDS = ['firstName', 'lastName', 'email', 'phone', 'postalCode', 'city', 'country'] as const;
/** Wait for a pause in the typing before asking. */
const DEBOUNCE_MS = 400;

type Values = Record<string, string | boolean | null>;

/**
 * The contacts that look like the one being typed, with why and a link to each. They explain;
 * they never stop the save (the server refuses only an e-mail already used).
 */
export const DuplicateWarnings = ({ values, documentId }: { values: Values; documentId?: string }) => {
  const { t } = useT();
  const { post } = useFetchClient();
  const [found, setFound] = useState<LikelyDuplicate[]>([]);
  const compared = JSON.stringify(
    Object.fromEntries(
      COMPARED_FIELDS.flatMap((name) => {
        const value = values[name];
        return typeof value === 'string' && value.trim() !== '' ? [[name, value]] : [];
      })
    )
  );

  useEffect(() => {
    const data = JSON.parse(compared) as Record<string, string>;
    // a country alone matches no one
    if (Object.keys(data).filter((name) => name !== 'country').length === 0) {
      setFound([]);
      return;
    }
    let current = true;
    const timer = window.setTimeout(() => {
      post<LikelyDuplicatesResponse>(`${API}/contacts/duplicates/check`, {
        data: { ...data, ...(documentId ? { documentId } : {}) },
      })
        .then(({ data: answer }) => {
          if (current) setFound(answer.data);
        })
        // a failed check shows nothing: it must never get in the way of the form
        .catch(() => current && setFound([]));
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [compared, documentId, post]);

  if (found.length === 0) return null;
  return (
    <Box paddingBottom={4}>
      <Alert variant="warning" title={t('duplicates.warningTitle')} closeLabel={t('duplicates.close')}>
        <Flex direction="column" alignItems="stretch" gap={1} paddingTop={1}>
          {found.map(({ contact, reasons }) => (
            <Typography key={contact.documentId} variant="omega">
              <Link tag={NavLink} to={PATHS.contact(contact.documentId)} target="_blank">
                {[contact.firstName, contact.lastName].filter(Boolean).join(' ') ||
                  contact.email ||
                  t('contact.unnamed')}
              </Link>{' '}
              — {reasons.map((reason) => t(`duplicates.reason.${reason}` as MessageKey)).join(', ')}
            </Typography>
          ))}
        </Flex>
      </Alert>
    </Box>
  );
};
