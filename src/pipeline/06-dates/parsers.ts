import * as chrono from 'chrono-node';

// Only the parsers and refiners for days, months, years and relative dates: times of day,
// time zones and chrono's forward-dating are not wanted, and skipping them halves the cost.
const casual = chrono.casual.clone();
const PARSERS = casual.parsers.filter((p) =>
  /Weekday|MonthName|CasualDate|RelativeDate|TimeUnitAgo|TimeUnitCasualRelative|YearMonthDay|ISOFormat/.test(
    p.constructor.name,
  ),
);
const REFINERS = casual.refiners.filter(
  (r) => !/Timezone|DateTime|ForwardDate/.test(r.constructor.name),
);

const MONTH = /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i;
/** A month name as the patterns write it: full, cut to three letters ("Sept"), with a dot or not. */
const MONTH_NAME = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?`;
/** Ordinal words, by how they end ("fifth", "twenty-first", "thirteenth", "thirtieth"). */
const ORDINAL_END =
  'first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|teenth|tieth';
/** Ordinal words, by how they start ("thirteenth", "twenty-first"). */
const ORDINAL_START =
  'first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirt|fourt|fift|sixt|sevent|eight|ninet|twent';
const RELATIVE = /this|last|past|next|after/i;
/**
 * A weekday word standing alone: after a non-letter or the words the pattern allows before it
 * ("on", "last"), before a non-letter or the words it allows after it ("of", "next"), so that
 * "month", "showed" or "a straight week" are no cue.
 */
const WEEKDAY =
  /(?:^|\W|on|this|last|past|next)(?:sunday|monday|tuesday|wednesday|thursday|friday|saturday|thurs|thur|sun|mon|tue|wed|thu|fri|sat|weekend|weekday)(?=\W|$|of|this|last|past|next)/i;

/**
 * Text every match of a parser's pattern holds, read off the patterns of chrono-node 2.10
 * (case is ignored as they ignore it): a text without it gives that parser nothing.
 */
const CUES: Record<string, RegExp> = {
  ENYearMonthDayParser: /\d{4}[-./\s]/,
  ISOFormatParser: /\d{4}-\d/,
  // A day right before the month: "5 March", "5th of March", "the fifth of March".
  ENMonthNameLittleEndianParser: new RegExp(
    String.raw`(?:\d(?:st|nd|rd|th)?|${ORDINAL_END})(?:-|/|\s{0,3}(?:of)?\s{0,3})${MONTH_NAME}`,
    'i',
  ),
  // A day right after the month, its digits not running on into a year: "March 5", not "March 2023".
  ENMonthNameMiddleEndianParser: new RegExp(
    String.raw`${MONTH_NAME}(?:-|/|\s*,?\s*)(?:\d{1,2}(?!\d)|${ORDINAL_START})`,
    'i',
  ),
  // A year right before the month: "2023 May", "2023 of May", "543 BE May".
  ENYearMonthNameParser: new RegExp(
    String.raw`\d(?:\s{0,2}(?:BE|AD|BC|BCE|CE))?(?:\s*[-./,]?\s*|\s+of\s+)${MONTH_NAME}`,
    'i',
  ),
  ENMonthNameParser: MONTH,
  ENWeekdayParser: WEEKDAY,
  ENTimeUnitAgoFormatParser: /ago|before|earlier/i,
  ENCasualDateParser: /now|today|tonight|morrow|tmr|yesterday|night/i,
  ENRelativeDateFormatParser: RELATIVE,
  // A non-letter before the word or sign ("year-long" is no cue), and a number after it
  // ("next two weeks", "+2 days", "past few months"; not "next week").
  ENTimeUnitCasualRelativeFormatParser:
    /(?:^|\W)(?:this|last|past|next|after|\+|-)\s*(?:\d|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|half|few|several|the|couple)/i,
};

/** The distinct cues, each tested once a text; a parser with none listed is always run. */
const ALWAYS = /(?:)/;
const cues = [...new Set(PARSERS.map((p) => CUES[p.constructor.name] ?? ALWAYS))];
const cueOf = PARSERS.map((p) => cues.indexOf(CUES[p.constructor.name] ?? ALWAYS));
/**
 * Every parser and refiner kept, in one instance: what `parserFor` must always agree with.
 * @example allParsers.parse('on Wednesday').length // 1
 */
export const allParsers = new chrono.Chrono({ parsers: PARSERS, refiners: REFINERS });

/** One chrono instance per set of parsers a text can use, made when first needed. */
const bySet = new Map<number, chrono.Chrono>();

/**
 * A chrono-node instance with only the parsers that can match `text`, or null when none can:
 * each parser scans the whole text with a large pattern, and most find nothing.
 * @example parserFor('met on Wednesday')?.parsers.length // 1
 */
export function parserFor(text: string): chrono.Chrono | null {
  let found = 0;
  for (let c = 0; c < cues.length; c++) if ((cues[c] as RegExp).test(text)) found |= 1 << c;
  let set = 0;
  for (let i = 0; i < cueOf.length; i++) if (found & (1 << (cueOf[i] as number))) set |= 1 << i;
  if (set === 0) return null;
  let parser = bySet.get(set);
  if (parser === undefined) {
    parser = new chrono.Chrono({
      parsers: PARSERS.filter((_, i) => set & (1 << i)),
      refiners: REFINERS,
    });
    bySet.set(set, parser);
  }
  return parser;
}
