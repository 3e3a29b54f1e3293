import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DictionaryError, loadDictionaries } from './index.js';
import { DEFAULT_DATA_DIR, readData } from './read.js';

describe('bundled dictionaries', () => {
  it('validate with no problems', () => {
    expect(readData().problems).toEqual([]);
  });

  it('hold the facts the coder relies on', () => {
    const raw = readData();
    const roots = new Set(raw.cameo.map((c) => c.code.slice(0, 2)));
    expect(roots.size).toBe(20);
    expect(new Set(raw.events.map((e) => e.pattern.code.slice(0, 2))).size).toBe(20);
    const assad = raw.people.find((p) => p.id === 'bashar-al-assad');
    expect(assad?.roles).toContainEqual(
      expect.objectContaining({ country: 'SYR', title: 'president', to: '2024-12-08' }),
    );
  });
});

describe('bad dictionary data', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dragoman-data-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(DEFAULT_DATA_DIR, dir, { recursive: true });
  writeFileSync(
    join(dir, 'people', 'zz-bad.yaml'),
    [
      '- id: Not Kebab',
      '  name: X',
      '  roles: []',
      '- id: ok-person',
      '  name: Ok Person',
      '  roles:',
      '    - { country: RUSSIA, title: president, from: 2020-01-01 }',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'events', 'zz-bad.yaml'),
    '- { verb: zap, code: "999" }\n- { code: "040" }\n',
  );

  it('is reported by file, entry and reason', () => {
    const problems = readData(dir).problems;
    expect(problems).toContainEqual(
      expect.objectContaining({ file: 'people/zz-bad.yaml', entry: 'entry 0 (Not Kebab)' }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'people/zz-bad.yaml',
        entry: 'entry 1 (ok-person)',
        reason: expect.stringContaining('roles.0.country'),
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ file: 'events/zz-bad.yaml', reason: 'unknown CAMEO code 999' }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ file: 'events/zz-bad.yaml', entry: 'entry 1 (040)' }),
    );
  });

  it('stops loading with a DictionaryError listing them', () => {
    expect(() => loadDictionaries(dir)).toThrow(DictionaryError);
  });
});
