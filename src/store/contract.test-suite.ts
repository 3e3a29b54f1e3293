import { describe, expect, it } from 'vitest';
import type { Article, EventRecord } from '../record.js';
import { contentHash } from './content-hash.js';
import { runFeedStoreTests } from './feeds.test-suite.js';
import type { Store } from './store.js';

/** A coder record built by hand, so that the store is tested apart from the coder. */
export function record(
  id: string,
  over: {
    article?: string;
    source?: string;
    target?: string | null;
    cameo?: string;
    modality?: EventRecord['modality'];
    date?: string | null;
    basis?: 'text' | 'published';
    sentence?: number;
    place?: string;
  } = {},
): EventRecord {
  const actor = (code: string, start: number) => ({
    text: code,
    start,
    end: start + code.length,
    code,
    country: /^[A-Z]{3}/.test(code) && !code.startsWith('IGO') ? code.slice(0, 3) : null,
    org: code.startsWith('IGO') ? code.slice(3) : null,
    role: code.length > 3 && !code.startsWith('IGO') ? code.slice(3) : null,
    entity: code === 'RUSGOV' ? { id: 'vladimir-putin', name: 'Vladimir Putin' } : null,
  });
  const cameo = over.cameo ?? '040';
  const date = over.date === undefined ? '2024-07-24' : over.date;
  const target = over.target === undefined ? 'SYRGOV' : over.target;
  return {
    id: `ev_${id.padStart(12, '0')}`,
    articleId: over.article ?? 'a1',
    sentenceIndex: over.sentence ?? 0,
    sentence: 'A sentence.',
    source: actor(over.source ?? 'RUSGOV', 0),
    target: target ? actor(target, 10) : null,
    cameo,
    cameoLabel: `label ${cameo}`,
    plover: { type: cameo.startsWith('19') ? 'ASSAULT' : 'CONSULT', mode: null },
    quadClass: cameo.startsWith('19') ? 4 : 1,
    goldstein: cameo.startsWith('19') ? -10 : 1,
    modality: over.modality ?? 'asserted',
    date: date
      ? {
          value: date,
          precision: date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year',
          text: over.basis === 'published' ? null : 'Wednesday',
          basis: over.basis ?? 'text',
          start: null,
          end: null,
        }
      : null,
    location: over.place
      ? {
          name: over.place,
          country: 'RUS',
          lat: 55.75,
          lon: 37.62,
          text: over.place,
          start: 0,
          end: 6,
        }
      : null,
    trigger: { text: 'met', start: 7, end: 10 },
    quote: null,
    confidence: 0.8,
    evidence: [],
  };
}

/** Distinct article texts: a near-duplicate check must not group them. */
const WORDS =
  'alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu'.split(
    ' ',
  );
export function text(seed: number, length = 60): string {
  const out: string[] = [];
  let s = seed * 7919 + 13;
  for (let i = 0; i < length; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    out.push(`${WORDS[s % WORDS.length]}${(s >> 8) % 50}`);
  }
  return out.join(' ') + '.';
}

export function article(id: string, over: Partial<Article> = {}): Article {
  return {
    id,
    text: text(id.length * 31 + id.charCodeAt(id.length - 1)),
    published: '2024-07-25',
    ...over,
  };
}

function put(store: Store, a: Article, records: EventRecord[]) {
  return store.putArticle({ article: a, records, contentHash: contentHash(a) });
}

/**
 * The behaviour every Store backend must show, run against each one with a fresh, empty
 * store from `newStore`.
 */
export function runStoreTests(name: string, newStore: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    runFeedStoreTests(newStore);

    it('stores an article once; the same content again changes nothing', async () => {
      const store = await newStore();
      const a = article('a1');
      const first = await put(store, a, [record('1')]);
      const again = await put(store, a, [record('1')]);
      expect([first.status, again.status]).toEqual(['added', 'unchanged']);
      expect(await store.stats()).toEqual({ articles: 1, stories: 1, mentions: 1, events: 1 });
      expect(await store.articleHash('a1')).toBe(contentHash(a));
      await store.close();
    });

    it('keeps the rest of a batch when one article cannot be stored, and none of that one', async () => {
      const store = await newStore();
      await put(store, article('a0'), [record('0', { article: 'a0' })]);
      // A mention without a sentence index breaks a NOT NULL column after the article's
      // own row and story events are written: all of those must be undone.
      const broken = { ...record('2', { article: 'a2', cameo: '190', target: 'UKR' }) };
      (broken as { sentenceIndex: unknown }).sentenceIndex = null;
      const inputs = [
        [article('a1'), [record('1', { article: 'a1' })]],
        [article('a2'), [broken]],
        [article('a3'), [record('3', { article: 'a3', cameo: '042' })]],
      ] as const;
      const results = await store.putArticles(
        inputs.map(([a, records]) => ({
          article: a,
          records: [...records],
          contentHash: contentHash(a),
        })),
      );
      expect(results.map((r) => r.status)).toEqual(['added', 'failed', 'added']);
      expect(await store.article('a2')).toBeNull();
      expect(await store.events({ cameo: '190' })).toEqual([]);
      expect(await store.stats()).toMatchObject({ articles: 3, mentions: 3 });
      const [meeting] = await store.events({ cameo: '04' });
      expect(meeting?.articleIds).toEqual(['a0', 'a1', 'a3']);
      await store.close();
    });

    it('stores records given slice by slice, and codes them again when it must start over', async () => {
      const store = await newStore();
      let runs = 0;
      const moreRecords = function* () {
        runs++;
        yield [record('2', { article: 'a1', cameo: '190', target: 'UKR' })];
        yield [record('3', { article: 'a1', date: '2024-06' })];
      };
      const broken = { ...record('9', { article: 'a2' }) };
      (broken as { sentenceIndex: unknown }).sentenceIndex = null;
      const a1 = article('a1');
      const a2 = article('a2');
      const results = await store.putArticles([
        { article: a1, records: [record('1')], moreRecords, contentHash: contentHash(a1) },
        { article: a2, records: [broken], contentHash: contentHash(a2) },
      ]);
      expect(results.map((r) => [r.status, r.mentions])).toEqual([
        ['added', 3],
        ['failed', 0],
      ]);
      // The failure undid the group once: the slices were coded a second time.
      expect(runs).toBe(2);
      expect(await store.stats()).toMatchObject({ articles: 1, mentions: 3, events: 3 });
      await store.close();
    });

    it('replaces the mentions of an article whose text changed, and drops emptied events', async () => {
      const store = await newStore();
      await put(store, article('a1'), [record('1'), record('2', { cameo: '190', target: 'UKR' })]);
      const changed = await put(store, article('a1', { text: text(99) }), [
        record('3', { cameo: '042' }),
      ]);
      expect(changed.status).toBe('replaced');
      expect(await store.stats()).toMatchObject({ articles: 1, mentions: 1, events: 1 });
      const [e] = await store.events({});
      expect(e).toMatchObject({ cameo: '042', numMentions: 1, mentionIds: ['ev_000000000003'] });
      await store.close();
    });

    it.each([
      ['the same day', '2024-07-24', 1],
      ['a month later', '2024-08-24', 2],
      ['within the month of a month-precise date', '2024-07', 1],
      ['in another month', '2024-06', 2],
      ['within the year of a year-precise date', '2024', 1],
      ['in another year', '2023', 2],
    ])('merges meetings of one pair reported %s as %s story events', async (_, other, events) => {
      const store = await newStore();
      await put(store, article('a1'), [record('1', { article: 'a1' })]);
      await put(store, article('a2', { source: 'outlet-2' }), [
        record('2', { article: 'a2', date: other }),
      ]);
      expect((await store.stats()).events).toBe(events);
      await store.close();
    });

    it('merges "A met B" with "B met A", but keeps directed acts apart', async () => {
      const store = await newStore();
      await put(store, article('a1'), [
        record('1', { source: 'RUSGOV', target: 'SYRGOV' }),
        record('2', { source: 'RUSMIL', target: 'UKRMIL', cameo: '190' }),
      ]);
      await put(store, article('a2'), [
        record('3', { article: 'a2', source: 'SYRGOV', target: 'RUSGOV', cameo: '043' }),
        record('4', { article: 'a2', source: 'UKRMIL', target: 'RUSMIL', cameo: '190' }),
      ]);
      const events = await store.events({});
      expect(events).toHaveLength(3);
      const meeting = events.find((e) => e.cameo.startsWith('04'));
      expect(meeting).toMatchObject({ numMentions: 2, numArticles: 2 });
      await store.close();
    });

    it('keeps an asserted meeting and a possible one apart', async () => {
      const store = await newStore();
      await put(store, article('a1'), [record('1')]);
      await put(store, article('a2'), [record('2', { article: 'a2', modality: 'possible' })]);
      const events = await store.events({});
      expect(events.map((e) => e.modality).sort()).toEqual(['asserted', 'possible']);
      await store.close();
    });

    it('counts articles, outlets and report days; prefers a date read in the text', async () => {
      const store = await newStore();
      await put(store, article('a1', { source: 'Outlet A', published: '2024-07-25' }), [
        record('1', { date: '2024-07-25', basis: 'published' }),
        record('2', { sentence: 3 }),
      ]);
      await put(store, article('a2', { source: 'Outlet A', published: '2024-07-26' }), [
        record('3', { article: 'a2', date: '2024-07-26', basis: 'published', place: 'Moscow' }),
      ]);
      await put(store, article('a3', { source: 'Outlet B', published: '2024-07-27' }), [
        record('4', { article: 'a3', date: '2024-07-24', place: 'Moscow' }),
      ]);
      const [e, ...rest] = await store.events({});
      expect(rest).toHaveLength(0);
      expect(e).toMatchObject({
        numMentions: 4,
        numArticles: 3,
        numSources: 2,
        firstReport: '2024-07-25',
        lastReport: '2024-07-27',
        date: { value: '2024-07-24', basis: 'text' },
        location: { name: 'Moscow' },
        articleIds: ['a1', 'a2', 'a3'],
        inLead: true,
      });
      await store.close();
    });

    it('merges undated reports only within one story', async () => {
      const store = await newStore();
      const base = article('a1', { published: null });
      await put(store, base, [record('1', { date: null })]);
      // A copy of the same text is the same story; a different text is another story.
      await put(store, { ...base, id: 'a2' }, [record('2', { article: 'a2', date: null })]);
      await put(store, article('a3', { published: null }), [
        record('3', { article: 'a3', date: null }),
      ]);
      expect(await store.stats()).toMatchObject({ articles: 3, stories: 2, events: 2 });
      await store.close();
    });

    it('groups near-duplicate articles into stories: copies, light rewrites, expansions', async () => {
      const store = await newStore();
      const base = text(1, 120);
      const words = base.split(' ');
      const rewrite = words.map((w, i) => (i % 12 === 5 ? 'changed' : w)).join(' ');
      const expanded = `${base} ${text(2, 60)}`;
      await put(store, { id: 'orig', text: base }, []);
      await put(store, { id: 'copy', text: base, source: 'other' }, []);
      await put(store, { id: 'rewrite', text: rewrite }, []);
      await put(store, { id: 'expanded', text: expanded }, []);
      await put(store, { id: 'other', text: text(3, 120) }, []);
      const stories = (await store.stories()).map((s) => s.articles);
      expect(stories).toEqual([['orig', 'copy', 'rewrite', 'expanded'], ['other']]);
      await store.close();
    });

    it('filters story events by actor, side, dyad, code, type, class, dates, modality, articles', async () => {
      const store = await newStore();
      await put(store, article('a1'), [
        record('1'),
        record('2', { source: 'ISRMIL', target: 'PSEREB', cameo: '190', date: '2024-05-02' }),
        record('3', { source: 'IGOUN', target: 'ISRGOV', cameo: '112', date: '2023-11-20' }),
        record('4', {
          source: 'USAGOV',
          target: 'ISRGOV',
          cameo: '036',
          modality: 'planned',
          date: '2024-08',
        }),
      ]);
      await put(store, article('a2'), [
        record('5', { article: 'a2', source: 'SYRGOV', target: 'RUSGOV' }),
      ]);
      const ids = async (q: Parameters<Store['events']>[0]) =>
        (await store.events(q)).map((e) => e.cameo).sort();
      expect(await ids({ actor: ['ISR'] })).toEqual(['036', '112', '190']);
      expect(await ids({ actor: ['person:vladimir-putin'] })).toEqual(['040']);
      expect(await ids({ actor: ['UN'] })).toEqual(['112']);
      expect(await ids({ source: ['ISR'] })).toEqual(['190']);
      expect(await ids({ target: ['ISR'] })).toEqual(['036', '112']);
      expect(await ids({ dyad: [['PSE'], ['ISR']] })).toEqual(['190']);
      expect(await ids({ dyad: [['SYR'], ['RUS']] })).toEqual(['040']);
      expect(await ids({ cameo: '19' })).toEqual(['190']);
      expect(await ids({ plover: 'assault' })).toEqual(['190']);
      expect(await ids({ quad: 1 })).toEqual(['036', '040', '112']);
      expect(await ids({ from: '2024-01-01', to: '2024-07-31' })).toEqual(['040', '190']);
      expect(await ids({ from: '2024-08-01' })).toEqual(['036']);
      expect(await ids({ modality: 'planned' })).toEqual(['036']);
      expect(await ids({ minArticles: 2 })).toEqual(['040']);
      expect(await ids({ actor: ['ISR'], limit: 1 })).toHaveLength(1);
      const mentions = await store.mentions({ actor: ['ISR'] });
      expect(mentions.map((m) => m.record.cameo).sort()).toEqual(['036', '112', '190']);
      await store.close();
    });

    it('lists the same events, in the same order and pages, whichever index a query walks', async () => {
      const store = await newStore();
      const pairs = [
        'RUSGOV>SYRGOV',
        'SYRGOV>RUSGOV',
        'RUSGOV>RUSOPP',
        'TURGOV>SYRGOV',
        'RUSMIL>UKR',
      ];
      await put(
        store,
        article('a1'),
        Array.from({ length: 30 }, (_, i) => {
          const [source, target] = (pairs[i % pairs.length] as string).split('>') as [
            string,
            string,
          ];
          return record(String(i + 1), {
            source,
            target,
            // Days shared by pairs of events, and some undated, to test the order of ties.
            date:
              i % 7 === 3 ? null : `2024-0${1 + (i % 2)}-${String(1 + (i >> 1)).padStart(2, '0')}`,
            cameo: ['042', '190', '036'][i % 3] as string,
            sentence: i,
          });
        }),
      );
      // Two keys for one name cannot be walked: the query then takes the general plan.
      const cases: [Parameters<Store['events']>[0], Parameters<Store['events']>[0]][] = [
        [{ actor: ['RUS'] }, { actor: ['RUS', 'RUS'] }],
        [
          { actor: ['RUS'], from: '2024-01-01' },
          { actor: ['RUS', 'RUS'], from: '2024-01-01' },
        ],
        [{ dyad: [['RUS'], ['SYR']] }, { dyad: [['RUS', 'RUS'], ['SYR']] }],
        [
          { source: ['RUS'], target: ['SYR'] },
          { source: ['RUS', 'RUS'], target: ['SYR'] },
        ],
        [
          { target: ['SYR'], cameo: '04' },
          { target: ['SYR', 'SYR'], cameo: '04' },
        ],
      ];
      const pages = async (q: Parameters<Store['events']>[0]) => {
        const seen: number[] = [];
        let after: Parameters<Store['events']>[0]['after'];
        for (let page = 0; page < 20; page++) {
          const rows = await store.events({ ...q, limit: 4, ...(after ? { after } : {}) });
          seen.push(...rows.map((e) => e.id));
          const last = rows[rows.length - 1];
          if (rows.length < 4 || !last) break;
          after = { day: last.date?.day ?? null, id: last.id };
        }
        return seen;
      };
      for (const [walked, general] of cases) {
        const expected = await pages(general);
        expect(expected.length).toBeGreaterThan(2);
        expect(await pages(walked)).toEqual(expected);
      }
      await store.close();
    });

    it('finds events by the words of their articles, whatever the query syntax in them', async () => {
      const store = await newStore();
      await put(store, { id: 'x', text: 'The ministers met in Sochi to discuss grain exports.' }, [
        record('1'),
      ]);
      await put(store, { id: 'y', text: 'Shelling hit the port of Odesa overnight.' }, [
        record('2', { article: 'y', source: 'RUSMIL', target: 'UKR', cameo: '190' }),
      ]);
      const cameos = async (text: string) => (await store.events({ text })).map((e) => e.cameo);
      expect(await cameos('grain Sochi')).toEqual(['040']);
      expect(await cameos('odesa')).toEqual(['190']);
      expect(await cameos('grain odesa')).toEqual([]);
      expect(await cameos('"grain" OR NEAR(')).toEqual([]);
      await store.close();
    });

    it('searches the latest text of each article, and nothing of one that failed', async () => {
      const store = await newStore();
      const input = (id: string, words: string, r: EventRecord) => {
        const a = { id, text: words };
        return { article: a, records: [r], contentHash: contentHash(a) };
      };
      const broken = record('2', { article: 'y', cameo: '190', target: 'UKR' });
      (broken as { sentenceIndex: unknown }).sentenceIndex = null;
      await store.putArticles([
        input('x', 'Grain exports from Sochi.', record('1', { article: 'x', target: 'TUR' })),
        input('y', 'Shelling in the port of Odesa.', broken),
        input('z', 'Talks in Ankara.', record('3', { article: 'z', cameo: '042', target: 'IRN' })),
      ]);
      // Replaced in a later group, and twice within one group.
      await store.putArticles([
        input('x', 'Drones over Kyiv.', record('4', { article: 'x', cameo: '190', target: 'UKR' })),
      ]);
      await store.putArticles([
        input('w', 'Alpha beta.', record('5', { article: 'w', cameo: '111', target: 'FRA' })),
        input('w', 'Gamma delta.', record('6', { article: 'w', cameo: '112', target: 'FRA' })),
      ]);
      const cameos = async (text: string) => (await store.events({ text })).map((e) => e.cameo);
      expect(await cameos('grain')).toEqual([]);
      expect(await cameos('kyiv')).toEqual(['190']);
      expect(await cameos('odesa')).toEqual([]);
      expect(await cameos('ankara')).toEqual(['042']);
      expect(await cameos('alpha')).toEqual([]);
      expect(await cameos('gamma')).toEqual(['112']);
      await store.close();
    });

    it('pages newest first with a cursor, undated last', async () => {
      const store = await newStore();
      const days = ['2024-01-05', '2024-03-01', null, '2024-02-10', '2024-03-01'];
      await put(
        store,
        article('a1'),
        days.map((d, i) => record(String(i + 1), { date: d, target: `T${i}X`, cameo: '042' })),
      );
      const seen: (string | null)[] = [];
      let after: Parameters<Store['events']>[0]['after'];
      for (let page = 0; page < 5; page++) {
        const rows = await store.events({ limit: 2, ...(after ? { after } : {}) });
        seen.push(...rows.map((e) => e.date?.value ?? null));
        const last = rows[rows.length - 1];
        if (rows.length < 2 || !last) break;
        after = { day: last.date?.day ?? null, id: last.id };
      }
      expect(seen).toEqual(['2024-03-01', '2024-03-01', '2024-02-10', '2024-01-05', null]);
      await store.close();
    });

    it('sums pairs and periods', async () => {
      const store = await newStore();
      await put(store, article('a1'), [
        record('1', { date: '2024-07-01' }),
        record('2', { date: '2024-07-03', cameo: '190', source: 'RUSMIL', target: 'SYR' }),
        record('3', { date: '2024-08-15', cameo: '042' }),
        record('4', { date: '2024-07-09', source: 'USAGOV', target: 'ISRGOV' }),
        record('5', { date: '2024-07-02', source: 'RUSGOV', target: 'RUSMIL', cameo: '111' }),
      ]);
      const [top, second] = await store.dyads({});
      expect(top).toEqual({
        pair: 'RUS|SYR',
        events: 3,
        mentions: 3,
        quad: [2, 0, 0, 1],
        goldstein: -8,
      });
      expect(second?.pair).toBe('ISR|USA');
      const months = await store.timeline({ dyad: [['RUS'], ['SYR']] }, 'month');
      expect(months.map((m) => [m.period, m.events, m.goldstein])).toEqual([
        ['2024-07', 2, -9],
        ['2024-08', 1, 1],
      ]);
      const weeks = await store.timeline({ actor: ['RUS'] }, 'week');
      expect(weeks.map((w) => [w.period, w.events])).toEqual([
        ['2024-07-01', 3],
        ['2024-08-12', 1],
      ]);
      // The actor-only timeline reads the actor index; any other filter reads the events.
      expect(await store.timeline({ actor: ['RUS'] }, 'month')).toEqual(
        await store.timeline({ actor: ['RUS'], minArticles: 1 }, 'month'),
      );
      const counts = await store.actorCounts({ query: ['RUS', 'person:vladimir-putin'] });
      expect(counts).toEqual([
        { key: 'RUS', events: 4, asSource: 4, asTarget: 1 },
        { key: 'person:vladimir-putin', events: 3, asSource: 3, asTarget: 0 },
      ]);
      await store.close();
    });

    it.each([
      ['merging within one group', false],
      ['redone article by article after one fails', true],
    ])('keeps the actor index equal to the events when %s', async (_, failing) => {
      const store = await newStore();
      const broken = record('9', { article: 'a3', cameo: '190', target: 'UKR' });
      (broken as { sentenceIndex: unknown }).sentenceIndex = null;
      const inputs: [string, EventRecord[]][] = [
        ['a1', [record('1', { article: 'a1', date: '2024-07-24', basis: 'published' })]],
        // A date read in the text: the meeting moves from the 24th to the 22nd.
        ['a2', [record('2', { article: 'a2', date: '2024-07-22' })]],
      ];
      if (failing)
        inputs.push(['a3', [record('3', { article: 'a3', date: '2024-07-22' }), broken]]);
      inputs.push([
        'a4',
        [
          record('4', { article: 'a4', date: '2024-07-23', basis: 'published' }),
          record('5', { article: 'a4', cameo: '190', target: 'UKR', date: '2024-07-20' }),
        ],
      ]);
      const results = await store.putArticles(
        inputs.map(([id, records]) => {
          const a = article(id);
          return { article: a, records, contentHash: contentHash(a) };
        }),
      );
      expect(results.filter((r) => r.status === 'failed')).toHaveLength(failing ? 1 : 0);
      const byIndex = await store.timeline({ actor: ['RUS'] }, 'day');
      expect(byIndex.map((p) => [p.period, p.events, p.mentions, p.goldstein])).toEqual([
        ['2024-07-20', 1, 1, -10],
        ['2024-07-22', 1, 3, 1],
      ]);
      expect(byIndex).toEqual(await store.timeline({ actor: ['RUS'], minArticles: 1 }, 'day'));
      await store.close();
    });

    it('returns the stored article, and nothing for unknown ids', async () => {
      const store = await newStore();
      await put(store, article('a1', { title: 'T', url: 'https://example.org/a1' }), [record('1')]);
      expect(await store.article('a1')).toMatchObject({
        id: 'a1',
        title: 'T',
        url: 'https://example.org/a1',
      });
      expect(await store.article('nope')).toBeNull();
      expect(await store.event(12345)).toBeNull();
      const [e] = await store.events({});
      expect((await store.event(e?.id ?? -1))?.sourceUrl).toBe('https://example.org/a1');
      await store.close();
    });
  });
}
