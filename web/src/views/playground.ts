import { api } from '../api.js';
import { h } from '../dom.js';
import { modalityBadge, plural } from '../format.js';
import { highlighted, legend } from '../highlight.js';
import { recordSpans } from '../record-spans.js';
import { emptyState, errorBox, loading } from '../status.js';
import type { Coded, EventRecord, ExplainedSentence } from '../types.js';
import { heading, type View } from '../view.js';

const list = (items: (Node | string)[]) => h('ul', {}, ...items.map((i) => h('li', {}, i)));

/** Why the coder made this record: its evidence and what it saw in the sentence. */
function why(r: EventRecord, s: ExplainedSentence | undefined): HTMLElement {
  const trigger = s?.triggers.find((t) => t.start === r.trigger.start);
  return h(
    'details',
    { class: 'why' },
    h('summary', {}, 'Explanation'),
    h('h4', {}, 'Because'),
    list(r.evidence),
    trigger
      ? h(
          'p',
          {},
          `Trigger “${trigger.text}” (${trigger.pattern}) read with the frame ${trigger.frame}.`,
        )
      : null,
    s && s.actors.length ? h('h4', {}, 'Actors in the sentence') : null,
    s && s.actors.length
      ? list(
          s.actors.map(
            (a) =>
              `“${a.text}” → ${a.code}${a.person ? ` (${a.person})` : ''} [${a.evidence.join(', ')}]`,
          ),
        )
      : null,
    s
      ? h(
          'p',
          { class: 'tokens' },
          h('span', { class: 'hint' }, 'Tokens: '),
          s.tokens.map((t) => `${t.text}/${t.pos}`).join(' '),
        )
      : null,
  );
}

function card(r: EventRecord, s: ExplainedSentence | undefined): HTMLElement {
  const facts = [
    r.date
      ? `date ${r.date.value}${r.date.text ? ` from “${r.date.text}”` : ' (publication)'}`
      : 'undated',
    r.location ? `in ${r.location.name}` : null,
    `PLOVER ${r.plover.type}${r.plover.mode ? ` / ${r.plover.mode}` : ''}`,
    `confidence ${r.confidence}`,
  ].filter((x): x is string => x !== null);
  return h(
    'li',
    { class: 'report' },
    h(
      'h3',
      {},
      `${r.source.code} → ${r.target?.code ?? '—'}: `,
      h('span', { class: 'code' }, r.cameo),
      ` ${r.cameoLabel} `,
      modalityBadge(r.modality),
    ),
    h('blockquote', {}, highlighted(r.sentence, recordSpans(r))),
    h('p', { class: 'sub' }, facts.join(' · ')),
    why(r, s),
  );
}

function results(coded: Coded): HTMLElement[] {
  const sentences = coded.explanation ?? [];
  const rejected = sentences.flatMap((s) => s.rejections.map((x) => ({ s, x })));
  const out: HTMLElement[] = [
    h('h2', {}, plural(coded.records.length, 'event') + ' coded'),
    coded.records.length
      ? h(
          'ol',
          { class: 'reports' },
          ...coded.records.map((r) =>
            card(
              r,
              sentences.find((s) => s.index === r.sentenceIndex),
            ),
          ),
        )
      : emptyState(
          'No events were coded in this text.',
          'Events need a known actor and an event word; the triggers below say why some gave nothing.',
        ),
  ];
  if (rejected.length)
    out.push(
      h('h2', {}, 'Triggers that gave no event'),
      list(
        rejected.map(
          ({ s, x }) => `Sentence ${s.index + 1}: “${x.text}” (${x.pattern}): ${x.reason}`,
        ),
      ),
    );
  return out;
}

/** Codes pasted text without storing it, showing each event and the coder's reasons. */
export const playgroundView: View = ({ main, signal }) => {
  const text = h('textarea', {
    id: 'pg-text',
    name: 'text',
    rows: '10',
    required: true,
    placeholder: 'Paste an English news article here.',
  });
  const date = h('input', {
    id: 'pg-date',
    name: 'published',
    type: 'date',
    value: new Date().toISOString().slice(0, 10),
  });
  const out = h('section', { 'aria-label': 'Coded events', 'aria-live': 'polite' });
  const button = h('button', { type: 'submit' }, 'Code the text');
  const form = h(
    'form',
    { class: 'playground' },
    h('div', { class: 'field' }, h('label', { for: 'pg-text' }, 'Article text'), text),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'pg-date' }, 'Published (relative dates are read from it)'),
      date,
    ),
    h('div', { class: 'actions' }, button),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!text.value.trim()) {
      out.replaceChildren(errorBox(new Error('paste some text first')));
      return;
    }
    button.disabled = true;
    out.replaceChildren(loading('the coded events'));
    api
      .code(text.value, date.value || null, signal)
      .then((coded) =>
        out.replaceChildren(
          legend(['source', 'target', 'trigger', 'date', 'place']),
          ...results(coded),
        ),
      )
      .catch((err: unknown) => {
        if (!signal.aborted) out.replaceChildren(errorBox(err));
      })
      .finally(() => (button.disabled = false));
  });
  main.append(
    heading(
      'Playground',
      h('p', { class: 'sub' }, 'Code a text without storing it, and see why each event was coded.'),
    ),
    form,
    out,
  );
};
