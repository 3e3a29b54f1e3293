/** Attributes and properties an element can be given; text goes in as text, never as markup. */
export interface Props {
  class?: string;
  id?: string;
  href?: string;
  type?: string;
  name?: string;
  value?: string;
  title?: string;
  role?: string;
  for?: string;
  scope?: string;
  rel?: string;
  autocomplete?: string;
  required?: boolean;
  list?: string;
  placeholder?: string;
  min?: string;
  max?: string;
  rows?: string;
  tabindex?: string;
  hidden?: boolean;
  open?: boolean;
  [attr: `aria-${string}`]: string;
  [attr: `data-${string}`]: string;
  onclick?: (e: MouseEvent) => void;
  onsubmit?: (e: SubmitEvent) => void;
  onchange?: (e: Event) => void;
}

export type Child = Node | string | number | null | undefined | false;

/**
 * Builds an element. Strings become text nodes, so data from the store cannot turn into markup.
 * @example h('a', { href: '/events/3' }, 'RUS → SYR')
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.slice(2), v as EventListener);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  append(el, ...children);
  return el;
}

/** Appends children, strings as text. */
export function append(el: Node, ...children: Child[]): void {
  for (const c of children)
    if (c !== null && c !== undefined && c !== false)
      el.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)));
}

/** Replaces an element's children, skipping the empty ones. */
export function replace(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, ...children);
}

/** A link that only ever points at http(s), so a stored URL cannot run script. */
export function safeLink(url: string | null, text: string): HTMLElement {
  if (url && /^https?:\/\//i.test(url))
    return h('a', { href: url, rel: 'noopener noreferrer' }, text);
  return h('span', {}, text);
}
