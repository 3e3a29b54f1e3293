import { describe, expect, it } from 'vitest';
import type { FeedState } from './feeds.js';
import type { Store } from './store.js';

const feed = 'https://news.example.org/world.xml';

function state(over: Partial<FeedState> = {}): FeedState {
  return {
    url: feed,
    etag: '"v1"',
    lastModified: 'Tue, 10 Jun 2025 08:00:00 GMT',
    lastFetched: '2025-06-10T08:00:05.000Z',
    lastStatus: 200,
    failures: 0,
    lastError: null,
    pending: [],
    ...over,
  };
}

/** The feed state every backend keeps for `watch`: validators, failures, seen entries. */
export function runFeedStoreTests(newStore: () => Promise<Store>): void {
  describe('feed state', () => {
    it('knows no feed at first, then keeps the last state written, whole', async () => {
      const store = await newStore();
      expect(await store.feedState(feed)).toBeNull();
      await store.saveFeedState(state());
      expect(await store.feedState(feed)).toEqual(state());
      const failed = state({
        etag: null,
        lastModified: null,
        lastStatus: 503,
        failures: 2,
        lastError: 'HTTP 503 after 3 tries',
        pending: [
          {
            link: 'https://news.example.org/a',
            title: 'Talks in Nairobi',
            published: '2025-06-09',
            failures: 1,
          },
        ],
      });
      await store.saveFeedState(failed);
      expect(await store.feedState(feed)).toEqual(failed);
      expect(await store.feedState('https://other.example.org/feed')).toBeNull();
      await store.close();
    });

    it('finds an entry by any of its keys, URLs before hashes, and nothing else', async () => {
      const store = await newStore();
      const link = { kind: 'url', value: 'https://news.example.org/a?id=1' } as const;
      const canonical = { kind: 'url', value: 'https://news.example.org/a' } as const;
      const hash = { kind: 'hash', value: 'f'.repeat(64) } as const;
      expect(await store.findSeen([link, hash])).toBeNull();
      await store.markSeen([
        { feedUrl: feed, articleId: 'https://news.example.org/a', keys: [link, canonical, hash] },
      ]);
      const byHash = await store.findSeen([
        { kind: 'url', value: 'https://elsewhere.example.org/copy' },
        hash,
      ]);
      expect(byHash).toMatchObject({
        key: hash,
        feedUrl: feed,
        articleId: 'https://news.example.org/a',
      });
      expect((await store.findSeen([hash, canonical]))?.key).toEqual(canonical);
      expect(await store.findSeen([{ kind: 'hash', value: canonical.value }])).toBeNull();
      expect(await store.findSeen([])).toBeNull();
      await store.close();
    });

    it('keeps the first entry a key was seen as, and entries skipped without an article', async () => {
      const store = await newStore();
      const key = { kind: 'url', value: 'https://news.example.org/shared' } as const;
      const pdf = { kind: 'url', value: 'https://news.example.org/report.pdf' } as const;
      await store.markSeen([{ feedUrl: feed, articleId: 'first', keys: [key] }]);
      await store.markSeen([
        { feedUrl: 'https://other.example.org/feed', articleId: 'second', keys: [key] },
        { feedUrl: feed, articleId: null, keys: [pdf] },
      ]);
      await store.markSeen([]);
      expect(await store.findSeen([key])).toMatchObject({ feedUrl: feed, articleId: 'first' });
      expect(await store.findSeen([pdf])).toMatchObject({ articleId: null });
      expect((await store.findSeen([pdf]))?.seenAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      await store.close();
    });
  });
}
