import { sentenceSpans } from './segments.js';
import type { EventRecord, Span } from './types.js';

/** The source, target, trigger, date and place of a record, as spans of its sentence. */
export function recordSpans(r: EventRecord): Span[] {
  return sentenceSpans(r.sentence, [
    { kind: 'trigger', at: r.trigger, label: `${r.cameo} ${r.cameoLabel}` },
    { kind: 'source', at: r.source, label: `source ${r.source.code}` },
    { kind: 'target', at: r.target, label: `target ${r.target?.code ?? ''}` },
    { kind: 'date', at: r.date, label: `date ${r.date?.value ?? ''}` },
    { kind: 'place', at: r.location, label: `place ${r.location?.name ?? ''}` },
  ]);
}
