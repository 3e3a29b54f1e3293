import { describe, expect, it } from 'vitest';
import { dayOf } from './day.js';
import { extractPage, htmlText, type Page } from './html.js';

const STORY = `
  <p>The foreign ministers of Kenya and Ethiopia met in Nairobi on Monday to discuss the
  dispute over grazing land along their shared border, officials from both sides said.</p>
  <p>The two ministers agreed to set up a joint commission that will report back within three
  months. Kenya also pledged to send a trade delegation to Addis Ababa before the end of the year.</p>
  <p>Neither side gave details of the talks, which lasted most of the day.</p>`;

function page(
  head: string,
  body = `<article><h1>Ministers meet in Nairobi</h1>${STORY}</article>`,
) {
  return `<!doctype html><html><head><title>Ministers meet in Nairobi | Daily Ledger</title>${head}</head>
  <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>${body}
  <footer>Copyright Daily Ledger. All rights reserved.</footer></body></html>`;
}

const URL_A = 'https://www.ledger.example/world/2025/ministers-meet?ref=rss';
const LD_GRAPH = `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
  {"@type":"WebSite","name":"Daily Ledger","datePublished":"2001-01-01"},
  {"@type":["NewsArticle"],"headline":"Kenyan and Ethiopian ministers meet","datePublished":"2025-06-09T22:15:00-04:00"}]}</script>`;

const cases: { name: string; html: string; url: string | null; expected: Partial<Page> }[] = [
  {
    name: 'Open Graph metadata, canonical link made absolute',
    html: page(`<link rel="canonical" href="/world/2025/ministers-meet">
      <meta property="og:site_name" content="Daily Ledger">
      <meta property="og:title" content="Ministers meet in Nairobi">
      <meta property="article:published_time" content="2025-06-09T08:00:00Z">
      ${LD_GRAPH}<time datetime="2025-06-01">1 June</time>`),
    url: URL_A,
    expected: {
      title: 'Ministers meet in Nairobi',
      canonicalUrl: 'https://www.ledger.example/world/2025/ministers-meet',
      outlet: 'Daily Ledger',
      published: '2025-06-09',
      publishedFrom: 'meta',
    },
  },
  {
    name: 'date only in JSON-LD, in a @graph, the article node before the site node',
    html: page(`<meta property="og:url" content="https://ledger.example/m">${LD_GRAPH}`),
    url: URL_A,
    expected: {
      title: 'Kenyan and Ethiopian ministers meet',
      canonicalUrl: 'https://ledger.example/m',
      outlet: 'ledger.example',
      published: '2025-06-09',
      publishedFrom: 'json-ld',
    },
  },
  {
    name: 'JSON-LD as an array, a broken block passed over',
    html: page(`<script type="application/ld+json">{ not json</script>
      <script type="application/ld+json">[{"@type":"Organization","name":"Ledger"},
      {"@type":"ReportageNewsArticle","datePublished":"Mon, 09 Jun 2025 07:00:00 +0300"}]</script>`),
    url: null,
    expected: {
      published: '2025-06-09',
      publishedFrom: 'json-ld',
      outlet: null,
      canonicalUrl: null,
    },
  },
  {
    name: 'date only in <time>, the publication one first',
    html: page(
      '',
      `<article><time datetime="2025-05-30">earlier</time>
      <time itemprop="datePublished" datetime="2025-06-08T10:00">8 June</time>${STORY}</article>`,
    ),
    url: 'http://ledger.example/x',
    expected: { published: '2025-06-08', publishedFrom: 'time', outlet: 'ledger.example' },
  },
  {
    name: 'a canonical link to the home page ignored for og:url',
    html: page(`<link rel="canonical" href="https://www.ledger.example/">
      <meta property="og:url" content="https://www.ledger.example/world/ministers">`),
    url: URL_A,
    expected: { canonicalUrl: 'https://www.ledger.example/world/ministers' },
  },
  {
    name: 'no date anywhere; a canonical link of another scheme ignored',
    html: page('<link rel="canonical" href="javascript:void(0)">'),
    url: URL_A,
    expected: {
      published: null,
      publishedFrom: null,
      canonicalUrl: null,
      outlet: 'ledger.example',
    },
  },
];

describe('extractPage', () => {
  for (const c of cases)
    it(c.name, () => {
      expect(extractPage(c.html, c.url)).toMatchObject(c.expected);
    });

  it('keeps the story in paragraphs, without navigation, footer or the repeated headline', () => {
    const { text, title } = extractPage(page(''), URL_A);
    expect(title).toBe('Ministers meet in Nairobi | Daily Ledger');
    expect(text.split('\n\n')).toEqual([
      'The foreign ministers of Kenya and Ethiopia met in Nairobi on Monday to discuss the dispute over grazing land along their shared border, officials from both sides said.',
      'The two ministers agreed to set up a joint commission that will report back within three months. Kenya also pledged to send a trade delegation to Addis Ababa before the end of the year.',
      'Neither side gave details of the talks, which lasted most of the day.',
    ]);
  });

  it('finds no text in a page without an article', () => {
    expect(extractPage('<html><body></body></html>', null)).toMatchObject({
      text: '',
      title: null,
    });
  });
});

describe('dayOf', () => {
  const days: [string | null, string | null][] = [
    ['2025-06-09T22:15:00-04:00', '2025-06-09'],
    ['2025-06-09', '2025-06-09'],
    ['Tue, 10 Jun 2025 23:30:00 -0500', '2025-06-10'],
    ['10 June 2025', '2025-06-10'],
    ['June 10, 2025 08:00 UTC', '2025-06-10'],
    ['2025-02-30', null],
    ['yesterday', null],
    [null, null],
  ];
  for (const [input, expected] of days)
    it(`${input} → ${expected}`, () => expect(dayOf(input)).toBe(expected));
});

describe('htmlText', () => {
  it('turns a feed entry body into paragraphs', () => {
    expect(htmlText('<p>One  <b>two</b>.</p><p>Three.<br>Four.</p><script>x()</script>')).toBe(
      'One two.\n\nThree.\n\nFour.',
    );
  });
});
