import { z } from '@hono/zod-openapi';

/** Filters as query parameters; repeated `actor`, `source`, `target` mean any of them. */
export const ListQuery = z.object({
  actor: z.union([z.string(), z.array(z.string())]).optional(),
  source: z.union([z.string(), z.array(z.string())]).optional(),
  target: z.union([z.string(), z.array(z.string())]).optional(),
  dyad: z
    .string()
    .regex(/^[^,]+,[^,]+$/, 'two actors separated by a comma, such as RUS,SYR')
    .optional(),
  cameo: z
    .string()
    .regex(/^\d{1,4}$/, 'a CAMEO code or prefix, such as 04 or 043')
    .optional(),
  plover: z.string().min(2).optional(),
  quad: z.enum(['1', '2', '3', '4']).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  modality: z.enum(['asserted', 'planned', 'possible', 'negated']).optional(),
  text: z.string().min(1).optional(),
  minArticles: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  cursor: z.string().optional(),
});
export type ListQuery = z.infer<typeof ListQuery>;

export const TimelineQuery = ListQuery.extend({
  by: z.enum(['day', 'week', 'month', 'year']).default('month'),
});

const ActorRef = z.object({
  code: z.string(),
  country: z.string().nullable(),
  org: z.string().nullable(),
});

export const StoryEvent = z
  .object({
    id: z.number().int(),
    source: ActorRef,
    target: ActorRef.nullable(),
    cameo: z.string(),
    cameoLabel: z.string(),
    plover: z.object({ type: z.string(), mode: z.string().nullable() }),
    quadClass: z.number().int(),
    goldstein: z.number(),
    modality: z.string(),
    date: z
      .object({ value: z.string(), precision: z.string(), basis: z.string(), day: z.string() })
      .nullable(),
    location: z
      .object({
        name: z.string(),
        country: z.string().nullable(),
        lat: z.number().nullable(),
        lon: z.number().nullable(),
      })
      .nullable(),
    numMentions: z.number().int(),
    numArticles: z.number().int(),
    numSources: z.number().int(),
    firstReport: z.string(),
    lastReport: z.string(),
    mentionIds: z.array(z.string()),
    articleIds: z.array(z.string()),
    sourceUrl: z.string().nullable(),
    inLead: z.boolean(),
  })
  .openapi('StoryEvent');

/** A coder record; its full shape is the project's event-record contract. */
export const EventRecord = z.record(z.string(), z.unknown()).openapi('EventRecord');

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .openapi('Error');

export const ArticleIn = z
  .object({
    id: z.string().min(1).max(500),
    text: z.string().min(1),
    published: z.iso.date().nullable().optional(),
    title: z.string().nullable().optional(),
    url: z.string().nullable().optional(),
    source: z.string().nullable().optional(),
  })
  .openapi('Article');

export const CodeIn = z
  .object({
    text: z.string().min(1),
    published: z.iso.date().nullable().optional(),
    /** Also say, sentence by sentence, what the coder saw (the `explain` command's output). */
    explain: z.boolean().optional(),
  })
  .openapi('CodeRequest');

const Words = { text: z.string(), start: z.number().int(), end: z.number().int() };

/** One sentence as `dragoman explain` shows it: tokens, actors, triggers, rejected triggers. */
export const ExplainedSentence = z
  .object({
    index: z.number().int(),
    start: z.number().int(),
    end: z.number().int(),
    text: z.string(),
    tokens: z.array(z.object({ text: z.string(), pos: z.string() })),
    actors: z.array(
      z.object({
        ...Words,
        code: z.string(),
        person: z.string().nullable(),
        evidence: z.array(z.string()),
        prep: z.string().nullable(),
      }),
    ),
    triggers: z.array(z.object({ ...Words, pattern: z.string(), frame: z.string() })),
    rejections: z.array(z.object({ ...Words, pattern: z.string(), reason: z.string() })),
  })
  .openapi('ExplainedSentence');
