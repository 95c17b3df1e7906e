import { memo } from 'react';
import { Box, Button } from '@strapi/design-system';
import { FilterSelect } from './FilterSelect';
import { useCountryFilterOptions } from '../utils/useListFilters';
import { useT } from '../utils/translate';

/** The country filter of a list: every country by its name in the admin's language. */
export const CountryFilter = memo(
  ({ value, onChange }: { value: string; onChange: (value: string) => void }) => {
    const { t } = useT();
    const countries = useCountryFilterOptions();
    return (
      <Box minWidth="180px">
        <FilterSelect
          label={t('filters.country')}
          value={value}
          anyLabel={t('filters.anyCountry')}
          options={countries}
          onChange={onChange}
        />
      </Box>
    );
  }
);
CountryFilter.displayName = 'CountryFilter';

/** _Effacer les filtres_: shown once a search or a filter narrows the list. */
export const ResetFiltersButton = ({ list }: { list: { isFiltered: boolean; resetFilters: () => void } }) => {
  const { t } = useT();
  return list.isFiltered ? (
    <Button variant="tertiary" onClick={list.resetFilters}>
      {t('filters.reset')}
    </Button>
  ) : null;
};
