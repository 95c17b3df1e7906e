import { useEffect, useState } from 'react';

/**
 * The rows ticked in a list, kept across its pages (by documentId, with the name each is shown
 * by), or "every result of the search". It empties when the search or a filter changes: a
 * selection made under one search must not be acted on under another.
 */
export const useSelection = <Item extends { documentId: string }>(
  scope: string,
  nameOf: (item: Item) => string
) => {
  const [rows, setRows] = useState<Map<string, string>>(() => new Map());
  const [allResults, setAllResults] = useState(false);

  useEffect(() => {
    setRows(new Map());
    setAllResults(false);
  }, [scope]);

  const change = (items: Item[], on: boolean) => {
    setAllResults(false);
    setRows((current) => {
      const next = new Map(current);
      for (const item of items) {
        if (on) next.set(item.documentId, nameOf(item));
        else next.delete(item.documentId);
      }
      return next;
    });
  };

  return {
    allResults,
    documentIds: [...rows.keys()],
    count: rows.size,
    isSelected: (item: Item) => allResults || rows.has(item.documentId),
    toggle: (item: Item, on: boolean) => change([item], on),
    togglePage: (items: Item[], on: boolean) => change(items, on),
    selectAllResults: () => setAllResults(true),
    clear: () => {
      setRows(new Map());
      setAllResults(false);
    },
  };
};

export type Selection<Item extends { documentId: string }> = ReturnType<typeof useSelection<Item>>;
