type Ring = number[][];

/**
 * Moves the far side of a ring that crosses the 180th meridian (Chukotka, Fiji) next to the
 * rest, so that a flat map does not draw it as a line across the whole world.
 * @example unwrapRing([[179, 65], [-179, 66], [-179, 64]]) // [[179, 65], [181, 66], [181, 64]]
 */
export function unwrapRing(ring: Ring): Ring {
  const lons = ring.map((p) => p[0] ?? 0);
  if (Math.max(...lons) - Math.min(...lons) <= 180) return ring;
  const east = lons.filter((x) => x > 0).length >= lons.length / 2;
  return ring.map(([x = 0, y = 0]) => [east && x < 0 ? x + 360 : !east && x > 0 ? x - 360 : x, y]);
}

/** The same for every ring of a Polygon or MultiPolygon geometry. */
export function unwrapGeometry<G extends { type: string; coordinates?: unknown }>(g: G): G {
  if (g.type === 'Polygon') return { ...g, coordinates: (g.coordinates as Ring[]).map(unwrapRing) };
  if (g.type === 'MultiPolygon')
    return { ...g, coordinates: (g.coordinates as Ring[][]).map((p) => p.map(unwrapRing)) };
  return g;
}
