import { useState } from 'react';
import {
  Box,
  Button,
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  TextInput,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';
import { PersonExportMenu } from '../components/PersonExportMenu';
import { TableHeadings } from '../components/TableHeadings';
import { TabNav } from '../components/TabNav';
import { API, fieldErrorsOf, messageOf } from '../utils/api';
import { PATHS } from '../utils/paths';
import { useT, type MessageKey } from '../utils/translate';
import { usePersonExport } from '../utils/usePersonExport';

type LookupMatch = {
  documentId: string;
  firstName: string | null;
  lastName: string | null;
  matchedBy: 'email' | 'emailAlias' | 'phone';
};

type By = 'email' | 'phone';

const MATCHED_BY: Record<LookupMatch['matchedBy'], MessageKey> = {
  email: 'privacy.matchedBy.email',
  emailAlias: 'privacy.matchedBy.emailAlias',
  phone: 'privacy.matchedBy.phone',
};

/**
 * "Demandes RGPD": a request of access or portability arrives by mail; the person is found by the
 * e-mail address or the phone number it gives (an address merged into a contact finds it too),
 * and everything held about them is exported as a JSON file or a readable summary.
 */
const PrivacyPage = () => {
  const { t, intl } = useT();
  const { get } = useFetchClient();
  const exports = usePersonExport();
  const [by, setBy] = useState<By>('email');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [matches, setMatches] = useState<LookupMatch[] | null>(null);
  const [searching, setSearching] = useState(false);

  const lookUp = async (event: React.FormEvent) => {
    event.preventDefault();
    setSearching(true);
    setError(undefined);
    try {
      const { data } = await get<{ data: LookupMatch[] }>(`${API}/contacts/lookup`, {
        params: { [by]: value },
      });
      setMatches(data.data);
    } catch (failure) {
      setMatches(null);
      const errors = fieldErrorsOf(failure, intl);
      setError(errors[by] ?? Object.values(errors)[0] ?? messageOf(failure));
    } finally {
      setSearching(false);
    }
  };

  return (
    <Page.Main>
      <Page.Title>{t('privacy.title')}</Page.Title>
      <Layouts.Header title={t('privacy.title')} subtitle={t('privacy.subtitle')} />
      <Layouts.Content>
        <TabNav current="privacy" />
        <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
          {/* the server checks the value, and names the problem in the admin's language */}
          <form noValidate onSubmit={(event) => void lookUp(event)}>
            <Flex gap={4} alignItems="flex-end">
              <Box minWidth="180px">
                <Field.Root name="by">
                  <Field.Label>{t('privacy.by')}</Field.Label>
                  <SingleSelect
                    value={by}
                    onChange={(next: string | number) => {
                      setBy(next === 'phone' ? 'phone' : 'email');
                      setError(undefined);
                    }}
                  >
                    <SingleSelectOption value="email">{t('privacy.byEmail')}</SingleSelectOption>
                    <SingleSelectOption value="phone">{t('privacy.byPhone')}</SingleSelectOption>
                  </SingleSelect>
                </Field.Root>
              </Box>
              <Box flex="1">
                <Field.Root name={by} error={error}>
                  <Field.Label>{by === 'email' ? t('privacy.byEmail') : t('privacy.byPhone')}</Field.Label>
                  <TextInput
                    type={by === 'email' ? 'email' : 'tel'}
                    value={value}
                    placeholder={by === 'email' ? 'helene.lefevre@example.fr' : '06 12 34 56 78'}
                    onChange={(change: React.ChangeEvent<HTMLInputElement>) => setValue(change.target.value)}
                  />
                  <Field.Error />
                </Field.Root>
              </Box>
              <Button type="submit" loading={searching}>
                {t('privacy.lookUp')}
              </Button>
            </Flex>
          </form>
        </Box>
        {matches !== null && (
          <Box paddingTop={6}>
            {matches.length === 0 ? (
              <Typography tag="p">{t('privacy.noMatch')}</Typography>
            ) : (
              <Table colCount={3} rowCount={matches.length + 1}>
                <TableHeadings keys={['privacy.contact', 'privacy.matchedBy', 'privacy.actions']} />
                <Tbody>
                  {matches.map((match) => (
                    <Tr key={match.documentId}>
                      <Td>
                        <Link to={PATHS.contact(match.documentId)}>
                          {[match.firstName, match.lastName].filter(Boolean).join(' ') || match.documentId}
                        </Link>
                      </Td>
                      <Td>
                        <Typography>{t(MATCHED_BY[match.matchedBy])}</Typography>
                      </Td>
                      <Td>
                        <PersonExportMenu documentId={match.documentId} exports={exports} />
                      </Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            )}
          </Box>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

export default PrivacyPage;
