import { h } from './dom.js';
import { QUAD_NAMES } from './filters.js';
import type { StoryEvent } from './types.js';

/** The actor key that filters find: the country when there is one, else the code. */
export const actorKey = (a: { code: string; country: string | null }) => a.country ?? a.code;

/** The dyad of an event as a filter value (`RUS,SYR`), or null without a target. */
export function dyadOf(e: Pick<StoryEvent, 'source' | 'target'>): string | null {
  return e.target ? `${actorKey(e.source)},${actorKey(e.target)}` : null;
}

export function modalityBadge(modality: string): HTMLElement {
  return h('span', { class: `badge badge-${modality}` }, modality);
}

export const quadName = (q: number) => QUAD_NAMES[q - 1] ?? `QuadClass ${q}`;

export function dateText(e: Pick<StoryEvent, 'date'>): string {
  return e.date ? e.date.value : 'undated';
}

export function placeText(e: Pick<StoryEvent, 'location'>): string {
  if (!e.location) return '';
  return e.location.country ? `${e.location.name} (${e.location.country})` : e.location.name;
}

export const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
