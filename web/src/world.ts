import { registerMap } from 'echarts/core';
import { feature } from 'topojson-client';
import { unwrapGeometry } from './antimeridian.js';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries from 'world-atlas/countries-110m.json';

let registered = false;

/** Registers the bundled Natural Earth outline (world-atlas, 1:110m) as the map `world`. */
export function registerWorld(): string {
  if (!registered) {
    const topology = countries as unknown as Topology<{ countries: GeometryCollection }>;
    const geo = feature(topology, topology.objects.countries);
    // Antarctica takes a fifth of the height and holds no events.
    geo.features = geo.features
      .filter((f) => (f.properties as { name?: string } | null)?.name !== 'Antarctica')
      .map((f) => ({ ...f, geometry: unwrapGeometry(f.geometry) }));
    registerMap('world', geo as never);
    registered = true;
  }
  return 'world';
}
