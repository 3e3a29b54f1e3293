import { h, type Child } from './dom.js';

/** A row of cells; with column names, each cell carries its name for the phone layout. */
export function row(values: Child[], columns?: readonly string[]): HTMLTableRowElement {
  return h(
    'tr',
    {},
    ...values.map((v, i) => h('td', columns ? { 'data-label': columns[i] ?? '' } : {}, v)),
  );
}

export interface TableOptions {
  caption: string;
  columns: readonly string[];
  /** The rows, or a body the caller keeps adding rows to. */
  body: Child[][] | HTMLTableSectionElement;
  class?: string;
  /** Say the caption to screen readers only. */
  quietCaption?: boolean;
}

/** A table under column headings that scrolls sideways when the screen is narrow. */
export function table(o: TableOptions): HTMLElement {
  const body = Array.isArray(o.body) ? h('tbody', {}, ...o.body.map((r) => row(r))) : o.body;
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      o.class ? { class: o.class } : {},
      h('caption', o.quietCaption ? { class: 'visually-hidden' } : {}, o.caption),
      h('thead', {}, h('tr', {}, ...o.columns.map((c) => h('th', { scope: 'col' }, c)))),
      body,
    ),
  );
}
