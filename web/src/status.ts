import { ApiError } from './api.js';
import { h } from './dom.js';

/** Shown while a request is on its way. */
export function loading(what: string): HTMLElement {
  return h('p', { class: 'status loading', role: 'status' }, `Loading ${what}…`);
}

/** An error said in words, with what the API listed as wrong. */
export function errorBox(err: unknown): HTMLElement {
  const message =
    err instanceof ApiError ? err.message : err instanceof Error ? err.message : String(err);
  const box = h(
    'div',
    { class: 'status error', role: 'alert' },
    h('strong', {}, 'Error: '),
    message,
  );
  if (err instanceof ApiError && err.issues.length)
    box.append(h('ul', {}, ...err.issues.map((i) => h('li', {}, `${i.path}: ${i.message}`))));
  return box;
}

/** What to show instead of an empty panel. */
export function emptyState(message: string, hint?: string): HTMLElement {
  return h(
    'div',
    { class: 'status empty' },
    h('p', {}, message),
    hint ? h('p', { class: 'hint' }, hint) : null,
  );
}
