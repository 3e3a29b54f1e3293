import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, dragoman, root } from '../dragoman.js';

/** The seeds beside the project; DRAGOMAN_E2E_NO_SEEDS=1 tries the run a fresh clone gets. */
export const seeds = process.env['DRAGOMAN_E2E_NO_SEEDS'] ? null : join(root, '../shared/seeds');
export const haveSeeds = seeds !== null && existsSync(seeds);

/** An article of our own about the 2024-07-24 Putin–Assad visit, for when the seeds are absent. */
export const visitFixture = join(root, 'test/e2e/fixtures/putin-assad-visit.txt');

export interface Served {
  url: string;
  stop: () => Promise<void>;
}

/**
 * Ingests the bundled examples and the seeds (or the fixture visit) into a new store with the
 * command line, then starts `dragoman serve` on a free port.
 */
export async function serveStore(): Promise<Served> {
  const dir = mkdtempSync(join(tmpdir(), 'dragoman-e2e-'));
  const db = join(dir, 'e2e.db');
  const ingested = dragoman([
    'ingest',
    'examples',
    haveSeeds ? (seeds as string) : visitFixture,
    '--db',
    db,
  ]);
  if (ingested.code !== 0) throw new Error(`ingest failed: ${ingested.stderr}`);
  const child = spawn(process.execPath, [...CLI, 'serve', '--db', db, '--port', '0'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const url = await listening(child);
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((resolve) => child.once('exit', resolve));
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The address `serve` prints once it listens. */
function listening(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let said = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${said}`)), 30_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      said += chunk.toString();
      const m = /on (http:\/\/\S+?)\/? /.exec(said);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`serve exited (${code}): ${said}`)));
  });
}
