import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import Table from 'cli-table3';
import { loadDictionaries } from '../dictionaries/index.js';
import { GoldSentence } from '../eval/gold.js';
import { evaluate } from '../eval/run.js';
import { EXIT } from './errors.js';

export interface EvalCommandOptions {
  verbose?: boolean;
  json?: boolean;
}

/** `dragoman eval GOLD.jsonl`: precision, recall and F1 per level; misses and extras with --verbose. */
export async function runEval(file: string, opts: EvalCommandOptions): Promise<number> {
  const gold: GoldSentence[] = [];
  let bad = 0;
  let n = 0;
  const stream = createReadStream(file, { encoding: 'utf8' });
  const opened = await new Promise<boolean>((resolve) => {
    stream.once('open', () => resolve(true));
    stream.once('error', (err) => {
      console.error(
        `dragoman: ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : err.message}`,
      );
      resolve(false);
    });
  });
  if (!opened) return EXIT.usage;
  for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
    n++;
    if (!line.trim()) continue;
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch {
      console.error(`dragoman: ${file}:${n}: not valid JSON, skipped`);
      bad++;
      continue;
    }
    const r = GoldSentence.safeParse(data);
    if (!r.success) {
      console.error(
        `dragoman: ${file}:${n}: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}, skipped`,
      );
      bad++;
      continue;
    }
    gold.push(r.data);
  }
  const result = evaluate(gold, loadDictionaries());
  if (opts.json) {
    console.log(JSON.stringify(result, null, 2));
    return bad ? EXIT.skipped : EXIT.ok;
  }
  const table = new Table({
    head: ['level', 'precision', 'recall', 'F1', 'tp', 'fp', 'fn'],
    style: { head: ['cyan'] },
  });
  for (const l of result.levels)
    table.push([
      l.name,
      l.precision.toFixed(3),
      l.recall.toFixed(3),
      l.f1.toFixed(3),
      l.tp,
      l.fp,
      l.fn,
    ]);
  console.log(`${result.sentences} ${result.scheme} gold sentences from ${file}`);
  console.log(table.toString());
  if (opts.verbose) {
    for (const d of result.details) {
      console.log(`\n${d.id}: ${d.text}`);
      for (const m of d.misses) console.log(`  miss   ${m.label}`);
      for (const e of d.extras) console.log(`  extra  ${e.label}`);
    }
  }
  return bad ? EXIT.skipped : EXIT.ok;
}
