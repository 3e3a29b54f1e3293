import { h, type Props } from './dom.js';
import type { ViewContext } from './view.js';
import {
  filtersOf,
  MODALITIES,
  PLOVER_TYPES,
  QUAD_NAMES,
  withQuery,
  type FilterKey,
} from './filters.js';

interface Field {
  key: FilterKey;
  label: string;
  input: (id: string, value: string) => HTMLElement;
}

const text =
  (type: string, extra: Props = {}) =>
  (id: string, value: string) =>
    h('input', { id, name: id.slice(2), type, value, autocomplete: 'off', ...extra });

const choice = (options: [string, string][]) => (id: string, value: string) => {
  const select = h(
    'select',
    { id, name: id.slice(2) },
    h('option', { value: '' }, 'any'),
    ...options.map(([v, label]) => h('option', { value: v }, label)),
  );
  select.value = value;
  return select;
};

const FIELDS: Field[] = [
  {
    key: 'text',
    label: 'Words in the articles',
    input: text('search', { placeholder: 'grain deal' }),
  },
  {
    key: 'actor',
    label: 'Actor',
    input: text('text', { placeholder: 'RUS, putin, united nations' }),
  },
  { key: 'dyad', label: 'Dyad (two actors)', input: text('text', { placeholder: 'RUS,SYR' }) },
  { key: 'cameo', label: 'CAMEO code or prefix', input: text('text', { placeholder: '04' }) },
  { key: 'plover', label: 'PLOVER type', input: choice(PLOVER_TYPES.map((t) => [t, t])) },
  {
    key: 'quad',
    label: 'QuadClass',
    input: choice(QUAD_NAMES.map((n, i) => [String(i + 1), `${i + 1} ${n}`])),
  },
  { key: 'modality', label: 'Modality', input: choice(MODALITIES.map((m) => [m, m])) },
  { key: 'from', label: 'From', input: text('date') },
  { key: 'to', label: 'To', input: text('date') },
  {
    key: 'minArticles',
    label: 'Reported by at least (articles)',
    input: text('number', { min: '1' }),
  },
];

/**
 * The filter controls. Applying them changes the address, so the view can be shared; `keep`
 * names other query parameters of the view (such as `by`) that applying keeps.
 */
export function filterForm(
  path: string,
  { route, navigate, signal }: Pick<ViewContext, 'route' | 'navigate' | 'signal'>,
  keep: string[] = [],
): HTMLElement {
  const query = route.query;
  const active = filtersOf(query);
  const form = h(
    'form',
    { class: 'filters', role: 'search', 'aria-label': 'Filters' },
    h(
      'div',
      { class: 'fields' },
      ...FIELDS.map((f) =>
        h(
          'div',
          { class: 'field' },
          h('label', { for: `f-${f.key}` }, f.label),
          f.input(`f-${f.key}`, active.get(f.key) ?? ''),
        ),
      ),
    ),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit' }, 'Apply filters'),
      h('a', { class: 'button secondary', href: withQuery(path, keepOnly(query, keep)) }, 'Clear'),
    ),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const q = keepOnly(query, keep);
    for (const [k, v] of new FormData(form))
      if (typeof v === 'string' && v.trim()) q.set(k, v.trim());
    navigate(withQuery(path, q));
  });
  const n = [...active.keys()].length;
  // Open on wide screens; on a phone the filters fold away under their summary.
  const wide = window.matchMedia('(min-width: 48rem)');
  const panel = h(
    'details',
    { class: 'filter-panel', open: wide.matches },
    h('summary', {}, n ? `Filters (${n} active)` : 'Filters'),
    form,
  );
  wide.addEventListener('change', () => (panel.open = wide.matches), { signal });
  return panel;
}

function keepOnly(query: URLSearchParams, keep: string[]): URLSearchParams {
  const q = new URLSearchParams();
  for (const k of keep) {
    const v = query.get(k);
    if (v) q.set(k, v);
  }
  return q;
}
