import { Flex } from '@strapi/design-system';
import { LinkButton } from '@strapi/design-system';
import { NavLink } from 'react-router-dom';
import { useRBAC } from '@strapi/strapi/admin';
import { PERMISSIONS } from '../permissions';
import { PATHS } from '../utils/paths';
import { useT } from '../utils/translate';

/**
 * Contacts | Clients | Offres | Imports | Doublons | Tâches | Demandes RGPD | Conservation des données, each
 * shown only to a role that may use it.
 */
export const TabNav = ({
  current,
}: {
  current: 'contacts' | 'clients' | 'offers' | 'imports' | 'duplicates' | 'jobs' | 'privacy' | 'retention';
}) => {
  const { t } = useT();
  const contacts = useRBAC(PERMISSIONS.contacts.read);
  const clients = useRBAC(PERMISSIONS.clients.read);
  const offers = useRBAC(PERMISSIONS.offers.read);
  const imports = useRBAC(PERMISSIONS.imports.read);
  const jobs = useRBAC(PERMISSIONS.jobs.read);
  const privacyRequests = useRBAC(PERMISSIONS.privacy.export);
  const retention = useRBAC(PERMISSIONS.privacy.settings);
  return (
    <Flex gap={2} paddingBottom={4}>
      {contacts.allowedActions.canRead && (
        <LinkButton
          tag={NavLink}
          to={PATHS.contacts}
          variant={current === 'contacts' ? 'default' : 'tertiary'}
        >
          {t('nav.contacts')}
        </LinkButton>
      )}
      {clients.allowedActions.canRead && (
        <LinkButton tag={NavLink} to={PATHS.clients} variant={current === 'clients' ? 'default' : 'tertiary'}>
          {t('nav.clients')}
        </LinkButton>
      )}
      {offers.allowedActions.canRead && (
        <LinkButton tag={NavLink} to={PATHS.offers} variant={current === 'offers' ? 'default' : 'tertiary'}>
          {t('nav.offers')}
        </LinkButton>
      )}
      {imports.allowedActions.canRead && (
        <LinkButton tag={NavLink} to={PATHS.imports} variant={current === 'imports' ? 'default' : 'tertiary'}>
          {t('nav.imports')}
        </LinkButton>
      )}
      {contacts.allowedActions.canRead && (
        <LinkButton
          tag={NavLink}
          to={PATHS.duplicates}
          variant={current === 'duplicates' ? 'default' : 'tertiary'}
        >
          {t('nav.duplicates')}
        </LinkButton>
      )}
      {jobs.allowedActions.canRead && (
        <LinkButton tag={NavLink} to={PATHS.jobs} variant={current === 'jobs' ? 'default' : 'tertiary'}>
          {t('nav.jobs')}
        </LinkButton>
      )}
      {privacyRequests.allowedActions.canExport && (
        <LinkButton tag={NavLink} to={PATHS.privacy} variant={current === 'privacy' ? 'default' : 'tertiary'}>
          {t('nav.privacy')}
        </LinkButton>
      )}
      {retention.allowedActions.canSettings && (
        <LinkButton
          tag={NavLink}
          to={PATHS.retention}
          variant={current === 'retention' ? 'default' : 'tertiary'}
        >
          {t('nav.retention')}
        </LinkButton>
      )}
    </Flex>
  );
};
