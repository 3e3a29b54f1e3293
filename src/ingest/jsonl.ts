import { z } from 'zod';
import { Article, type Issue } from '../record.js';

const Line = Article.extend({
  id: z
    .union([z.string().min(1), z.number()])
    .transform(String)
    .optional(),
  text: z.string().min(1, 'text is empty'),
  published: z
    .string()
    .nullable()
    .optional()
    .transform((v) => (v && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : null)),
});

/**
 * One JSON Lines article, or the reason it cannot be read.
 * @example parseJsonlLine('{"id":"a","text":"Putin met Assad."}', 'in.jsonl', 1)
 */
export function parseJsonlLine(
  line: string,
  file: string,
  lineNo: number,
): { article: Article } | { issue: Issue } {
  const where = `${file}:${lineNo}`;
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch (err) {
    return {
      issue: { code: 'bad-json', message: `not valid JSON (${(err as Error).message})`, where },
    };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data))
    return { issue: { code: 'bad-json', message: 'expected a JSON object', where } };
  if (!('text' in data))
    return { issue: { code: 'no-text', message: 'the line has no "text" field', where } };
  const r = Line.safeParse(data);
  if (!r.success) {
    const msg = r.error.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; ');
    return { issue: { code: 'bad-article', message: msg, where } };
  }
  return {
    article: {
      ...r.data,
      id: r.data.id ?? `${file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '')}-${lineNo}`,
    },
  };
}
