import { api } from '../api.js';
import { h } from '../dom.js';
import { filterForm } from '../filter-form.js';
import { describeFilters, filtersOf } from '../filters.js';
import { dateText, modalityBadge, placeText, plural } from '../format.js';
import { emptyState, errorBox, loading } from '../status.js';
import type { StoryEvent } from '../types.js';
import { heading, type View } from '../view.js';

const COLUMNS = ['Date', 'Source', 'Target', 'Event', 'PLOVER', 'Modality', 'Place', 'Articles'];

function row(e: StoryEvent): HTMLElement {
  const cell = (label: string, ...content: (Node | string)[]) =>
    h('td', { 'data-label': label }, ...content);
  return h(
    'tr',
    {},
    cell('Date', dateText(e)),
    cell('Source', h('span', { class: 'actor' }, e.source.code)),
    cell('Target', e.target ? h('span', { class: 'actor' }, e.target.code) : '—'),
    cell(
      'Event',
      h(
        'a',
        { href: `/events/${e.id}` },
        h('span', { class: 'code' }, e.cameo),
        ` ${e.cameoLabel}`,
      ),
    ),
    cell('PLOVER', e.plover.mode ? `${e.plover.type} / ${e.plover.mode}` : e.plover.type),
    cell('Modality', modalityBadge(e.modality)),
    cell('Place', placeText(e) || '—'),
    cell('Articles', String(e.numArticles)),
  );
}

/** Story events with the filters in the address, a page at a time. */
export const eventsView: View = async (ctx) => {
  const { route, main, signal } = ctx;
  const query = filtersOf(route.query);
  const results = h(
    'section',
    { 'aria-label': 'Story events', 'aria-live': 'polite' },
    loading('events'),
  );
  main.append(
    heading('Story events', h('p', { class: 'sub' }, describeFilters(query))),
    filterForm('/', ctx),
    results,
  );
  const body = h('tbody');
  const count = h('p', { class: 'count' });
  const more = h('button', { type: 'button', class: 'more' }, 'More events');
  let shown = 0;
  const load = async (cursor: string | null) => {
    const q = new URLSearchParams(query);
    if (cursor) q.set('cursor', cursor);
    const page = await api.events(q, signal);
    body.append(...page.events.map(row));
    shown += page.events.length;
    count.textContent = `${plural(shown, 'story event')} shown${page.next ? ', more available' : ''}.`;
    more.hidden = !page.next;
    more.onclick = () => {
      more.disabled = true;
      load(page.next)
        .catch((err: unknown) => more.after(errorBox(err)))
        .finally(() => (more.disabled = false));
    };
    return page;
  };
  try {
    const first = await load(null);
    if (first.events.length === 0) {
      results.replaceChildren(
        emptyState(
          'No story events match these filters.',
          'Loosen a filter, or add articles with `dragoman ingest` or POST /api/articles.',
        ),
      );
      return;
    }
    results.replaceChildren(
      count,
      h(
        'div',
        { class: 'table-wrap' },
        h(
          'table',
          { class: 'events' },
          h('caption', { class: 'visually-hidden' }, 'Story events, newest first'),
          h('thead', {}, h('tr', {}, ...COLUMNS.map((c) => h('th', { scope: 'col' }, c)))),
          body,
        ),
      ),
      more,
    );
  } catch (err) {
    if (!signal.aborted) results.replaceChildren(errorBox(err));
  }
};
