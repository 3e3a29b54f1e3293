// Checks what the seed documents must code to: npm run acceptance. Says "skipped" without ../shared.
import { seedChecks } from '../test/seed-checks.js';

const checks = seedChecks();
if (!checks) {
  console.log('acceptance: skipped (../shared/seeds not found)');
  process.exit(0);
}
for (const c of checks) console.log(`${c.ok ? 'ok  ' : 'FAIL'} ${c.name}\n       ${c.detail}`);
const failed = checks.filter((c) => !c.ok).length;
console.log(`${checks.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
