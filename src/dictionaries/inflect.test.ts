import { describe, expect, it } from 'vitest';
import { inflect } from './inflect.js';

describe('inflect', () => {
  it.each([
    ['host', 'hosts', 'hosted', 'hosting'],
    ['visit', 'visits', 'visited', 'visiting'],
    ['ban', 'bans', 'banned', 'banning'],
    ['urge', 'urges', 'urged', 'urging'],
    ['deny', 'denies', 'denied', 'denying'],
    ['criticize', 'criticizes', 'criticized', 'criticizing'],
    ['accuse', 'accuses', 'accused', 'accusing'],
    ['pledge', 'pledges', 'pledged', 'pledging'],
    ['push', 'pushes', 'pushed', 'pushing'],
    ['agree', 'agrees', 'agreed', 'agreeing'],
    ['play', 'plays', 'played', 'playing'],
  ])('%s', (base, s, past, ing) => {
    const f = inflect(base);
    expect(f.s).toBe(s);
    expect(f.past).toContain(past);
    expect(f.ing).toContain(ing);
  });

  it('uses the irregular forms given', () => {
    expect(inflect('meet', { past: 'met', participle: 'met' }).past).toEqual(['met']);
  });
});
