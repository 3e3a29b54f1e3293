// Validates one data file against its schema: npx tsx scripts/validate-data.ts KIND FILE
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import {
  CameoEntry,
  CountryOverlay,
  Organisation,
  Person,
  RolePhrase,
} from '../src/dictionaries/schemas.js';

const kinds = {
  people: Person,
  organisations: Organisation,
  countries: CountryOverlay,
  roles: RolePhrase,
  cameo: CameoEntry,
} as const;
const [kind, file] = process.argv.slice(2);
const schema = kinds[kind as keyof typeof kinds];
if (!schema || !file) {
  console.error(`usage: validate-data.ts ${Object.keys(kinds).join('|')} FILE`);
  process.exit(2);
}
const data: unknown = parse(readFileSync(file, 'utf8'));
const result = z.array(schema as z.ZodType).safeParse(data);
if (!result.success) {
  for (const issue of result.error.issues.slice(0, 30)) {
    const entry =
      typeof issue.path[0] === 'number' ? (data as unknown[])[issue.path[0]] : undefined;
    console.error(
      `${file}: entry ${String(issue.path[0])} ${JSON.stringify(entry).slice(0, 80)}: ${issue.path.slice(1).join('.')} ${issue.message}`,
    );
  }
  process.exit(1);
}
console.log(`${file}: ${result.data.length} valid ${kind} entries`);
