type Routed = { method: string; path: string };

const segments = (path: string) => path.split('/').filter(Boolean);
const isParameter = (segment: string) => segment.startsWith(':');

/**
 * True when `earlier` would take the requests meant for `later`: same method, same number of
 * segments, and where they differ `earlier` has a parameter and `later` a fixed word
 * (`/contacts/:id` takes `/contacts/lookup`).
 */
const shadows = (earlier: Routed, later: Routed) => {
  if (earlier.method !== later.method) return false;
  const [a, b] = [segments(earlier.path), segments(later.path)];
  if (a.length !== b.length) return false;
  let differs = false;
  for (let index = 0; index < a.length; index += 1) {
    const [x, y] = [a[index] ?? '', b[index] ?? ''];
    if (x === y) continue;
    if (!isParameter(x) || isParameter(y)) return false;
    differs = true;
  }
  return differs;
};

/**
 * The routes in their order, except that a route with a fixed word where an earlier one has a
 * parameter moves just before it: the router tries routes in order, so a module listed after the
 * records can still serve `GET /contacts/lookup`.
 */
export const fixedPathsFirst = <Route extends Routed>(routes: readonly Route[]): Route[] => {
  const ordered: Route[] = [];
  for (const route of routes) {
    const shadowing = ordered.findIndex((earlier) => shadows(earlier, route));
    if (shadowing === -1) ordered.push(route);
    else ordered.splice(shadowing, 0, route);
  }
  return ordered;
};
