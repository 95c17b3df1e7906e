import { SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { LINK_ROLES } from '../../../shared/constants';
import { useT, type MessageKey } from '../utils/translate';

/** The role a contact is given on a client or an offer, chosen among every link role. */
export const RoleSelect = ({ value, onChange }: { value: string; onChange: (role: string) => void }) => {
  const { t } = useT();
  return (
    <SingleSelect
      aria-label={t('links.role')}
      placeholder={t('links.role')}
      value={value}
      onChange={(next: string | number) => onChange(String(next))}
    >
      {LINK_ROLES.map((role) => (
        <SingleSelectOption key={role} value={role}>
          {t(`role.${role}` as MessageKey)}
        </SingleSelectOption>
      ))}
    </SingleSelect>
  );
};
