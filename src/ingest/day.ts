const MONTHS = 'jan feb mar apr may jun jul aug sep oct nov dec'.split(' ');
const ISO_DAY = /^\s*(\d{4})-(\d{2})-(\d{2})/;
const RFC_DAY = /\b(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{4})\b/i;

function valid(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return null;
  return date.toISOString().slice(0, 10);
}

/**
 * The day a timestamp names, as its publisher wrote it (the local date, not the UTC one):
 * ISO 8601 and RFC 822/2822 dates, else whatever Date.parse reads, in UTC.
 * @example dayOf('Tue, 10 Jun 2025 23:30:00 -0500') // '2025-06-10'
 */
export function dayOf(value: string | null | undefined): string | null {
  if (!value) return null;
  const iso = ISO_DAY.exec(value);
  if (iso) return valid(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const rfc = RFC_DAY.exec(value);
  const month = rfc ? MONTHS.indexOf((rfc[2] as string).toLowerCase()) : -1;
  if (rfc && month >= 0) return valid(Number(rfc[3]), month + 1, Number(rfc[1]));
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10);
}
