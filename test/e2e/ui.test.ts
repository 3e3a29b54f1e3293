import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPage, snap } from './browser.js';
import { haveSeeds, serveStore, type Served } from './server.js';

let served: Served;
let browser: Browser;
let problems: string[] = [];
const pages: Page[] = [];

beforeAll(async () => {
  served = await serveStore();
  browser = await launch();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await served?.stop();
});
afterEach(async () => {
  // Nothing refused by the CSP, no script error, in any view a test went through.
  expect(problems.join('\n')).toBe('');
  problems = [];
  for (const p of pages.splice(0)) await p.close();
});

async function open(path: string): Promise<Page> {
  const o = await openPage(browser);
  problems = o.problems;
  pages.push(o.page);
  await o.page.goto(served.url + path);
  return o.page;
}

const texts = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((els) => els.map((e) => e.textContent ?? ''));

const visitDay = '2024-07-24';

async function visitRow(page: Page) {
  const row = page.locator('table.events tbody tr', { hasText: visitDay }).filter({
    hasText: /04\d/,
  });
  await row.first().waitFor();
  return row.first();
}

describe(`the web interface in headless Chromium (${haveSeeds ? 'seeds' : 'fixture visit'})`, () => {
  it('filters the events table to Russia–Syria from the filter form', async () => {
    const page = await open('/');
    await page.locator('table.events tbody tr').first().waitFor();
    // By keyboard: type into the labelled field and press Enter; the new view's heading takes focus.
    await page.getByLabel('Dyad (two actors)').focus();
    await page.keyboard.type('RUS,SYR');
    await page.keyboard.press('Enter');
    await page.waitForURL(/[?&]dyad=RUS%2CSYR/);
    await page.locator('h1:focus').waitFor();
    await visitRow(page);
    const pairs = await page
      .locator('table.events tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) =>
          [...r.querySelectorAll('td')].slice(1, 3).map((td) => (td.textContent ?? '').slice(0, 3)),
        ),
      );
    expect(pairs.length).toBeGreaterThan(0);
    for (const pair of pairs) expect(pair.sort()).toEqual(['RUS', 'SYR']);
    expect(await page.locator('h1').textContent()).toBe('Story events');
    await snap(page, 'events-russia-syria', true);
  });

  it('opens the 2024-07-24 visit and shows its sentence with the parts highlighted', async () => {
    const page = await open('/?dyad=RUS,SYR');
    await (await visitRow(page)).getByRole('link').click();
    await page.locator('ol.reports li').first().waitFor();
    expect(await page.locator('h1').textContent()).toMatch(/^RUSGOV → SYRGOV: 04\d /);
    const report = page.locator('ol.reports li').first();
    expect(await report.locator('mark.hl-trigger').count()).toBeGreaterThan(0);
    expect((await texts(page, 'ol.reports li:first-child mark.hl-source')).join(' ')).toMatch(
      /Putin/,
    );
    expect((await texts(page, 'ol.reports li:first-child mark.hl-target')).join(' ')).toMatch(
      /Assad/,
    );
    expect(await page.locator('.facts').textContent()).toContain(visitDay);
    await snap(page, 'event-visit', true);

    await report.getByRole('link', { name: /^Article / }).click();
    await page.locator('div.evidence mark.hl-trigger').first().waitFor();
    expect(await page.locator('div.evidence').textContent()).toMatch(/Assad/);
    await snap(page, 'article-visit');
  });

  it('draws the timeline and the network of that dyad', async () => {
    const page = await open('/?dyad=RUS,SYR');
    await (await visitRow(page)).getByRole('link').click();
    await page.locator('p.links').getByRole('link', { name: 'timeline' }).click();
    await page.waitForURL(/\/timeline\?dyad=RUS%2CSYR/);
    await page.locator('.chart canvas').waitFor();
    expect(await texts(page, 'details.data tbody td:first-child')).toContain('2024-07');
    await snap(page, 'timeline-russia-syria', true);

    await page.getByRole('group', { name: 'Period' }).getByRole('link', { name: 'week' }).click();
    await page.waitForURL(/by=week/);
    await page.locator('.chart canvas').waitFor();
    expect(await texts(page, 'details.data tbody td:first-child')).toContain('2024-07-22');

    await page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('link', { name: 'Network' })
      .click();
    await page.waitForURL(/\/network\?dyad=RUS%2CSYR/);
    await page.locator('.chart canvas').waitFor();
    const pairs = await texts(page, 'table tbody td:first-child');
    expect(pairs.map((p) => p.split(' – ').sort().join('–'))).toContain('RUS–SYR');
    await snap(page, 'network-russia-syria', true);
  });

  it('puts event places on the bundled world map', async () => {
    const page = await open('/map');
    await page.locator('.chart canvas').waitFor();
    expect(await texts(page, 'table tbody td:first-child')).toContain('Moscow');
    await snap(page, 'map', true);
  });

  it('codes a pasted article in the playground and explains each event', async () => {
    const page = await open('/playground');
    await page
      .getByLabel('Article text')
      .fill(
        'Turkish President Recep Tayyip Erdogan hosted Iraqi Prime Minister Mohammed Shia al-Sudani in Ankara on Monday.\n\nErdogan could visit Baghdad later this year, an aide said.',
      );
    await page.getByLabel(/^Published/).fill('2024-04-23');
    await page.getByRole('button', { name: 'Code the text' }).click();
    await page.locator('ol.reports li').first().waitFor();
    const heads = await texts(page, 'ol.reports li h3');
    expect(heads[0]).toMatch(/^TURGOV → IRQGOV: 043 Host a visit asserted/);
    expect(heads.some((t) => /042 .*possible/.test(t))).toBe(true);
    expect(await texts(page, 'ol.reports li:first-child mark.hl-date')).toEqual(['Monday']);
    await page.locator('ol.reports li:first-child details.why summary').click();
    expect(await page.locator('ol.reports li:first-child details.why').textContent()).toMatch(
      /verb:host/,
    );
    await snap(page, 'playground', true);
  });

  it.each([
    ['bad-filter', '/?cameo=4x', 'alert', /cameo: a CAMEO code or prefix/],
    ['no-events', '/?dyad=RUS,SYR&from=2031-01-01', 'empty', /No story events match these filters/],
    ['timeline-unasked', '/timeline', 'empty', /Choose an actor or a dyad/],
    [
      'unknown-actor',
      '/network?actor=Nobody%20Atall',
      'alert',
      /no country, organisation or person matches/,
    ],
    ['unknown-event', '/events/999999', 'alert', /no story event 999999/],
    ['unknown-article', '/articles/nope', 'alert', /no article nope/],
    ['unknown-page', '/no/such/page', 'page', /There is no such page/],
  ])(
    'says what is wrong or empty (%s) rather than a blank panel',
    async (name, path, kind, said) => {
      const page = await open(path);
      const where =
        kind === 'alert'
          ? page.getByRole('alert')
          : kind === 'empty'
            ? page.locator('.status.empty')
            : page.locator('main');
      await where.first().waitFor();
      expect(await where.first().textContent()).toMatch(said);
      await snap(page, `state-${name}`);
    },
  );

  it('shows an article carrying markup as text and runs none of it', async () => {
    const script = '<script>window.__xss=1</script>';
    const img = '"><img src=x onerror="window.__xss=2">';
    const res = await fetch(`${served.url}/api/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        id: 'xss-probe',
        published: '2024-08-01',
        title: `Probe ${script}`,
        source: img,
        url: 'javascript:window.__xss=3',
        text: `Putin hosted Assad in Moscow on Tuesday, a statement headed ${script} and ${img} said.`,
      }),
    });
    expect(res.status).toBe(200);

    const page = await open('/articles/xss-probe');
    await page.locator('div.evidence').waitFor();
    expect(await page.locator('h1').textContent()).toBe(`Probe ${script}`);
    const body = (await page.locator('div.evidence').textContent()) ?? '';
    expect(body).toContain(script);
    expect(body).toContain(img);
    expect(await page.locator('.sub').first().textContent()).toContain(img);
    expect(await page.locator('a[href^="javascript"]').count()).toBe(0);
    expect(await page.locator('main script, main img').count()).toBe(0);
    await snap(page, 'xss-article');

    await page.goto(`${served.url}/?dyad=RUS,SYR&from=2024-07-30&to=2024-07-30`);
    await page.locator('table.events tbody tr a').first().click();
    await page.locator('ol.reports li').first().waitFor();
    expect(await page.locator('ol.reports').textContent()).toContain('<script>');
    expect(await page.locator('main script, main img').count()).toBe(0);
    expect(await page.evaluate('window.__xss')).toBeUndefined();
    await snap(page, 'xss-event');
  });
});
