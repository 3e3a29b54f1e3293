import { isPermanent } from '../fetch/outcome.js';
import { fetchArticle } from '../ingest/page.js';
import type { Article } from '../record.js';
import { contentHash, type SeenKey } from '../store/index.js';
import { keyId, type RoundContext, type RoundMemory, type Work } from './context.js';
import { articleKeys, entryKeys } from './keys.js';
import type { ArticleWriter, Written } from './writer.js';

function hostOf(url: string): string {
  return new URL(url).hostname.replace(/^www\./, '');
}

export type Taken = 'seen' | 'skipped' | { failed: string } | { written: Written<Work>[] };

/** One entry: recognised, skipped for good, failed for now, or read, coded and queued. */
export async function takeEntry(
  w: Work,
  feedUrl: string,
  ctx: RoundContext,
  memory: RoundMemory,
  writer: ArticleWriter<Work>,
): Promise<Taken> {
  const { entry } = w;
  const keys = entryKeys(entry);
  const roundSeen = memory.seen;
  if (keys.some((k) => roundSeen.has(keyId(k))) || (await ctx.store.findSeen(keys))) return 'seen';
  const earlier = keys.map((k) => memory.failed.get(keyId(k))).find((m) => m !== undefined);
  if (earlier) return { failed: `${earlier} (earlier this round)` };
  const skip = async (where: string, message: string) => {
    if (keys.length) await ctx.store.markSeen([{ feedUrl, articleId: null, keys }]);
    for (const k of keys) roundSeen.set(keyId(k), null);
    ctx.report(where, message);
    return 'skipped' as const;
  };

  let article: Article;
  let all: SeenKey[];
  if (!entry.link) {
    // An entry without a page: its own text is the article, if it has enough of it.
    if (entry.text.length < 200)
      return skip(
        feedUrl,
        `entry "${entry.title ?? entry.guid ?? '?'}" has no link and little text, skipped`,
      );
    const id =
      entry.guid && /^https?:\/\//.test(entry.guid)
        ? entry.guid
        : `${feedUrl}#${entry.guid ?? keys[0]?.value.slice(0, 16) ?? 'entry'}`;
    article = {
      id,
      text: entry.text,
      title: entry.title,
      published: entry.published,
      url: null,
      source: hostOf(feedUrl),
    };
    all = keys;
  } else {
    const page = await fetchArticle(ctx.http, entry.link, {
      title: entry.title,
      published: entry.published,
    });
    if ('failed' in page) {
      if (isPermanent(page.failed.reason)) return skip(entry.link, page.failed.message);
      for (const k of keys) memory.failed.set(keyId(k), page.failed.message);
      return { failed: page.failed.message };
    }
    if ('empty' in page) return skip(entry.link, page.empty);
    article = page.article;
    const more = articleKeys(article.id, page.finalUrl, article.text);
    const known = more.find((k) => roundSeen.has(keyId(k)));
    const match = known
      ? { articleId: roundSeen.get(keyId(known)) ?? null }
      : await ctx.store.findSeen(more);
    if (match) {
      // The same article under another link, or a copy of one: its links are remembered too.
      await ctx.store.markSeen([{ feedUrl, articleId: match.articleId, keys }]);
      for (const k of keys) roundSeen.set(keyId(k), match.articleId);
      return 'seen';
    }
    all = [...keys, ...more];
  }
  const hash = contentHash(article);
  if ((await ctx.store.articleHash(article.id)) === hash) {
    // Stored before a crash kept it from being marked: mark it now.
    await ctx.store.markSeen([{ feedUrl, articleId: article.id, keys: all }]);
    for (const k of all) roundSeen.set(keyId(k), article.id);
    return 'seen';
  }
  let coded: ReturnType<RoundContext['code']>;
  try {
    coded = ctx.code(article);
  } catch (err) {
    return { failed: `could not be coded: ${(err as Error).message}` };
  }
  for (const k of all) roundSeen.set(keyId(k), article.id);
  const { records, issues } = coded;
  for (const issue of issues) ctx.report(entry.link ?? article.id, issue.message);
  const written = await writer.add(
    { article, records, contentHash: hash },
    { feedUrl, articleId: article.id, keys: all },
    w,
  );
  return { written };
}
