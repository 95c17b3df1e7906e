import { useEffect, useState } from 'react';
import { Combobox, ComboboxOption } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import type { OfferSummary } from '../../../shared/contracts/admin';
import { API } from '../utils/api';

/** Finds an offer by title, reference or destination. */
export const OfferPicker = ({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string | null;
  onChange: (documentId: string | null) => void;
}) => {
  const { get } = useFetchClient();
  const [text, setText] = useState('');
  const [offers, setOffers] = useState<OfferSummary[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      get<{ results: OfferSummary[] }>(`${API}/offers`, { params: { q: text }, signal: controller.signal })
        .then(({ data }) => setOffers(data.results))
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
      placeholder={label}
      value={value ?? undefined}
      onChange={(next: string | undefined) => onChange(next ?? null)}
      onInputChange={(event: React.ChangeEvent<HTMLInputElement>) => setText(event.target.value)}
      onClear={() => onChange(null)}
      // the server already filters, accent-insensitively: the browser must not filter again
      autocomplete="none"
    >
      {offers.map((offer) => (
        <ComboboxOption key={offer.documentId} value={offer.documentId}>
          {`${offer.reference} · ${offer.title}`}
        </ComboboxOption>
      ))}
    </Combobox>
  );
};
