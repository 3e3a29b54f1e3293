import { api } from '../api.js';
import { h } from '../dom.js';
import { dateText, modalityBadge, placeText, plural } from '../format.js';
import { filteredFrame } from '../frame.js';
import { emptyState, errorBox } from '../status.js';
import { row, table } from '../table.js';
import type { StoryEvent } from '../types.js';
import type { View } from '../view.js';

const COLUMNS = ['Date', 'Source', 'Target', 'Event', 'PLOVER', 'Modality', 'Place', 'Articles'];

const eventRow = (e: StoryEvent) =>
  row(
    [
      dateText(e),
      h('span', { class: 'actor' }, e.source.code),
      e.target ? h('span', { class: 'actor' }, e.target.code) : '—',
      h(
        'a',
        { href: `/events/${e.id}` },
        h('span', { class: 'code' }, e.cameo),
        ` ${e.cameoLabel}`,
      ),
      e.plover.mode ? `${e.plover.type} / ${e.plover.mode}` : e.plover.type,
      modalityBadge(e.modality),
      placeText(e) || '—',
      String(e.numArticles),
    ],
    COLUMNS,
  );

/** Story events with the filters in the address, a page at a time. */
export const eventsView: View = (ctx) => {
  const { query, fill } = filteredFrame(ctx, 'Story events', '/');
  const body = h('tbody');
  const count = h('p', { class: 'count' });
  const more = h('button', { type: 'button', class: 'more' }, 'More events');
  let shown = 0;
  const load = async (cursor: string | null) => {
    const q = new URLSearchParams(query);
    if (cursor) q.set('cursor', cursor);
    const page = await api.events(q, ctx.signal);
    body.append(...page.events.map(eventRow));
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
  return fill('events', async (show) => {
    const first = await load(null);
    if (first.events.length === 0)
      return show(
        emptyState(
          'No story events match these filters.',
          'Loosen a filter, or add articles with `dragoman ingest` or POST /api/articles.',
        ),
      );
    show(
      count,
      table({
        caption: 'Story events, newest first',
        quietCaption: true,
        columns: COLUMNS,
        body,
        class: 'events',
      }),
      more,
    );
  });
};
