import { useEffect } from 'react';
import { useLocation } from 'react-router-dom';

/** How long a page may take to draw its heading (lazy chunk, then its data) before we give up. */
const WAIT_MS = 10_000;

const isTyping = (element: Element | null) =>
  element instanceof HTMLInputElement ||
  element instanceof HTMLTextAreaElement ||
  element instanceof HTMLSelectElement ||
  (element instanceof HTMLElement && element.isContentEditable);

/**
 * Moves the focus to the page's heading (its h1) after each move to another page of the tab, so a
 * screen reader announces the page as it would after a full page load, and Tab goes on from the
 * top of the page. Only the path counts: a search that rewrites the query string keeps the focus
 * in its box. A person who already started typing on the new page keeps their focus.
 */
export const PageHeadingFocus = () => {
  const { pathname } = useLocation();
  useEffect(() => {
    const focusHeading = () => {
      const heading = document.querySelector<HTMLElement>('main h1');
      if (!heading) return false;
      if (!isTyping(document.activeElement)) {
        if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
        heading.focus({ preventScroll: true });
      }
      return true;
    };
    if (focusHeading()) return;
    const observer = new MutationObserver(() => focusHeading() && observer.disconnect());
    observer.observe(document.body, { childList: true, subtree: true });
    const timer = window.setTimeout(() => observer.disconnect(), WAIT_MS);
    return () => {
      observer.disconnect();
      window.clearTimeout(timer);
    };
  }, [pathname]);
  return null;
};
