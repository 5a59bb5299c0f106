import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../cli/html';
import { extractArticle } from '../../lib/extract';
import { findRelated } from '../../lib/related';

/**
 * The related-stories measurement over the labeled corpus (tests/corpus/README.md): item-level
 * precision, recall and F1 matched on URL (without query and fragment), pooled over all labeled
 * pages, and no labeled related title in the article text once the blocks are removed.
 */

const CORPUS = join(__dirname, '..', 'corpus');

interface Expected {
  url: string;
  title: string;
  lead: string | null;
  mustInclude: string[];
  related: { heading: string | null; items: { title: string; url: string }[] };
}

interface Page {
  name: string;
  html: string;
  expected: Expected | null;
}

const pages: Page[] = readdirSync(CORPUS)
  .filter((name) => existsSync(join(CORPUS, name, 'source.html')))
  .sort()
  .map((name) => {
    const expectedPath = join(CORPUS, name, 'expected.json');
    return {
      name,
      html: readFileSync(join(CORPUS, name, 'source.html'), 'utf8'),
      expected: existsSync(expectedPath) ? (JSON.parse(readFileSync(expectedPath, 'utf8')) as Expected) : null,
    };
  });
const labeled = pages.filter((page): page is Page & { expected: Expected } => page.expected !== null);

/** Fair matching (corpus README): URLs without query and fragment. */
const urlKey = (url: string) => url.replace(/[?#].*$/, '').replace(/\/+$/, '');
/** Fair matching: NFC, no soft hyphens, white space collapsed, lower case. */
const normalize = (text: string) =>
  text
    .normalize('NFC')
    .replace(/\u00AD/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

const leaksIn = (text: string, expected: Expected) =>
  expected.related.items.map((item) => item.title).filter((title) => normalize(text).includes(normalize(title)));

describe('related stories over the labeled corpus', () => {
  it('reaches item-level F1 ≥ 0.95 pooled over all labeled pages', () => {
    let truePositives = 0;
    let found = 0;
    let wanted = 0;
    const rows: string[] = [];
    for (const { name, html, expected } of labeled) {
      const result = findRelated(parseHtml(html, expected.url), expected.url);
      const want = new Set(expected.related.items.map((item) => urlKey(item.url)));
      const got = new Set(result.stories.map((story) => urlKey(story.url)));
      const hits = [...got].filter((url) => want.has(url)).length;
      truePositives += hits;
      found += got.size;
      wanted += want.size;
      const precision = got.size ? hits / got.size : 1;
      const recall = want.size ? hits / want.size : 1;
      const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
      rows.push(
        `${name.padEnd(46)} items ${String(want.size).padStart(2)}  found ${String(got.size).padStart(2)}  ` +
          `P ${precision.toFixed(2)}  R ${recall.toFixed(2)}  F1 ${f1.toFixed(2)}`,
      );
    }
    const precision = truePositives / found;
    const recall = truePositives / wanted;
    const f1 = (2 * precision * recall) / (precision + recall);
    rows.push(
      `pooled: ${truePositives}/${wanted} labeled items found, ${found} reported; P ${precision.toFixed(3)}  R ${recall.toFixed(3)}  F1 ${f1.toFixed(3)}`,
    );
    console.log(rows.join('\n'));
    expect(f1).toBeGreaterThanOrEqual(0.95);
  });

  it.each(labeled.map((page) => [page.name, page] as const))(
    '%s: found items carry the labeled titles, and the labeled block headings',
    (_name, { html, expected }) => {
      const { stories } = findRelated(parseHtml(html, expected.url), expected.url);
      const byUrl = new Map(stories.map((story) => [urlKey(story.url), story]));
      const titles = expected.related.items
        .filter((item) => byUrl.has(urlKey(item.url)))
        .map((item) => [normalize(item.title), normalize(byUrl.get(urlKey(item.url))?.title ?? '')]);
      expect(titles.filter(([want, got]) => want !== got)).toEqual([]);
      const headings = new Set(stories.map((story) => normalize(story.heading ?? '')));
      const labeled = expected.related.heading?.split(' | ').map(normalize) ?? [];
      expect(labeled.filter((heading) => !headings.has(heading))).toEqual([]);
    },
  );

  it.each(labeled.map((page) => [page.name, page] as const))(
    '%s: blocks are tight (title, lead and body survive) and no related title is left in the article',
    (_name, { html, expected }) => {
      const doc = parseHtml(html, expected.url);
      const { blocks } = findRelated(doc, expected.url);
      for (const block of blocks) block.remove();
      const page = normalize(doc.body.textContent ?? '');
      const survivors = [expected.title, ...(expected.lead ? [expected.lead] : []), ...expected.mustInclude];
      expect(survivors.filter((fragment) => !page.includes(normalize(fragment)))).toEqual([]);
      // "Within the article": what Readability reads from the cleaned page.
      const article = new Readability(doc, { charThreshold: 300 }).parse();
      expect(leaksIn(article?.textContent ?? '', expected)).toEqual([]);
    },
  );

  it.each(labeled.map((page) => [page.name, page] as const))(
    '%s: extractArticle leaves no related title in article.text',
    (_name, { html, expected }) => {
      const result = extractArticle(parseHtml(html, expected.url), { url: expected.url });
      expect(result.ok).toBe(true);
      if (result.ok) expect(leaksIn(result.article.text, expected)).toEqual([]);
    },
  );

  it.each(pages.filter((page) => !page.expected).map((page) => [page.name, page] as const))(
    '%s (unlabeled): runs without crashing or hanging',
    (_name, { html }) => {
      const doc = parseHtml(html);
      const result = findRelated(doc, doc.URL);
      for (const story of result.stories) expect(story.url).toMatch(/^https?:\/\//);
    },
  );
});
