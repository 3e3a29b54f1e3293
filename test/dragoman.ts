import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The project folder. */
export const root = new URL('..', import.meta.url).pathname;

/** The Node flags of the installed command's first line (`#!/usr/bin/env -S node ...`). */
const FLAGS =
  readFileSync(join(root, 'src/cli/main.ts'), 'utf8')
    .split('\n')[0]
    ?.split(/\s+/)
    .filter((word) => word.startsWith('--')) ?? [];

/**
 * The command line, from source: what a user runs, started as a user would start it, with
 * the flags of the installed command.
 */
export const CLI = [...FLAGS, '--import', 'tsx', join(root, 'src/cli/main.ts')];

/** Runs `dragoman` with arguments and optional standard input, and waits for it. */
export function dragoman(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [...CLI, ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
