/** Forms of a verb, by grammatical use: the pipeline needs to know past participles (passives). */
export interface VerbForms {
  base: string;
  s: string;
  past: string[];
  participle: string[];
  ing: string[];
}

const VOWEL = /[aeiou]/;

/** Short verbs ending consonant-vowel-consonant double the consonant ("ban" → "banned"). */
function doubles(verb: string): boolean {
  const n = verb.length;
  if (n < 3 || n > 6) return false;
  const [a, b, c] = [verb[n - 3] ?? '', verb[n - 2] ?? '', verb[n - 1] ?? ''];
  return !VOWEL.test(a) && VOWEL.test(b) && !/[aeiouwxy]/.test(c);
}

/**
 * Regular English inflection with the usual spelling rules; short verbs get both the doubled
 * and the plain form because the rule depends on stress ("visited" but "banned").
 * @example inflect('host').past // ['hosted']
 */
export function inflect(base: string, irregular?: { past: string; participle: string }): VerbForms {
  const v = base;
  let s: string;
  if (/(s|x|z|ch|sh|o)$/.test(v)) s = v + 'es';
  else if (/[^aeiou]y$/.test(v)) s = v.slice(0, -1) + 'ies';
  else s = v + 's';
  let ed: string[];
  let ing: string[];
  if (v.endsWith('e')) {
    ed = [v + 'd'];
    ing = v.endsWith('ee') ? [v + 'ing'] : [v.slice(0, -1) + 'ing'];
  } else if (/[^aeiou]y$/.test(v)) {
    ed = [v.slice(0, -1) + 'ied'];
    ing = [v + 'ing'];
  } else if (doubles(v)) {
    const last = v[v.length - 1] as string;
    ed = [v + last + 'ed', v + 'ed'];
    ing = [v + last + 'ing', v + 'ing'];
  } else {
    ed = [v + 'ed'];
    ing = [v + 'ing'];
  }
  if (v.endsWith('ie')) ing = [v.slice(0, -2) + 'ying'];
  return {
    base: v,
    s,
    past: irregular ? [irregular.past] : ed,
    participle: irregular ? [irregular.participle] : ed,
    ing,
  };
}
