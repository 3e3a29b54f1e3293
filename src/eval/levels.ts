import type { Dictionaries } from '../dictionaries/index.js';
import { cameoRow } from '../pipeline/08-score/score.js';
import type { EventRecord } from '../record.js';
import type { GoldEvent } from './gold.js';
import type { Comparable } from './score.js';

/** One way of comparing: how a gold event and a record become comparable items. */
export interface Level {
  name: string;
  withActors: boolean;
  gold: (g: GoldEvent) => Comparable | null;
  predicted: (r: EventRecord) => Comparable | null;
}

const SYMMETRIC_CODES = ['04', '06', '057', '050', '0871', '190'];
const SYMMETRIC_TYPES = new Set(['CONSULT', 'COOPERATE']);

function symmetricCode(code: string): boolean {
  return SYMMETRIC_CODES.some((c) => code.startsWith(c));
}

/**
 * The PLOVER type a record stands for: PLOVER codes an announced or possible act as an
 * intention (AGREE) or a threat (THREATEN), and has no type for acts that did not happen.
 */
export function ploverTypeOf(r: EventRecord): string | null {
  if (r.modality === 'negated') return null;
  if (r.modality === 'asserted') return r.plover.type;
  if (r.plover.type === 'AGREE' || r.plover.type === 'THREATEN') return r.plover.type;
  return r.quadClass <= 2 ? 'AGREE' : 'THREATEN';
}

function actor(code: string | null | undefined): string {
  return code ?? '';
}

/** Levels for a gold set coded in CAMEO (this project's own): direction and modality count. */
export function cameoLevels(dict: Dictionaries): Level[] {
  const typeOf = (code: string) => cameoRow(dict, code)?.plover ?? 'UNKNOWN';
  const make = (name: string, keyOf: (code: string) => string): Level => ({
    name,
    withActors: true,
    gold: (g) => ({
      key: `${keyOf(g.code)}|${g.modality ?? 'asserted'}`,
      source: actor(g.source),
      target: actor(g.target),
      symmetric: symmetricCode(g.code),
      label: `${g.source ?? '-'}→${g.target ?? '-'} ${g.code} ${g.modality ?? 'asserted'}`,
    }),
    predicted: (r) => ({
      key: `${keyOf(r.cameo)}|${r.modality}`,
      source: r.source.code,
      target: actor(r.target?.code),
      symmetric: symmetricCode(r.cameo),
      label: `${r.source.code}→${r.target?.code ?? '-'} ${r.cameo} ${r.modality} "${r.trigger.text}"`,
    }),
  });
  return [
    make('CAMEO root, direction, modality', (c) => c.slice(0, 2)),
    make('CAMEO code, direction, modality', (c) => c),
    make('PLOVER type, direction, modality', typeOf),
  ];
}

/** Levels for a gold set coded in PLOVER types (the PLOVER GSR): types alone, then with countries. */
export function ploverLevels(): Level[] {
  const country = (c: string | null | undefined) => (c ?? '').slice(0, 3);
  const make = (name: string, withActors: boolean): Level => ({
    name,
    withActors,
    gold: (g) => ({
      key: g.code,
      source: country(g.source),
      target: country(g.target),
      symmetric: SYMMETRIC_TYPES.has(g.code),
      label: `${g.source ?? '-'}→${g.target ?? '-'} ${g.code}`,
    }),
    predicted: (r) => {
      const type = ploverTypeOf(r);
      if (!type) return null;
      return {
        key: type,
        source: country(r.source.country ?? r.source.code),
        target: country(r.target ? (r.target.country ?? r.target.code) : ''),
        symmetric: SYMMETRIC_TYPES.has(type),
        label: `${r.source.code}→${r.target?.code ?? '-'} ${type} (${r.cameo} ${r.modality}) "${r.trigger.text}"`,
      };
    },
  });
  return [make('PLOVER type', false), make('PLOVER type, source and target country', true)];
}
