import { loadDictionaries } from '../dictionaries/index.js';
import { codeArticle } from '../pipeline/index.js';
import { EXIT, UsageError } from './errors.js';

export interface ExplainOptions {
  published?: string;
  json?: boolean;
}

/** `dragoman explain "<sentence>"`: tokens, actors, triggers, and why each event was or was not coded. */
export function runExplain(sentence: string, opts: ExplainOptions): number {
  if (!sentence.trim())
    throw new UsageError('explain needs a sentence, e.g. dragoman explain "Putin met Assad."');
  const dict = loadDictionaries();
  const r = codeArticle(
    { id: 'explain', text: sentence, published: opts.published ?? null },
    dict,
    { trace: true },
  );
  const trace = r.trace;
  if (!trace) return EXIT.failure;
  if (opts.json) {
    console.log(JSON.stringify(r.records, null, 2));
    return EXIT.ok;
  }
  const span = (first: number, last: number) =>
    trace.text.slice(trace.doc.tokens[first]?.start ?? 0, trace.doc.tokens[last - 1]?.end ?? 0);
  for (const s of trace.doc.sentences) {
    console.log(`sentence ${s.index}: ${trace.text.slice(s.start, s.end)}`);
    console.log(
      `  tokens:   ${trace.doc.tokens
        .slice(s.first, s.last)
        .map((t) => `${t.text}/${t.pos}`)
        .join(' ')}`,
    );
    const mentions = trace.mentions[s.index] ?? [];
    if (mentions.length === 0) console.log('  actors:   none found in the dictionaries');
    for (const m of mentions)
      console.log(
        `  actor:    "${span(m.first, m.last)}" → ${m.code}${m.person ? ` (${m.person.name})` : ''}  [${m.evidence.join(', ')}]${m.prep ? `  after "${m.prep}"` : ''}`,
      );
    for (const c of trace.candidates.filter((x) => x.sentence.index === s.index))
      console.log(
        `  trigger:  "${span(c.trigger.first, c.trigger.last)}" (${c.trigger.id}) → ${c.frame}`,
      );
    for (const x of trace.rejections.filter((y) => y.sentence === s.index))
      console.log(
        `  no event: "${span(x.trigger.first, x.trigger.last)}" (${x.trigger.id}): ${x.reason}`,
      );
  }
  console.log(r.records.length ? '\nevents:' : '\nno events coded');
  for (const e of r.records) {
    console.log(
      `  ${e.source.code} → ${e.target?.code ?? '-'}  ${e.cameo} ${e.cameoLabel} (${e.plover.type}${e.plover.mode ? '/' + e.plover.mode : ''})  ${e.modality}  date ${e.date?.value ?? '-'}${e.date?.text ? ` from "${e.date.text}"` : ''}${e.location ? `  in ${e.location.name}` : ''}  confidence ${e.confidence}`,
    );
    console.log(`    because: ${e.evidence.join(', ')}`);
  }
  return EXIT.ok;
}
