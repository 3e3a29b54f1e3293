/** Why a request gave no usable body. */
export type FailReason =
  'bad-url' | 'robots' | 'http' | 'network' | 'timeout' | 'too-large' | 'wrong-type' | 'redirects';

/** What one GET came to, as data: a body, "not modified", or a failure with its reason. */
export type FetchOutcome =
  | {
      kind: 'ok';
      /** Where the body came from, after redirects. */
      url: string;
      status: number;
      mediaType: string | null;
      text: string;
      etag: string | null;
      lastModified: string | null;
      attempts: number;
    }
  | { kind: 'not-modified'; url: string; status: 304; attempts: number }
  | {
      kind: 'failed';
      url: string;
      reason: FailReason;
      /** The HTTP status when an answer came. */
      status: number | null;
      message: string;
      attempts: number;
    };

/** A failure a later round may not cure: the page is not for us (type, size, robots, URL). */
export function isPermanent(reason: FailReason): boolean {
  return (
    reason === 'wrong-type' || reason === 'too-large' || reason === 'robots' || reason === 'bad-url'
  );
}
