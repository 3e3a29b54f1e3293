/**
 * Articles longer than this are coded a slice at a time, cut at paragraph breaks. Apart from
 * code.ts so that reading it does not load the tagger's model.
 */
export const CHUNK_CHARS = 200_000;
