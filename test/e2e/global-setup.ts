import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../dragoman.js';

/** The newest modification time of the files under a folder. */
function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile()) t = Math.max(t, statSync(join(e.parentPath, e.name)).mtimeMs);
  return t;
}

function run(command: string, args: string[]): void {
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${r.status})`);
}

/**
 * Before any test: Debian's chromium for the browser tests (installed by the project's own
 * script when missing), and a web build no older than its sources.
 */
export default function setup(): void {
  run('bash', [join(root, 'scripts/install-browser.sh')]);
  const index = join(root, 'dist/web/index.html');
  if (!existsSync(index) || statSync(index).mtimeMs < newest(join(root, 'web')))
    run(process.execPath, [
      join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      'web',
      '--logLevel',
      'warn',
    ]);
}
