/** The views of the interface. */
export type ViewName =
  'events' | 'event' | 'article' | 'timeline' | 'network' | 'map' | 'playground' | 'missing';

/** Where the address bar points: a view, the id it shows, and its query (the filters). */
export interface Route {
  view: ViewName;
  id: string | null;
  query: URLSearchParams;
}

const pages: Record<string, ViewName> = {
  '': 'events',
  events: 'events',
  timeline: 'timeline',
  network: 'network',
  map: 'map',
  playground: 'playground',
};

/**
 * Reads a path and query into a route.
 * @example parseRoute('/events/12', '?dyad=RUS,SYR') // { view: 'event', id: '12', ... }
 */
export function parseRoute(pathname: string, search: string): Route {
  const query = new URLSearchParams(search);
  const parts = pathname.split('/').filter(Boolean);
  const [head = '', id, ...rest] = parts;
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return null;
    }
  };
  if (id !== undefined && rest.length === 0 && (head === 'events' || head === 'articles')) {
    const decoded = decode(id);
    if (decoded !== null)
      return { view: head === 'events' ? 'event' : 'article', id: decoded, query };
  }
  const view = parts.length <= 1 ? pages[head] : undefined;
  return { view: view ?? 'missing', id: null, query };
}
