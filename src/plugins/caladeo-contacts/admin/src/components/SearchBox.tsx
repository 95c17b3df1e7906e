import { useEffect, useState } from 'react';
import { Searchbar } from '@strapi/design-system';

/** Writes the search to the URL a moment after the user stops typing. */
export const SearchBox = ({
  value,
  onSearch,
  label,
  placeholder,
}: {
  value: string;
  onSearch: (text: string) => void;
  label: string;
  placeholder: string;
}) => {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text === value) return undefined;
    const timer = setTimeout(() => onSearch(text), 300);
    return () => clearTimeout(timer);
  }, [text]);
  return (
    <Searchbar
      name="q"
      value={text}
      onChange={(event: React.ChangeEvent<HTMLInputElement>) => setText(event.target.value)}
      onClear={() => setText('')}
      clearLabel={label}
      placeholder={placeholder}
    >
      {label}
    </Searchbar>
  );
};
