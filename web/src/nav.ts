import { h } from './dom.js';
import { filtersOf, withQuery } from './filters.js';
import type { Route, ViewName } from './router.js';

const LINKS: { path: string; label: string; views: ViewName[]; filters: boolean }[] = [
  { path: '/', label: 'Events', views: ['events', 'event', 'article'], filters: true },
  { path: '/timeline', label: 'Timeline', views: ['timeline'], filters: true },
  { path: '/network', label: 'Network', views: ['network'], filters: true },
  { path: '/map', label: 'Map', views: ['map'], filters: true },
  { path: '/playground', label: 'Playground', views: ['playground'], filters: false },
];

/** The view links, carrying the current filters so that switching views keeps them. */
export function renderNav(nav: HTMLElement, route: Route): void {
  const filters = filtersOf(route.query);
  nav.replaceChildren(
    h(
      'ul',
      {},
      ...LINKS.map((l) =>
        h(
          'li',
          {},
          h(
            'a',
            {
              href: l.filters ? withQuery(l.path, filters) : l.path,
              ...(l.views.includes(route.view) ? { 'aria-current': 'page' } : {}),
            },
            l.label,
          ),
        ),
      ),
    ),
  );
}
