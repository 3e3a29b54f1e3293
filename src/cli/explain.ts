import { explainText } from '../explain.js';
import { EXIT, UsageError } from './errors.js';

export interface ExplainOptions {
  published?: string;
  json?: boolean;
}

/** `dragoman explain "<sentence>"`: tokens, actors, triggers, and why each event was or was not coded. */
export function runExplain(sentence: string, opts: ExplainOptions): number {
  if (!sentence.trim())
    throw new UsageError('explain needs a sentence, e.g. dragoman explain "Putin met Assad."');
  const { records, sentences } = explainText({
    id: 'explain',
    text: sentence,
    published: opts.published ?? null,
  });
  if (opts.json) {
    console.log(JSON.stringify(records, null, 2));
    return EXIT.ok;
  }
  for (const s of sentences) {
    console.log(`sentence ${s.index}: ${s.text}`);
    console.log(`  tokens:   ${s.tokens.map((t) => `${t.text}/${t.pos}`).join(' ')}`);
    if (s.actors.length === 0) console.log('  actors:   none found in the dictionaries');
    for (const m of s.actors)
      console.log(
        `  actor:    "${m.text}" → ${m.code}${m.person ? ` (${m.person})` : ''}  [${m.evidence.join(', ')}]${m.prep ? `  after "${m.prep}"` : ''}`,
      );
    for (const c of s.triggers) console.log(`  trigger:  "${c.text}" (${c.pattern}) → ${c.frame}`);
    for (const x of s.rejections)
      console.log(`  no event: "${x.text}" (${x.pattern}): ${x.reason}`);
  }
  console.log(records.length ? '\nevents:' : '\nno events coded');
  for (const e of records) {
    console.log(
      `  ${e.source.code} → ${e.target?.code ?? '-'}  ${e.cameo} ${e.cameoLabel} (${e.plover.type}${e.plover.mode ? '/' + e.plover.mode : ''})  ${e.modality}  date ${e.date?.value ?? '-'}${e.date?.text ? ` from "${e.date.text}"` : ''}${e.location ? `  in ${e.location.name}` : ''}  confidence ${e.confidence}`,
    );
    console.log(`    because: ${e.evidence.join(', ')}`);
  }
  return EXIT.ok;
}
