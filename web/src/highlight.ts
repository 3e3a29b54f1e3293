import { append, h } from './dom.js';
import { segments } from './segments.js';
import type { Span, SpanKind } from './types.js';

// Where spans overlap, the stylesheet colours the piece as the first of these.
const ORDER: SpanKind[] = ['trigger', 'source', 'target', 'actor', 'date', 'place'];

const NAMES: Record<SpanKind, string> = {
  source: 'source',
  target: 'target',
  actor: 'actor',
  trigger: 'trigger',
  date: 'date expression',
  place: 'place',
};

/**
 * Text with its spans marked; the text goes in as text nodes, never as markup.
 * @example highlighted('Putin met Assad', spans, 'p')
 */
export function highlighted(
  text: string,
  spans: readonly Span[],
  tag: 'p' | 'div' = 'p',
): HTMLElement {
  const el = h(tag, { class: 'evidence' });
  for (const seg of segments(text, spans)) {
    if (seg.spans.length === 0) {
      append(el, seg.text);
      continue;
    }
    const kinds = ORDER.filter((k) => seg.spans.some((s) => s.kind === k));
    el.append(
      h(
        'mark',
        {
          class: ['hl', ...kinds.map((k) => `hl-${k}`)].join(' '),
          title: seg.spans.map((s) => s.label).join('; '),
        },
        seg.text,
      ),
    );
  }
  return el;
}

/** The key to the colours of the kinds shown. */
export function legend(kinds: readonly SpanKind[]): HTMLElement {
  return h(
    'ul',
    { class: 'legend', 'aria-label': 'Highlight colours' },
    ...kinds.map((k) => h('li', {}, h('mark', { class: `hl hl-${k}` }, NAMES[k]))),
  );
}
