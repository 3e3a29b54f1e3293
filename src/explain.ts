import { loadDictionaries, type Dictionaries } from './dictionaries/index.js';
import { codeArticle, type PipelineArticle } from './pipeline/index.js';
import type { EventRecord } from './record.js';

/** Words of the text with their offsets. */
interface Words {
  text: string;
  start: number;
  end: number;
}

/** What the coder saw in one sentence: tokens, actors, triggers and triggers that gave nothing. */
export interface ExplainedSentence {
  index: number;
  start: number;
  end: number;
  text: string;
  tokens: { text: string; pos: string }[];
  actors: (Words & {
    code: string;
    person: string | null;
    /** The dictionary entries and rules behind the actor. */
    evidence: string[];
    prep: string | null;
  })[];
  triggers: (Words & { pattern: string; frame: string })[];
  rejections: (Words & { pattern: string; reason: string })[];
}

export interface Explanation {
  records: EventRecord[];
  sentences: ExplainedSentence[];
}

/**
 * Codes an article keeping what each stage saw, sentence by sentence: what `explain` and the
 * playground show.
 * @example explainText({ id: 'x', text: 'Putin met Assad.', published: '2024-07-25' }).sentences[0]?.actors
 */
export function explainText(
  article: PipelineArticle,
  dict: Dictionaries = loadDictionaries(),
): Explanation {
  const r = codeArticle(article, dict, { trace: true });
  const trace = r.trace;
  if (!trace) return { records: r.records, sentences: [] };
  const { tokens } = trace.doc;
  const words = (first: number, last: number): Words => {
    const start = tokens[first]?.start ?? 0;
    const end = tokens[last - 1]?.end ?? start;
    return { text: trace.text.slice(start, end), start, end };
  };
  const sentences = trace.doc.sentences.map((s) => ({
    index: s.index,
    start: s.start,
    end: s.end,
    text: trace.text.slice(s.start, s.end),
    tokens: tokens.slice(s.first, s.last).map((t) => ({ text: t.text, pos: t.pos })),
    actors: (trace.mentions[s.index] ?? []).map((m) => ({
      ...words(m.first, m.last),
      code: m.code,
      person: m.person?.name ?? null,
      evidence: m.evidence,
      prep: m.prep,
    })),
    triggers: trace.candidates
      .filter((c) => c.sentence.index === s.index)
      .map((c) => ({
        ...words(c.trigger.first, c.trigger.last),
        pattern: c.trigger.id,
        frame: c.frame,
      })),
    rejections: trace.rejections
      .filter((x) => x.sentence === s.index)
      .map((x) => ({
        ...words(x.trigger.first, x.trigger.last),
        pattern: x.trigger.id,
        reason: x.reason,
      })),
  }));
  return { records: r.records, sentences };
}
