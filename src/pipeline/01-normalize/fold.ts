/** Letters NFD cannot take apart, folded by hand to one plain letter each. */
const SPECIAL: Record<string, string> = {
  ı: 'i',
  İ: 'I',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ħ: 'h',
  Ħ: 'H',
  œ: 'o',
  Œ: 'O',
  ŀ: 'l',
  Ŀ: 'L',
  ŉ: 'n',
  ſ: 's',
  ƒ: 'f',
  ŋ: 'n',
  Ŋ: 'N',
  ŧ: 't',
  Ŧ: 'T',
  ĸ: 'k',
  '‘': "'",
  '’': "'",
  ʼ: "'",
  ʻ: "'",
  '‚': ',',
  '“': '"',
  '”': '"',
  '„': '"',
  '–': '-',
  '—': '-',
  '‐': '-',
  '‑': '-',
  '−': '-',
  '…': '.',
  '\u00a0': ' ',
  '\u2009': ' ',
  '\u202f': ' ',
  '\u200b': ' ',
};

const cache = new Map<string, string>();

/** One UTF-16 unit to one Latin-1 unit, so offsets in the folded text equal the original's. */
function foldChar(ch: string): string {
  const hit = cache.get(ch);
  if (hit !== undefined) return hit;
  let out = SPECIAL[ch];
  if (out === undefined) {
    const base = ch.normalize('NFD')[0] ?? ' ';
    if (base.charCodeAt(0) < 0x100 && base !== ch) out = base;
    else if (/\p{L}/u.test(ch)) out = 'x';
    else out = ' ';
  }
  cache.set(ch, out);
  return out;
}

/**
 * Folds every character outside Latin-1 (and typographic punctuation) one-for-one, because
 * wink-nlp splits words at such characters; the length never changes.
 * @example foldForTagging('Erdoğan') // 'Erdogan'
 */
export function foldForTagging(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80 || (code < 0x100 && code !== 0xa0)) continue;
    out += text.slice(from, i) + foldChar(text[i] as string);
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/**
 * The key dictionaries and tokens are compared by: lower case, no diacritics, typographic
 * quotes made plain.
 * @example matchKey('Türkiye') // 'turkiye'
 */
export function matchKey(word: string): string {
  let s = word;
  if (/[^\u0020-\u007e]/.test(s)) {
    s = foldForTagging(s)
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '');
  }
  return s.toLowerCase();
}
