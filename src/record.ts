import { z } from 'zod';

/** A resolved person or body behind an actor mention. */
export const Entity = z.object({ id: z.string(), name: z.string() });
export type Entity = z.infer<typeof Entity>;

/** Who acts or is acted upon, with the words that name them (spec: event-record.md). */
export const Actor = z.object({
  text: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  code: z.string(),
  country: z.string().nullable(),
  org: z.string().nullable(),
  role: z.string().nullable(),
  entity: Entity.nullable(),
});
export type Actor = z.infer<typeof Actor>;

export const Modality = z.enum(['asserted', 'planned', 'possible', 'negated']);
export type Modality = z.infer<typeof Modality>;

export const EventDate = z.object({
  value: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
  precision: z.enum(['day', 'month', 'year']),
  text: z.string().nullable(),
  basis: z.enum(['text', 'published']),
  /** Offsets of `text` in the article body (extra field: where the date was read). */
  start: z.number().int().nullable(),
  end: z.number().int().nullable(),
});
export type EventDate = z.infer<typeof EventDate>;

export const Location = z.object({
  name: z.string(),
  country: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  text: z.string(),
  /** Offsets of `text` in the article body (extra field). */
  start: z.number().int(),
  end: z.number().int(),
});
export type Location = z.infer<typeof Location>;

export const Span = z.object({ text: z.string(), start: z.number().int(), end: z.number().int() });
export type Span = z.infer<typeof Span>;

/** One coded event: the output contract v1. */
export const EventRecord = z.object({
  id: z.string().regex(/^ev_[0-9a-f]{12}$/),
  articleId: z.string(),
  sentenceIndex: z.number().int().min(0),
  sentence: z.string(),
  source: Actor,
  target: Actor.nullable(),
  cameo: z.string().regex(/^\d{2,4}$/),
  cameoLabel: z.string(),
  plover: z.object({ type: z.string(), mode: z.string().nullable() }),
  quadClass: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  goldstein: z.number(),
  modality: Modality,
  date: EventDate.nullable(),
  location: Location.nullable(),
  trigger: Span,
  quote: z.object({ speaker: Actor, text: z.string() }).nullable(),
  confidence: z.number().min(0).max(1),
  evidence: z.array(z.string()),
});
export type EventRecord = z.infer<typeof EventRecord>;

/** An article to code. `published` is YYYY-MM-DD when known. */
export const Article = z.object({
  id: z.string().min(1),
  text: z.string(),
  published: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}/, 'published must start with YYYY-MM-DD')
    .nullable()
    .optional(),
  title: z.string().nullable().optional(),
  url: z.string().nullable().optional(),
  source: z.string().nullable().optional(),
});
export type Article = z.infer<typeof Article>;

/** A problem with one input or sentence, reported and never fatal. */
export interface Issue {
  code: string;
  message: string;
  where: string;
}
