import { Searchbar } from '@strapi/design-system';
import { useDebouncedText } from '../utils/useDebouncedText';

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
  const [text, setText] = useDebouncedText(value, onSearch);
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
