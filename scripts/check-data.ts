// Validates every data file and lists each bad entry by file, entry and reason: npm run check:data
import { readData } from '../src/dictionaries/read.js';

const raw = readData(process.argv[2]);
for (const p of raw.problems) console.error(`${p.file}: ${p.entry}: ${p.reason}`);
console.log(
  `${raw.people.length} people, ${raw.organisations.length} organisations, ${raw.countries.length} country overlays, ` +
    `${raw.roles.length} role phrases, ${raw.events.length} event patterns, ${raw.cameo.length} CAMEO codes; ` +
    `${raw.problems.length} problems`,
);
process.exit(raw.problems.length ? 1 : 0);
