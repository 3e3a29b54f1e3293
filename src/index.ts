/**
 * dragoman: code English news articles into political event records.
 * @example
 * import { code } from 'dragoman';
 * const records = code({ id: 'a1', text: 'Russian President Vladimir Putin hosted Syria\'s Bashar Assad on Wednesday.', published: '2024-07-25' });
 */
import { codeText, type CodeOptions } from './code.js';
import type { Article, EventRecord } from './record.js';

export { codeSlices, codeText, codeTexts, CHUNK_CHARS, type CodeOptions } from './code.js';
export {
  loadDictionaries,
  DictionaryError,
  type Dictionaries,
  type DictionaryProblem,
} from './dictionaries/index.js';
export { codeArticle, type ArticleResult, type Trace } from './pipeline/index.js';
export { readInputs, type Input } from './ingest/sources.js';
export * from './record.js';

/** Codes one article and returns its event records. */
export function code(article: Article, options: CodeOptions = {}): EventRecord[] {
  return codeText(article, options).records;
}
