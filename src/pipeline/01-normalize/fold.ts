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

/** Characters outside Latin-1, and the no-break space. */
const FOLDED = /[\u00a0\u0100-\uffff]/;
const FOLDED_ALL = new RegExp(FOLDED.source, 'g');

/**
 * Folds every character outside Latin-1 (and typographic punctuation) one-for-one, because
 * wink-nlp splits words at such characters; the length never changes.
 * @example foldForTagging('Erdoğan') // 'Erdogan'
 */
export function foldForTagging(text: string): string {
  // The pattern engine finds the rare characters to fold much faster than a loop over all.
  return FOLDED.test(text) ? text.replace(FOLDED_ALL, foldChar) : text;
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
