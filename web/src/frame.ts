import { append, h, replace, type Child } from './dom.js';
import { filterForm } from './filter-form.js';
import { describeFilters, filtersOf } from './filters.js';
import { errorBox, loading } from './status.js';
import { heading, type ViewContext } from './view.js';

export interface Frame {
  /** The filters of the address, without empty values. */
  query: URLSearchParams;
  /**
   * Fills the results panel with what `draw` shows, saying "loading" meanwhile and the error if
   * it fails; once the reader has moved on, nothing is shown.
   */
  fill: (what: string, draw: (show: (...c: Child[]) => void) => Promise<void>) => Promise<void>;
}

/**
 * The frame of a view that takes the filters: a heading with the filters in words, the filter
 * form, what else the view puts above its results, and the results panel.
 * @example const { query, fill } = filteredFrame(ctx, 'Map', '/map');
 */
export function filteredFrame(
  ctx: ViewContext,
  title: string,
  path: string,
  options: { keep?: string[]; above?: Child[] } = {},
): Frame {
  const query = filtersOf(ctx.route.query);
  const panel = h('section', { 'aria-label': title, 'aria-live': 'polite' });
  append(
    ctx.main,
    heading(title, h('p', { class: 'sub' }, describeFilters(query))),
    filterForm(path, ctx, options.keep),
    ...(options.above ?? []),
    panel,
  );
  const show = (...c: Child[]) => {
    if (!ctx.signal.aborted) replace(panel, ...c);
  };
  return {
    query,
    fill: async (what, draw) => {
      show(loading(what));
      try {
        await draw(show);
      } catch (err) {
        show(errorBox(err));
      }
    },
  };
}
