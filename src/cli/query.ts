import { openStore, type EventQuery, type Period, type Store } from '../store/index.js';
import { listActors } from '../dictionaries/directory.js';
import { EXIT } from './errors.js';
import { gdeltRow, tsv } from './gdelt.js';
import { RecordWriter } from './output.js';
import { toQuery, type QueryFlags } from './query-flags.js';
import {
  formatActors,
  formatDyads,
  formatEvents,
  formatTimeline,
  type StoryFormat,
} from './story-output.js';

/** Opens the store only for reading: a query never creates or changes a store. */
async function withStore<T>(db: string, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(db, { readonly: true });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** Writes a chunk and waits while a slow reader catches up. */
async function write(text: string): Promise<void> {
  if (!process.stdout.write(text))
    await new Promise((resolve) => process.stdout.once('drain', resolve));
}

export async function runEvents(
  flags: QueryFlags & { db: string; format: StoryFormat; mentions?: boolean },
): Promise<number> {
  const q = toQuery(flags);
  await withStore(flags.db, async (store) => {
    if (flags.mentions) {
      const writer = new RecordWriter(flags.format, (s) => process.stdout.write(s));
      writer.add((await store.mentions(q)).map((m) => m.record));
      writer.end();
    } else await write(formatEvents(await store.events(q), flags.format));
  });
  return EXIT.ok;
}

export async function runDyads(
  flags: QueryFlags & { db: string; format: StoryFormat },
): Promise<number> {
  const q = toQuery({ ...flags, limit: flags.limit ?? '20' });
  await withStore(flags.db, async (store) =>
    write(formatDyads(await store.dyads(q), flags.format)),
  );
  return EXIT.ok;
}

export async function runTimeline(
  flags: QueryFlags & { db: string; format: StoryFormat; by: Period },
): Promise<number> {
  const q = toQuery(flags);
  await withStore(flags.db, async (store) =>
    write(formatTimeline(await store.timeline(q, flags.by), flags.format)),
  );
  return EXIT.ok;
}

/** Every matching story event, a page at a time so memory stays flat. */
async function* allEvents(store: Store, q: EventQuery) {
  let after: EventQuery['after'];
  for (;;) {
    const page = await store.events({ ...q, limit: 1000, ...(after ? { after } : {}) });
    yield page;
    const last = page[page.length - 1];
    if (page.length < 1000 || !last) return;
    after = { day: last.date?.day ?? null, id: last.id };
  }
}

export async function runExport(
  flags: QueryFlags & { db: string; format: 'jsonl' | 'csv' | 'gdelt' },
): Promise<number> {
  const q = toQuery(flags);
  await withStore(flags.db, async (store) => {
    let first = true;
    for await (const page of allEvents(store, q)) {
      if (flags.format === 'gdelt') await write(page.map((e) => tsv(gdeltRow(e))).join(''));
      else await write(formatEvents(page, flags.format, first));
      first = false;
    }
  });
  return EXIT.ok;
}

export async function runActors(flags: {
  db: string;
  query?: string;
  format: StoryFormat;
  limit: string;
}): Promise<number> {
  await withStore(flags.db, async (store) => {
    const rows = await listActors(store, flags.query, Number(flags.limit) || 50);
    await write(formatActors(rows, flags.format));
  });
  return EXIT.ok;
}
