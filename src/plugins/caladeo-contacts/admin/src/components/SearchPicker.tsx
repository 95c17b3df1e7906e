import { memo, useEffect, useState } from 'react';
import { Combobox, ComboboxOption } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import type { ClientSummary, ContactSummary, OfferSummary } from '../../../shared/contracts/admin';
import { API } from '../utils/api';

type PickerProps = {
  label: string;
  value: string | null;
  onChange: (documentId: string | null) => void;
  placeholder?: string;
};

/**
 * Finds a record by typing part of it: the server searches (accent-insensitively) and answers
 * `{ results }`. When the value goes back to null (after an attach), the typed text goes too.
 */
export const SearchPicker = <Item extends { documentId: string }>({
  label,
  value,
  onChange,
  placeholder = label,
  url,
  params,
  optionLabel,
}: PickerProps & {
  url: string;
  /** Fixed parameters of the search; keep the object stable, as a module constant. */
  params?: Record<string, string>;
  optionLabel: (item: Item) => string;
}) => {
  const { get } = useFetchClient();
  const [query, setQuery] = useState('');
  const [text, setText] = useState('');
  const [items, setItems] = useState<Item[]>([]);

  useEffect(() => {
    if (value) return;
    setText('');
    setQuery('');
  }, [value]);

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      get<{ results: Item[] }>(url, { params: { ...params, q: query }, signal: controller.signal })
        .then(({ data }) => setItems(data.results))
        .catch(() => undefined);
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [get, url, params, query]);

  return (
    <Combobox
      aria-label={label}
      placeholder={placeholder}
      // '' and not undefined: undefined would leave the old choice selected inside the combobox
      value={value ?? ''}
      textValue={text}
      onTextValueChange={setText}
      onChange={(next: string | undefined) => onChange(next || null)}
      onInputChange={(event: React.ChangeEvent<HTMLInputElement>) => setQuery(event.target.value)}
      onClear={() => onChange(null)}
      // the server already filters, accent-insensitively: the browser must not filter again
      autocomplete="none"
    >
      {items.map((item) => (
        <ComboboxOption key={item.documentId} value={item.documentId}>
          {optionLabel(item)}
        </ComboboxOption>
      ))}
    </Combobox>
  );
};

const PAGE_OF_20 = { pageSize: '20' };

/** Clients by name; the city tells two namesakes apart. Memoised: a list's filter bar holds one. */
export const ClientPicker = memo((props: PickerProps) => (
  <SearchPicker<ClientSummary>
    {...props}
    url={`${API}/clients`}
    params={PAGE_OF_20}
    optionLabel={(client) => (client.city ? `${client.name} (${client.city})` : client.name)}
  />
));
ClientPicker.displayName = 'ClientPicker';

/** Offers by title, reference or destination (the route answers 20 and takes no page size). */
export const OfferPicker = (props: PickerProps) => (
  <SearchPicker<OfferSummary>
    {...props}
    url={`${API}/offers`}
    optionLabel={(offer) => `${offer.reference} · ${offer.title}`}
  />
);

/** Contacts by name, e-mail, phone or city; the e-mail tells two namesakes apart. */
export const ContactPicker = (props: PickerProps) => (
  <SearchPicker<ContactSummary>
    {...props}
    url={`${API}/contacts`}
    params={PAGE_OF_20}
    optionLabel={(contact) => {
      const name = [contact.firstName, contact.lastName].filter(Boolean).join(' ');
      return [name, contact.email].filter(Boolean).join(' · ') || contact.documentId;
    }}
  />
);
