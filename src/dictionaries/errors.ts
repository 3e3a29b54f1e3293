/** One bad dictionary entry: which file, which entry, and why. */
export interface DictionaryProblem {
  file: string;
  entry: string;
  reason: string;
}

/** The dictionaries could not be loaded; `problems` lists every bad entry found. */
export class DictionaryError extends Error {
  override readonly name = 'DictionaryError';
  constructor(
    readonly problems: DictionaryProblem[],
    options?: { cause?: unknown },
  ) {
    const first = problems
      .slice(0, 10)
      .map((p) => `${p.file}: ${p.entry}: ${p.reason}`)
      .join('\n  ');
    const more = problems.length > 10 ? `\n  ... and ${problems.length - 10} more` : '';
    super(`bad dictionary data:\n  ${first}${more}`, options);
  }
}
