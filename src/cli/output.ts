import Table from 'cli-table3';
import { stringify } from 'csv-stringify/sync';
import type { EventRecord } from '../record.js';

export type Format = 'jsonl' | 'csv' | 'table';

const CSV_COLUMNS = [
  'id',
  'articleId',
  'sentenceIndex',
  'sourceCode',
  'sourceText',
  'sourceEntity',
  'targetCode',
  'targetText',
  'targetEntity',
  'cameo',
  'cameoLabel',
  'ploverType',
  'ploverMode',
  'quadClass',
  'goldstein',
  'modality',
  'date',
  'datePrecision',
  'dateText',
  'dateBasis',
  'location',
  'locationCountry',
  'lat',
  'lon',
  'trigger',
  'confidence',
  'sentence',
] as const;

function csvRow(r: EventRecord): (string | number | null)[] {
  return [
    r.id,
    r.articleId,
    r.sentenceIndex,
    r.source.code,
    r.source.text,
    r.source.entity?.name ?? null,
    r.target?.code ?? null,
    r.target?.text ?? null,
    r.target?.entity?.name ?? null,
    r.cameo,
    r.cameoLabel,
    r.plover.type,
    r.plover.mode,
    r.quadClass,
    r.goldstein,
    r.modality,
    r.date?.value ?? null,
    r.date?.precision ?? null,
    r.date?.text ?? null,
    r.date?.basis ?? null,
    r.location?.name ?? null,
    r.location?.country ?? null,
    r.location?.lat ?? null,
    r.location?.lon ?? null,
    r.trigger.text,
    r.confidence,
    r.sentence,
  ];
}

function who(a: EventRecord['source'] | null): string {
  if (!a) return '-';
  return a.entity ? `${a.code}\n${a.entity.name}` : `${a.code}\n${a.text}`;
}

/** Writes records in one format; CSV and table headers appear once. */
export class RecordWriter {
  private wroteHeader = false;
  private table: Table.Table | null = null;

  constructor(
    private readonly format: Format,
    private readonly write: (s: string) => void,
  ) {}

  add(records: readonly EventRecord[]): void {
    if (records.length === 0) return;
    if (this.format === 'jsonl') {
      this.write(records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    } else if (this.format === 'csv') {
      const rows = records.map(csvRow);
      this.write(stringify(rows, { header: !this.wroteHeader, columns: [...CSV_COLUMNS] }));
      this.wroteHeader = true;
    } else {
      this.table ??= new Table({
        head: ['article', 'source', 'target', 'event', 'modality', 'date', 'place', 'words'],
        wordWrap: true,
        colWidths: [14, 20, 20, 22, 10, 12, 11, 26],
        style: { head: ['cyan'] },
      });
      for (const r of records)
        this.table.push([
          `${r.articleId}\n#${r.sentenceIndex}`,
          who(r.source),
          who(r.target),
          `${r.cameo} ${r.cameoLabel}\n${r.plover.type}`,
          r.modality,
          r.date ? `${r.date.value}${r.date.text ? `\n"${r.date.text}"` : ''}` : '-',
          r.location?.name ?? '-',
          r.trigger.text,
        ]);
      // Print in pages so that a long run neither waits nor holds every row.
      if (this.table.length >= 100) this.end();
    }
  }

  end(): void {
    if (this.table && this.table.length > 0) this.write(this.table.toString() + '\n');
    this.table = null;
  }
}
