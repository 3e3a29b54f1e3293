import { parseHTML } from 'linkedom';

/** The few DOM members the page readers use: the project compiles without the DOM library. */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

export interface DomElement extends DomNode {
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

export interface DomDocument {
  title: string;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

/**
 * A document parsed by linkedom (a light DOM that @mozilla/readability runs on).
 * @example parseDocument('<p>Hello</p>').querySelector('p')?.textContent // 'Hello'
 */
export function parseDocument(html: string): DomDocument {
  return parseHTML(html).document as unknown as DomDocument;
}

const BLOCKS = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE BR DD DIV DL DT FIGCAPTION FIGURE FOOTER H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN OL P PRE SECTION TABLE TD TH TR UL'.split(
    ' ',
  ),
);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'svg', 'SVG']);

/**
 * The paragraphs of a DOM subtree: block elements start new paragraphs, white space inside one
 * is collapsed, and paragraphs are joined by blank lines (the coder slices long texts there).
 * @example blockText(parseDocument('<p>A  b</p><p>C</p>').querySelector('body')!) // 'A b\n\nC'
 */
export function blockText(root: DomNode): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const p = current.replace(/\s+/g, ' ').trim();
    if (p) paragraphs.push(p);
    current = '';
  };
  const walk = (node: DomNode) => {
    if (node.nodeType === 3) {
      current += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1 || SKIP.has(node.nodeName)) return;
    const block = BLOCKS.has(node.nodeName.toUpperCase());
    if (block) flush();
    // linkedom builds childNodes afresh on each read: read it once, or a big page takes minutes.
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) walk(children[i] as DomNode);
    if (block) flush();
  };
  walk(root);
  flush();
  return paragraphs.join('\n\n');
}
