/** One colour per QuadClass: cooperation in blues and greens, conflict in oranges and reds. */
const QUAD_COLORS = ['#4e79a7', '#59a14f', '#f28e2b', '#d62728'];

/** The colour of QuadClass q (1–4). */
export const quadColor = (q: number): string => QUAD_COLORS[q - 1] ?? '#888888';

/** Goldstein (−10 conflict … +10 cooperation) as a colour: red, grey, blue. */
export function goldsteinColor(g: number): string {
  const t = Math.max(-1, Math.min(1, g / 10));
  const grey = [150, 150, 150];
  const end = t < 0 ? [178, 24, 43] : [33, 102, 172];
  const mix = grey.map((c, i) => Math.round(c + ((end[i] as number) - c) * Math.abs(t)));
  return `rgb(${mix.join(', ')})`;
}
