import { h, type Child } from './dom.js';
import type { Route } from './router.js';

/** What a view is given to draw itself and clean up after. */
export interface ViewContext {
  route: Route;
  main: HTMLElement;
  /** Aborted when the reader moves on: pending requests stop, late answers are dropped. */
  signal: AbortSignal;
  onDispose: (fn: () => void) => void;
  navigate: (href: string) => void;
}

export type View = (ctx: ViewContext) => void | Promise<void>;

/** The view's heading (focused after navigation) and the page title. */
export function heading(title: string, ...extra: Child[]): HTMLElement {
  document.title = `${title} · dragoman`;
  return h('header', { class: 'page-head' }, h('h1', { tabindex: '-1' }, title), ...extra);
}
