import { readFileSync } from 'node:fs';

/** The package version, read from package.json (one folder up from src/ and from dist/). */
export const VERSION = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;
