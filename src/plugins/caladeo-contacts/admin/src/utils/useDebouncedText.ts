import { useEffect, useState } from 'react';
import { TYPING_PAUSE_MS } from '../../../shared/constants';

/**
 * Text typed into a list's box, handed to `onCommit` a moment after the user stops typing; the
 * box follows `value` when the URL changes it (a reset, a saved view, the browser's back button).
 */
export const useDebouncedText = (value: string, onCommit: (text: string) => void) => {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text === value) return undefined;
    const timer = setTimeout(() => onCommit(text), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
    // only typing starts the wait: a new `onCommit` identity must not restart it
  }, [text]);
  return [text, setText] as const;
};
