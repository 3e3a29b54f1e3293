import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { CLI, dragoman, root } from './dragoman.js';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'dragoman-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, content: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

const good = file(
  'good.txt',
  " date 2024-07-25 Russian President Vladimir Putin has hosted Syria's Bashar Assad on Wednesday.",
);
const lines = (s: string) => s.trim().split('\n').filter(Boolean);

describe('dragoman code', () => {
  it('writes JSON Lines records and exits 0', () => {
    const r = dragoman(['code', good]);
    expect(r.code).toBe(0);
    const [rec] = lines(r.stdout).map(
      (l) => JSON.parse(l) as { cameo: string; date: { value: string } },
    );
    expect(rec).toMatchObject({ cameo: '043', date: { value: '2024-07-24' } });
  });

  it('reads JSON Lines from stdin and writes CSV with one header', () => {
    const input = [
      '{"id":"a","text":"Putin met Assad.","published":"2024-07-25"}',
      '{"id":"b","text":"Erdogan met Assad.","published":"2024-07-25"}',
    ].join('\n');
    const r = dragoman(['code', '-', '--format', 'csv'], input);
    expect(r.code).toBe(0);
    const out = lines(r.stdout);
    expect(out[0]).toMatch(/^id,articleId,sentenceIndex,sourceCode/);
    expect(out.filter((l) => l.startsWith('id,'))).toHaveLength(1);
    expect(out).toHaveLength(3);
  });

  it('writes the records of an article while standard input is still open', async () => {
    const child = spawn(process.execPath, [...CLI, 'code', '-'], { cwd: root });
    let out = '';
    const firstLine = new Promise<void>((resolve) =>
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('\n')) resolve();
      }),
    );
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.stdin.write('{"id":"a","text":"Putin hosted Assad.","published":"2024-07-25"}\n');
    // The second article is sent only once the first one's record is out.
    await firstLine;
    expect(JSON.parse(out.split('\n')[0] as string)).toMatchObject({
      articleId: 'a',
      cameo: '043',
    });
    child.stdin.end('{"id":"b","text":"Erdogan met Assad.","published":"2024-07-25"}\n');
    expect(await exited).toBe(0);
    expect(lines(out).map((l) => (JSON.parse(l) as { articleId: string }).articleId)).toEqual([
      'a',
      'b',
    ]);
  }, 30_000);

  it('prints a table', () => {
    const r = dragoman(['code', good, '--format', 'table']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('043 Host a visit');
  });

  it('sets the date of undated articles with --published', () => {
    const undated = file('undated.txt', 'Putin hosted Assad.');
    const [rec] = lines(dragoman(['code', undated, '--published', '2020-02-02']).stdout).map(
      (l) => JSON.parse(l) as { date: { value: string } },
    );
    expect(rec?.date.value).toBe('2020-02-02');
  });
});

describe('bad input: a clear one-line error, the rest still coded, exit 3', () => {
  it.each([
    [
      'a binary file',
      file('binary.txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff])),
      /binary\.txt: binary file/,
    ],
    [
      'a non-UTF-8 file',
      file('latin1.txt', Buffer.from('Erdo\xf0an met Assad in Ankara.', 'latin1')),
      /latin1\.txt: not valid UTF-8/,
    ],
    ['an empty file', file('empty.txt', ''), /empty\.txt: empty file/],
    ['an empty page', file('empty.html', ''), /empty\.html: empty file/],
    ['a blank page', file('blank.html', ' \n\t\n'), /blank\.html: empty file/],
    [
      'a page over the size limit of pages',
      file('huge.html', `<html><body><p>${'x'.repeat(11 * 1024 * 1024)}</p></body></html>`),
      /huge\.html: page over the 10 MB size limit of pages, skipped/,
    ],
    [
      'a page without an article',
      file('bare.html', '<html><head><title>Home</title></head><body></body></html>'),
      /bare\.html: no article text found in the page/,
    ],
    ['a missing file', join(dir, 'missing.txt'), /missing\.txt: no such file/],
    ['an unsupported file type', file('doc.pdf', '%PDF-1.4'), /doc\.pdf: unsupported file type/],
  ])('%s', (_, path, message) => {
    const r = dragoman(['code', path, good]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(lines(r.stdout).length).toBeGreaterThan(0);
  });

  it('reports malformed JSONL lines by file and line number and codes the others', () => {
    const jsonl = file(
      'mixed.jsonl',
      [
        '{"id":"a","text":"Putin met Assad.","published":"2024-07-25"}',
        '{"id":"b","text": oops',
        '{"id":"c"}',
        '',
        '{"id":"d","text":"Erdogan met Assad.","published":"2024-07-25"}',
      ].join('\n'),
    );
    const r = dragoman(['code', jsonl]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/mixed\.jsonl:2: not valid JSON/);
    expect(r.stderr).toMatch(/mixed\.jsonl:3: the line has no "text" field/);
    expect(
      new Set(lines(r.stdout).map((l) => (JSON.parse(l) as { articleId: string }).articleId)),
    ).toEqual(new Set(['a', 'd']));
  });

  it('codes a 20 MB article', () => {
    const para =
      "Russian President Vladimir Putin hosted Syria's Bashar Assad in Moscow on Wednesday. Markets were calm.\n\n";
    const big = file('big.txt', ' date 2024-07-25\n' + para.repeat(Math.ceil(20e6 / para.length)));
    const r = dragoman(['code', big, '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(lines(r.stdout).length).toBeGreaterThan(100_000);
  }, 300_000);

  it.each([
    [['code', '--bogus'], /unknown option '--bogus'/],
    [['code', good, '--format', 'xml'], /argument 'xml' is invalid/],
    [['code', good, '--published', '25/07/2024'], /--published expects a date as YYYY-MM-DD/],
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['explain'], /missing required argument 'sentence'/],
  ])('usage error %j exits 2', (args, message) => {
    const r = dragoman(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(lines(r.stderr)).toHaveLength(1);
  });
});

describe('dragoman explain', () => {
  it('shows actors, triggers and why events were or were not coded', () => {
    const r = dragoman([
      'explain',
      'Putin could call Erdogan if needed. Brazil beat Argentina 2-1.',
      '--published',
      '2024-07-25',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/actor: +"Putin" → RUSGOV \(Vladimir Putin\)/);
    expect(r.stdout).toMatch(/RUSGOV → TURGOV +041 .* possible/);
    expect(r.stdout).toMatch(/no event: "beat"|sport, market or weather/);
  });
});

describe('dragoman eval', () => {
  it('prints precision, recall and F1 per level', () => {
    const gold = file(
      'gold.jsonl',
      [
        JSON.stringify({
          id: 'g1',
          text: 'Putin hosted Assad in Moscow.',
          date: '2024-07-25',
          expected: [{ source: 'RUSGOV', target: 'SYRGOV', code: '043' }],
        }),
        JSON.stringify({
          id: 'g2',
          text: 'Brazil beat Argentina 2-1.',
          date: '2024-07-25',
          expected: [],
        }),
      ].join('\n'),
    );
    const r = dragoman(['eval', gold, '--json']);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as { levels: { name: string; f1: number }[] };
    expect(result.levels.map((l) => l.name)).toEqual([
      'CAMEO root, direction, modality',
      'CAMEO code, direction, modality',
      'PLOVER type, direction, modality',
    ]);
    expect(result.levels[0]?.f1).toBe(1);
  });
});
