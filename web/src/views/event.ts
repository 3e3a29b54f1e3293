import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { withQuery } from '../filters.js';
import { dateText, dyadOf, modalityBadge, placeText, plural, quadName } from '../format.js';
import { highlighted, legend } from '../highlight.js';
import { recordSpans } from '../record-spans.js';
import { errorBox, loading } from '../status.js';
import type { EventRecord } from '../types.js';
import { heading, type View } from '../view.js';

function facts(rows: [string, Node | string][]): HTMLElement {
  return h('dl', { class: 'facts' }, ...rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

function report(articleId: string, r: EventRecord): HTMLElement {
  const spans = recordSpans(r);
  return h(
    'li',
    { class: 'report' },
    h(
      'p',
      { class: 'report-head' },
      h('a', { href: `/articles/${encodeURIComponent(articleId)}` }, `Article ${articleId}`),
      ` · ${r.source.code} → ${r.target?.code ?? '—'} · ${r.cameo} ${r.cameoLabel} · `,
      modalityBadge(r.modality),
      r.date
        ? ` · ${r.date.value}${r.date.text ? ` (from “${r.date.text}”)` : ' (publication date)'}`
        : '',
    ),
    h('blockquote', {}, highlighted(r.sentence, spans)),
    spans.length === 0
      ? h('p', { class: 'hint' }, 'The parts of this report could not be placed in its sentence.')
      : null,
  );
}

/** One story event with every report of it and the words each report rests on. */
export const eventView: View = async ({ route, main, signal }) => {
  const id = route.id ?? '';
  main.append(heading(`Event ${id}`), loading('the event'));
  try {
    const { event: e, mentions } = await api.event(id, signal);
    const dyad = dyadOf(e);
    const title = `${e.source.code} → ${e.target?.code ?? '—'}: ${e.cameo} ${e.cameoLabel}`;
    const links = dyad
      ? h(
          'p',
          { class: 'links' },
          `This dyad (${dyad.replace(',', '–')}): `,
          h('a', { href: withQuery('/', new URLSearchParams({ dyad })) }, 'events'),
          ' · ',
          h('a', { href: withQuery('/timeline', new URLSearchParams({ dyad })) }, 'timeline'),
          ' · ',
          h('a', { href: withQuery('/network', new URLSearchParams({ dyad })) }, 'network'),
        )
      : null;
    replace(
      main,
      heading(title, h('p', { class: 'sub' }, modalityBadge(e.modality), ` ${dateText(e)}`)),
      facts([
        ['Source', e.source.code],
        ['Target', e.target?.code ?? '—'],
        ['CAMEO', `${e.cameo} ${e.cameoLabel}`],
        ['PLOVER', e.plover.mode ? `${e.plover.type} / ${e.plover.mode}` : e.plover.type],
        ['QuadClass', `${e.quadClass} ${quadName(e.quadClass)}`],
        ['Goldstein', String(e.goldstein)],
        [
          'Date',
          e.date ? `${e.date.value} (${e.date.precision}, from the ${e.date.basis})` : 'undated',
        ],
        ['Place', placeText(e) || '—'],
        [
          'Reports',
          `${plural(e.numMentions, 'mention')} in ${plural(e.numArticles, 'article')} from ${plural(e.numSources, 'source')}`,
        ],
        [
          'Reported',
          e.firstReport === e.lastReport ? e.firstReport : `${e.firstReport} to ${e.lastReport}`,
        ],
      ]),
      links,
      h('h2', {}, 'Reports'),
      legend(['source', 'target', 'trigger', 'date', 'place']),
      h('ol', { class: 'reports' }, ...mentions.map((m) => report(m.articleId, m.record))),
    );
  } catch (err) {
    if (signal.aborted) return;
    main.replaceChildren(heading(`Event ${id}`), errorBox(err));
  }
};
