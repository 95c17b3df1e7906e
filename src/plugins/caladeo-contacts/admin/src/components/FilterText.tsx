import { memo } from 'react';
import { TextInput } from '@strapi/design-system';
import { useDebouncedText } from '../utils/useDebouncedText';

/**
 * One free-text filter of a list (a town…): written to the URL a moment after the user stops
 * typing, like the search box. Memoised, as `FilterSelect` is: give it a stable `onChange`.
 */
export const FilterText = memo(
  ({
    label,
    value,
    placeholder,
    maxLength,
    onChange,
  }: {
    label: string;
    value: string;
    placeholder: string;
    maxLength: number;
    onChange: (value: string) => void;
  }) => {
    const [text, setText] = useDebouncedText(value, onChange);
    return (
      <TextInput
        aria-label={label}
        name={label}
        value={text}
        placeholder={placeholder}
        maxLength={maxLength}
        onChange={(event: React.ChangeEvent<HTMLInputElement>) => setText(event.target.value)}
      />
    );
  }
);
FilterText.displayName = 'FilterText';
