import { useEffect, useState } from 'react';
import { Alert, Box, Flex, Link, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { NavLink } from 'react-router-dom';
import type { LikelyClientDuplicate, LikelyDuplicate } from '../../../shared/contracts/admin';
import { API } from '../utils/api';
import { PATHS } from '../utils/paths';
import { useT, type MessageKey } from '../utils/translate';

/** Wait for a pause in the typing before asking. */
const DEBOUNCE_MS = 400;

type Values = Record<string, string | boolean | null>;

/** What a record form asks its kind's check route about, and which of those fields say nothing alone. */
type DuplicateCheck = {
  path: string;
  /** The fields the check compares; the others do not tell records apart. */
  compared: readonly string[];
  /** Fields that only qualify the others (a country alone matches no one). */
  qualifiers: readonly string[];
};

const CONTACT_CHECK: DuplicateCheck = {
  path: `${API}/contacts/duplicates/check`,
  compared: ['firstName', 'lastName', 'email', 'phone', 'postalCode', 'city', 'country'],
  qualifiers: ['country'],
};

const CLIENT_CHECK: DuplicateCheck = {
  path: `${API}/clients/duplicates/check`,
  // the country decides whether the SIRET is read as a French one
  compared: ['name', 'siret', 'city', 'country'],
  qualifiers: ['country'],
};

/**
 * The stored records that look like the one being typed, as the check route answers them, asked
 * again after each pause in the typing of a compared field. A failed check finds nothing.
 */
const useLikelyDuplicates = <Found,>(check: DuplicateCheck, values: Values, documentId?: string) => {
  const { post } = useFetchClient();
  const [found, setFound] = useState<Found[]>([]);
  const compared = JSON.stringify(
    Object.fromEntries(
      check.compared.flatMap((name) => {
        const value = values[name];
        return typeof value === 'string' && value.trim() !== '' ? [[name, value]] : [];
      })
    )
  );

  useEffect(() => {
    const data = JSON.parse(compared) as Record<string, string>;
    if (Object.keys(data).every((name) => check.qualifiers.includes(name))) {
      setFound([]);
      return;
    }
    let current = true;
    const timer = window.setTimeout(() => {
      // both routes answer `{ data: [...], meta: {} }` (LikelyDuplicatesResponse and its client twin)
      post<{ data: Found[] }>(check.path, { data: { ...data, ...(documentId ? { documentId } : {}) } })
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
  }, [check, compared, documentId, post]);

  return found;
};

type Warning = { documentId: string; label: string; to: string; reasons: string[] };

/** The warning above a record form: each look-alike as a link (opened in a new tab) and why. */
const DuplicatesAlert = ({ title, warnings }: { title: string; warnings: Warning[] }) => {
  const { t } = useT();
  if (warnings.length === 0) return null;
  return (
    <Box paddingBottom={4}>
      <Alert variant="warning" title={title} closeLabel={t('duplicates.close')}>
        {/* inside the alert's paragraph: phrasing elements only */}
        <Flex tag="span" direction="column" alignItems="stretch" gap={1} paddingTop={1}>
          {warnings.map((warning) => (
            <Typography key={warning.documentId} variant="omega">
              <Link tag={NavLink} to={warning.to} target="_blank">
                {warning.label}
              </Link>{' '}
              — {warning.reasons.join(', ')}
            </Typography>
          ))}
        </Flex>
      </Alert>
    </Box>
  );
};

type WarningsProps = { values: Values; documentId?: string };

/**
 * The contacts that look like the one being typed, with why and a link to each. They explain;
 * they never stop the save (the server refuses only an e-mail already used).
 */
export const ContactDuplicateWarnings = ({ values, documentId }: WarningsProps) => {
  const { t } = useT();
  const found = useLikelyDuplicates<LikelyDuplicate>(CONTACT_CHECK, values, documentId);
  return (
    <DuplicatesAlert
      title={t('duplicates.warningTitle')}
      warnings={found.map(({ contact, reasons }) => ({
        documentId: contact.documentId,
        label:
          [contact.firstName, contact.lastName].filter(Boolean).join(' ') ||
          contact.email ||
          t('contact.unnamed'),
        to: PATHS.contact(contact.documentId),
        reasons: reasons.map((reason) => t(`duplicates.reason.${reason}` as MessageKey)),
      }))}
    />
  );
};

/**
 * The clients that may be the body being typed (the same SIRET, the same name in the same town),
 * with why and a link to each. A warning only: the save goes through whatever they say.
 */
export const ClientDuplicateWarnings = ({ values, documentId }: WarningsProps) => {
  const { t } = useT();
  const found = useLikelyDuplicates<LikelyClientDuplicate>(CLIENT_CHECK, values, documentId);
  return (
    <DuplicatesAlert
      title={t('clientDuplicates.warningTitle')}
      warnings={found.map(({ client, reasons }) => ({
        documentId: client.documentId,
        label: [client.name, client.city && `(${client.city})`].filter(Boolean).join(' '),
        to: PATHS.client(client.documentId),
        reasons: reasons.map((reason) => t(`clientDuplicates.reason.${reason}` as MessageKey)),
      }))}
    />
  );
};
