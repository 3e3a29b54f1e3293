import { TextDecoder } from 'node:util';

/** A body larger than the limit: reading stopped there. */
export const TOO_LARGE = Symbol('too-large');

/**
 * Reads a response body up to `maxBytes`, cancelling the stream (and so the connection) as soon
 * as it runs over: a huge page is never held in memory.
 * @example await readLimited(response.body, 10 * 1024 * 1024)
 */
export async function readLimited(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<Uint8Array | typeof TOO_LARGE> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return TOO_LARGE;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** The media type of a Content-Type header, lower case, without parameters. */
export function mediaTypeOf(contentType: string | null): string | null {
  const t = contentType?.split(';')[0]?.trim().toLowerCase();
  return t ? t : null;
}

const CHARSET = /charset\s*=\s*["']?([\w.:-]+)/i;
const XML_ENCODING = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i;

function decoderFor(label: string | undefined): TextDecoder | null {
  if (!label) return null;
  try {
    return new TextDecoder(label);
  } catch {
    return null;
  }
}

/**
 * Text of a body in the encoding it declares: a byte-order mark, the Content-Type charset, an
 * XML declaration or a `<meta>` charset near the start, else UTF-8.
 * @example decodeBody(bytes, 'text/html; charset=windows-1252')
 */
export function decodeBody(bytes: Uint8Array, contentType: string | null): string {
  // A byte-order mark outranks everything (the WHATWG encoding rules): TextDecoder reads it.
  const bom =
    (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf && 'utf-8') ||
    (bytes[0] === 0xfe && bytes[1] === 0xff && 'utf-16be') ||
    (bytes[0] === 0xff && bytes[1] === 0xfe && 'utf-16le') ||
    undefined;
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const declared =
    decoderFor(bom) ??
    decoderFor(CHARSET.exec(contentType ?? '')?.[1]) ??
    decoderFor(XML_ENCODING.exec(head)?.[1]) ??
    decoderFor(/<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1]);
  return (declared ?? new TextDecoder('utf-8')).decode(bytes);
}
