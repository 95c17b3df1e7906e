import { useState } from 'react';

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
  const [scopeOfRows, setScopeOfRows] = useState(scope);

  // emptied as the scope changes, in the same render (React's "state from props" pattern): an
  // effect would render the whole list again after each search, even with nothing ticked
  if (scopeOfRows !== scope) {
    setScopeOfRows(scope);
    if (rows.size > 0) setRows(new Map());
    if (allResults) setAllResults(false);
  }

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
