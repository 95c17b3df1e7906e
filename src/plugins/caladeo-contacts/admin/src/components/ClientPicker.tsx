import { useEffect, useState } from 'react';
import { Combobox, ComboboxOption } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import type { ClientSummary, ListResponse } from '../../../shared/contracts/admin';
import { API } from '../utils/api';

type Option = { documentId: string; label: string };

/** Finds a client by typing part of its name (accent-insensitive on the server). */
export const ClientPicker = ({
  label,
  value,
  onChange,
  placeholder,
}: {
  label: string;
  value: string | null;
  onChange: (documentId: string | null) => void;
  placeholder?: string;
}) => {
  const { get } = useFetchClient();
  const [text, setText] = useState('');
  const [options, setOptions] = useState<Option[]>([]);

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      get<ListResponse<ClientSummary>>(`${API}/clients`, {
        params: { q: text, pageSize: '20' },
        signal: controller.signal,
      })
        .then(({ data }) =>
          setOptions(
            data.results.map((client) => ({
              documentId: client.documentId,
              label: client.city ? `${client.name} (${client.city})` : client.name,
            }))
          )
        )
        .catch(() => undefined);
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [get, text]);

  return (
    <Combobox
      aria-label={label}
      placeholder={placeholder}
      value={value ?? undefined}
      onChange={(next: string | undefined) => onChange(next ?? null)}
      onInputChange={(event: React.ChangeEvent<HTMLInputElement>) => setText(event.target.value)}
      onClear={() => onChange(null)}
      // the server already filters, accent-insensitively: the browser must not filter again
      autocomplete="none"
    >
      {options.map((option) => (
        <ComboboxOption key={option.documentId} value={option.documentId}>
          {option.label}
        </ComboboxOption>
      ))}
    </Combobox>
  );
};
