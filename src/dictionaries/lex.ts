// Apart from the builder, so that the segmenter can set a bit without importing it.
/** Bits of `Dictionaries.lexicon`: which index a word can start a phrase of. */
export const LEX = {
  actor: 1,
  verb: 2,
  noun: 4,
  veto: 8,
  conditional: 16,
  future: 32,
  anaphor: 64,
  modal: 128,
  denied: 256,
  cue: 512,
  /** Starts an actor phrase holding a role, the only kind written in lower case too. */
  role: 1024,
  /** A form of a verb of saying (`Dictionaries.speech`). */
  speech: 2048,
  /** A word some verb pattern requires as its object, or its plural, or a two-word one's first. */
  object: 4096,
  /** A word or number a date expression may hold: set by the segmenter, not by a dictionary. */
  date: 8192,
} as const;
