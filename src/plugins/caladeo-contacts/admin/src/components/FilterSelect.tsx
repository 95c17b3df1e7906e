import { memo } from 'react';
import { SingleSelect, SingleSelectOption } from '@strapi/design-system';

export type FilterOption = { value: string; label: string };

/**
 * One filter of a list: a select whose first option means "any". Memoised: the design system's
 * select renders every option even when closed (the country filter has about 250), so it must not
 * render again each time the list's search or results change. Give it stable `options` and
 * `onChange`.
 */
export const FilterSelect = memo(
  ({
    label,
    value,
    anyLabel,
    options,
    onChange,
  }: {
    label: string;
    value: string;
    anyLabel: string;
    options: readonly FilterOption[];
    onChange: (value: string) => void;
  }) => (
    <SingleSelect
      aria-label={label}
      value={value}
      onChange={(next: string | number) => onChange(String(next))}
    >
      <SingleSelectOption value="">{anyLabel}</SingleSelectOption>
      {options.map((option) => (
        <SingleSelectOption key={option.value} value={option.value}>
          {option.label}
        </SingleSelectOption>
      ))}
    </SingleSelect>
  )
);
FilterSelect.displayName = 'FilterSelect';
