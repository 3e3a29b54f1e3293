import { z } from 'zod';

/** One expected event of a gold sentence. */
export const GoldEvent = z.object({
  source: z.string().nullable().default(null),
  target: z.string().nullable().default(null),
  code: z.string().min(2),
  modality: z.enum(['asserted', 'planned', 'possible', 'negated']).optional(),
});
export type GoldEvent = z.infer<typeof GoldEvent>;

/** A gold sentence: `{"id","text","date","expected":[...]}` (the PLOVER GSR format and ours). */
export const GoldSentence = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  text: z.string().min(1),
  date: z.string().nullable().optional(),
  expected: z.array(GoldEvent),
});
export type GoldSentence = z.infer<typeof GoldSentence>;
