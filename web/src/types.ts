import type { z } from '@hono/zod-openapi';
import type {
  ExplainedSentence as ExplainedSentenceSchema,
  StoryEvent as StoryEventSchema,
} from '../../src/api/schemas.js';
import type { EventRecord } from '../../src/record.js';

// The API's own schemas, so the interface cannot drift from what the server sends.
export type StoryEvent = z.infer<typeof StoryEventSchema>;
export type ExplainedSentence = z.infer<typeof ExplainedSentenceSchema>;
export type { EventRecord };

export type SpanKind = 'source' | 'target' | 'actor' | 'trigger' | 'date' | 'place';

/** A stretch of text to highlight, with what it is. */
export interface Span {
  kind: SpanKind;
  start: number;
  end: number;
  label: string;
}

export interface EventsPage {
  events: StoryEvent[];
  next: string | null;
}

export interface EventDetail {
  event: StoryEvent;
  mentions: { articleId: string; record: EventRecord }[];
}

export interface ArticleView {
  article: {
    id: string;
    text: string;
    published?: string | null;
    title?: string | null;
    url?: string | null;
    source?: string | null;
    storyId: number;
  };
  spans: {
    kind: 'actor' | 'trigger' | 'date' | 'place';
    start: number;
    end: number;
    text: string;
    label: string;
  }[];
}

export interface DyadRow {
  pair: string;
  events: number;
  mentions: number;
  quad: number[];
  goldstein: number;
}

export interface TimelineRow {
  period: string;
  events: number;
  mentions: number;
  quad: number[];
  goldstein: number;
  meanGoldstein: number;
}

export interface Coded {
  records: EventRecord[];
  explanation?: ExplainedSentence[];
}
