// What the two seed documents must code to (issue 2), as checks shared by the test and the script.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeText } from '../src/code.js';
import { parseTextArticle } from '../src/ingest/text-file.js';
import type { EventRecord } from '../src/record.js';

export const SEEDS_DIR = fileURLToPath(new URL('../../shared/seeds/', import.meta.url));

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

function code(file: string): EventRecord[] {
  const id = file.replace(/\.txt$/, '');
  return codeText(parseTextArticle(id, readFileSync(join(SEEDS_DIR, file), 'utf8'))).records;
}

const dyad = (r: EventRecord, a: string, b: string) =>
  r.source.country === a && r.target?.country === b;
const either = (r: EventRecord, a: string, b: string) => dyad(r, a, b) || dyad(r, b, a);
const show = (rs: EventRecord[]) =>
  rs
    .map(
      (r) =>
        `${r.source.code}>${r.target?.code ?? '-'} ${r.cameo} ${r.modality} ${r.date?.value ?? '-'}`,
    )
    .join('; ') || 'none';

/** Runs every seed check; null when the seeds are not there. */
export function seedChecks(): Check[] | null {
  if (!existsSync(join(SEEDS_DIR, '000_61a1fd7f0c131dee.txt'))) return null;
  const a = code('000_61a1fd7f0c131dee.txt');
  const b = code('004_558dfa309ba0e0f2.txt');
  const checks: Check[] = [];
  const check = (name: string, found: EventRecord[], ok: boolean) =>
    checks.push({ name, ok, detail: show(found) });

  const visit = a.filter((r) => dyad(r, 'RUS', 'SYR') && r.cameo === '043');
  check(
    '000: RUS→SYR 043 asserted, 2024-07-24',
    visit,
    visit.some((r) => r.modality === 'asserted' && r.date?.value === '2024-07-24'),
  );
  const march = a.filter(
    (r) => either(r, 'RUS', 'SYR') && r.cameo.startsWith('04') && r.date?.value === '2023-03',
  );
  check(
    '000: a Russia–Syria meeting dated 2023-03',
    march,
    march.some((r) => r.modality === 'asserted'),
  );
  const ties = a.filter((r) => dyad(r, 'TUR', 'SYR') && r.cameo.startsWith('16'));
  check(
    '000: Türkiye→Syria cutting ties (16x) dated 2011',
    ties,
    ties.some((r) => r.date?.value === '2011' && r.modality === 'asserted'),
  );
  const trio = a.filter(
    (r) =>
      r.cameo.startsWith('04') &&
      r.date?.value === '2022-12' &&
      r.source.role === 'GOV' &&
      r.target?.role === 'GOV',
  );
  const pairs = new Set(trio.map((r) => [r.source.country, r.target?.country].sort().join('-')));
  check(
    '000: three pairwise meetings of the defence ministers, 2022-12',
    trio,
    ['RUS-SYR', 'RUS-TUR', 'SYR-TUR'].every((p) => pairs.has(p)),
  );
  // The only asserted Türkiye–Syria meeting in the text is the ministers' of December 2022.
  const erdoganAssad = a.filter(
    (r) =>
      either(r, 'TUR', 'SYR') &&
      r.cameo.startsWith('04') &&
      r.modality === 'asserted' &&
      r.date?.value !== '2022-12',
  );
  check('000: nothing asserts that Erdoğan and Assad met', erdoganAssad, erdoganAssad.length === 0);

  const condolences = b.filter((r) => r.cameo === '018' && r.source.country === 'RUS');
  check(
    '004: RUS→TUR and RUS→SYR condolences (018)',
    condolences,
    ['TUR', 'SYR'].every((c) =>
      condolences.some((r) => r.target?.country === c && r.modality === 'asserted'),
    ),
  );
  const help = b.filter(
    (r) =>
      dyad(r, 'RUS', 'TUR') &&
      (r.cameo.startsWith('033') || (r.cameo.startsWith('07') && r.modality !== 'asserted')),
  );
  check('004: Russia ready to help Turkey (033 or a non-asserted aid code)', help, help.length > 0);
  const calls = b.filter((r) => r.source.country === 'RUS' && r.cameo === '041');
  const asserted = calls.filter((r) => r.modality === 'asserted');
  check(
    '004: the Putin phone talks only as 036 or a non-asserted 041',
    calls,
    asserted.length === 0 && (calls.length > 0 || b.some((r) => r.cameo === '036')),
  );
  return checks;
}
