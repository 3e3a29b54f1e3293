import { api } from '../api.js';
import { h, replace, safeLink } from '../dom.js';
import { highlighted, legend } from '../highlight.js';
import { emptyState, errorBox, loading } from '../status.js';
import { heading, type View } from '../view.js';

/** An article's text with every actor, trigger, date and place coded in it marked. */
export const articleView: View = async ({ route, main, signal }) => {
  const id = route.id ?? '';
  main.append(heading(`Article ${id}`), loading('the article'));
  try {
    const { article: a, spans } = await api.article(id, signal);
    const meta = [a.source, a.published].filter((x): x is string => !!x).join(' · ');
    replace(
      main,
      heading(a.title || `Article ${a.id}`, h('p', { class: 'sub' }, meta || 'no outlet or date')),
      h(
        'p',
        { class: 'links' },
        `Id ${a.id} · story ${a.storyId}`,
        a.url ? ' · ' : '',
        a.url ? safeLink(a.url, a.url) : null,
      ),
      legend(['actor', 'trigger', 'date', 'place']),
      spans.length ? null : emptyState('No events were coded in this article.'),
      highlighted(
        a.text,
        spans.map((s) => ({
          kind: s.kind,
          start: s.start,
          end: s.end,
          label: `${s.kind} ${s.label}`,
        })),
        'div',
      ),
    );
  } catch (err) {
    if (signal.aborted) return;
    main.replaceChildren(heading(`Article ${id}`), errorBox(err));
  }
};
