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

const YEAR_DIGITS = /\d{4}/;
const MONTH = /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i;
const RELATIVE = /this|last|past|next|after/i;

/**
 * Words one of which every match of a parser's pattern holds, read off the patterns of
 * chrono-node 2.10 (case is ignored as they ignore it): a text without them gives that parser
 * nothing.
 */
const CUES: Record<string, RegExp> = {
  ENYearMonthDayParser: YEAR_DIGITS,
  ISOFormatParser: YEAR_DIGITS,
  ENMonthNameLittleEndianParser: MONTH,
  ENMonthNameMiddleEndianParser: MONTH,
  ENYearMonthNameParser: MONTH,
  ENMonthNameParser: MONTH,
  ENWeekdayParser: /sun|mon|tue|wed|thu|fri|sat|week/i,
  ENTimeUnitAgoFormatParser: /ago|before|earlier/i,
  ENCasualDateParser: /now|today|tonight|morrow|tmr|yesterday|night/i,
  ENRelativeDateFormatParser: RELATIVE,
  ENTimeUnitCasualRelativeFormatParser: /this|last|past|next|after|\+|-/i,
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
