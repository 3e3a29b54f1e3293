import './style.css';
import { h } from './dom.js';
import { renderNav } from './nav.js';
import { parseRoute, type ViewName } from './router.js';
import { errorBox } from './status.js';
import { heading, type View } from './view.js';
import { articleView } from './views/article.js';
import { eventView } from './views/event.js';
import { eventsView } from './views/events.js';
import { mapView } from './views/map.js';
import { networkView } from './views/network.js';
import { playgroundView } from './views/playground.js';
import { timelineView } from './views/timeline.js';

const missing: View = ({ main }) => {
  main.append(
    heading('Not found'),
    h('p', {}, 'There is no such page. ', h('a', { href: '/' }, 'See the events'), '.'),
  );
};

const views: Record<ViewName, View> = {
  events: eventsView,
  event: eventView,
  article: articleView,
  timeline: timelineView,
  network: networkView,
  map: mapView,
  playground: playgroundView,
  missing,
};

const main = document.getElementById('main') as HTMLElement;
const nav = document.getElementById('nav') as HTMLElement;
let current: { abort: AbortController; disposers: (() => void)[] } | null = null;

async function show(focus: boolean): Promise<void> {
  if (current) {
    current.abort.abort();
    for (const fn of current.disposers) fn();
  }
  const state = { abort: new AbortController(), disposers: [] as (() => void)[] };
  current = state;
  const route = parseRoute(location.pathname, location.search);
  renderNav(nav, route);
  main.replaceChildren();
  try {
    await views[route.view]({
      route,
      main,
      signal: state.abort.signal,
      // A view still drawing when the reader moved on cleans up at once.
      onDispose: (fn) => (state.abort.signal.aborted ? fn() : state.disposers.push(fn)),
      navigate,
    });
  } catch (err) {
    if (!state.abort.signal.aborted) main.append(errorBox(err));
  }
  // Keyboard and screen-reader users start reading the new view at its heading.
  if (focus && current === state) (main.querySelector('h1') ?? main).focus();
}

function navigate(href: string): void {
  history.pushState(null, '', href);
  window.scrollTo(0, 0);
  void show(true);
}

// Links inside the interface change the view without reloading; others behave as links do.
document.addEventListener('click', (e) => {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey)
    return;
  const a = (e.target as Element | null)?.closest('a');
  if (!a || a.target || a.hasAttribute('download')) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
  if (url.pathname === location.pathname && url.search === location.search && url.hash) return;
  e.preventDefault();
  navigate(url.pathname + url.search);
});
window.addEventListener('popstate', () => void show(true));
void show(false);
