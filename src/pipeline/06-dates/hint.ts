/**
 * Words a date expression holds at least one of (month and weekday names, "yesterday", "week",
 * years, ordinals): chrono-node is given only the text around them.
 */
export const DATE_HINT = new RegExp(
  /\b(?:jan(?:uary)?|feb(?:ruary)?|march|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\b(?:yesterday|today|tomorrow|tonight|weekend|week|month|year|ago)\b|\b(?:1[89]|20)\d\d\b|\b\d{1,2}(?:st|nd|rd|th)\b/
    .source,
  'gi',
);

const HINT_ONCE = new RegExp(DATE_HINT.source, 'i');

/**
 * Whether a token may be part of a date expression: it holds a date word or a digit. A sentence
 * without such a token has no date to find (bare years and ordinals have digits).
 * @example mayHoldDate('Wednesday') // true
 */
export function mayHoldDate(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return HINT_ONCE.test(word);
}
