import { foldForTagging } from './fold.js';

/** The article body in its two forms: `text` for offsets and output, `folded` for the tagger. */
export interface NormalizedText {
  text: string;
  folded: string;
}

/**
 * NFC-normalizes the body (the offsets of every record refer to this text) and makes the
 * same-length copy the tagger reads.
 * @example normalize('Erdog\u0306an').text // 'Erdoğan'
 */
export function normalize(body: string): NormalizedText {
  const text = body.normalize('NFC');
  return { text, folded: foldForTagging(text) };
}
