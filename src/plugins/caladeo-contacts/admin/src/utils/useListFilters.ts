import { useMemo } from 'react';
import type { FilterOption } from '../components/FilterSelect';
import { countryOptions } from './countries';
import { useStableCallback } from './useStableCallback';
import { useT, type MessageKey } from './translate';

/**
 * One setter per filter of a list, each keeping its identity across renders, so that the
 * memoised filters render only when their own value changes, not with each search and each page
 * of results. An empty value removes the filter from the URL.
 */
export const useFilterSetters = <Key extends string>(
  update: (changes: Record<string, string | null>) => void,
  keys: readonly Key[]
): Record<Key, (value: string | null) => void> => {
  const stableUpdate = useStableCallback(update);
  return useMemo(
    () =>
      Object.fromEntries(
        keys.map((key) => [key, (value: string | null) => stableUpdate({ [key]: value || null })])
      ) as Record<Key, (value: string | null) => void>,
    // the keys are each list's constant
    [stableUpdate]
  );
};

/** The country filter's choices, by name in the admin's language. */
export const useCountryFilterOptions = (): FilterOption[] => {
  const { locale } = useT();
  return useMemo(
    () => countryOptions(locale).map((country) => ({ value: country.code, label: country.name })),
    [locale]
  );
};

/** A yes/no filter's two choices, as the list's route takes them (`true`, `false`). */
export const useYesNoFilterOptions = (yes: MessageKey, no: MessageKey): FilterOption[] => {
  const { t } = useT();
  return useMemo(
    () => [
      { value: 'true', label: t(yes) },
      { value: 'false', label: t(no) },
    ],
    [t, yes, no]
  );
};
