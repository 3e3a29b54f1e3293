import type { DomDocument } from './dom.js';

type Json = unknown;

/** Article-like schema.org types, whose dates are the article's own. */
const ARTICLE_TYPE = /Article|BlogPosting|Report/;

/** Every object in a JSON-LD value: arrays, @graph and nested values, to a small depth. */
function* nodes(value: Json, depth = 0): Generator<Record<string, Json>> {
  if (depth > 6 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value) yield* nodes(v, depth + 1);
    return;
  }
  const obj = value as Record<string, Json>;
  yield obj;
  for (const v of Object.values(obj)) if (typeof v === 'object') yield* nodes(v, depth + 1);
}

function types(node: Record<string, Json>): string {
  const t = node['@type'];
  return Array.isArray(t) ? t.join(' ') : typeof t === 'string' ? t : '';
}

/** The JSON-LD blocks of a page that parse; a broken block is passed over. */
export function jsonLdBlocks(doc: DomDocument): Json[] {
  const out: Json[] = [];
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    try {
      out.push(JSON.parse(scripts[i]?.textContent ?? '') as Json);
    } catch {
      // Pages often carry broken JSON-LD beside good metadata: skip the block.
    }
  }
  return out;
}

/**
 * A string property of the page's article in JSON-LD (through @graph and arrays), else of any
 * node that has it.
 * @example jsonLdArticleField(blocks, 'datePublished') // '2025-06-10T08:00:00Z'
 */
export function jsonLdArticleField(blocks: Json[], field: string): string | null {
  let fallback: string | null = null;
  for (const block of blocks)
    for (const node of nodes(block)) {
      const v = node[field];
      const s = typeof v === 'string' ? v.trim() : null;
      if (!s) continue;
      if (ARTICLE_TYPE.test(types(node))) return s;
      fallback ??= s;
    }
  return fallback;
}
