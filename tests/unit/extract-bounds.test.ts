import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { parseHtml } from '../../cli/html';
import { extractArticle, MAX_ARTICLE_CHARS, MAX_ELEMENTS } from '../../lib/extract';
import { boundedClone, MAX_DEPTH } from '../../lib/extract/clone';
import { CHROMIUM_MAX_TREE_DEPTH } from '../../cli/spec-tree';
import { PROSE } from '../support/article-fixtures';

const HEADLINE = 'Cải cách hành chính năm 2023 đạt nhiều kết quả';
const ARTICLE = `<h1>${HEADLINE}</h1><p>${PROSE.repeat(3)}</p><p>Đoạn cuối: ${PROSE.repeat(2)}</p>`;

function page(body = '') {
  return parseHtml(
    `<!doctype html><html lang="vi"><head><title>Tin tức</title></head><body>${body}</body></html>`,
    'https://tin.example.vn/bai-viet-1.html',
  );
}

/** Deep pages are the slow ones, so each is parsed once. */
const deepHtml = (levels: number) => `${'<div>'.repeat(levels)}${ARTICLE}${'</div>'.repeat(levels)}`;

function depthOf(doc: Document): number {
  let deepest = 0;
  const walker = doc.createTreeWalker(doc, 1 /* NodeFilter.SHOW_ELEMENT */);
  for (let node = walker.nextNode() as Element | null; node; node = walker.nextNode() as Element | null) {
    if (node.childElementCount > 0) continue;
    let depth = 0;
    for (let up: Node | null = node; up; up = up.parentNode) depth += 1;
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

describe('extreme pages', () => {
  const deep = page(deepHtml(10_000));

  it('extracts an article inside 10,000 nested <div>, from a tree the CLI bounds as it parses', () => {
    expect(depthOf(deep)).toBeLessThan(CHROMIUM_MAX_TREE_DEPTH + 8);
    const result = extractArticle(deep);
    expect(result.ok && result.article.text).toContain('Đoạn cuối: Năm 2023');
    expect(result.ok && result.article.paragraphs).toHaveLength(2);
  });

  it('copies a normal page exactly and bounds the depth of a deep one', () => {
    const normal = page(`<main><div class="a"><p id="x">${PROSE}<a href="/b">b</a></p></div></main>`);
    expect(boundedClone(normal).documentElement.outerHTML).toBe(normal.documentElement.outerHTML);
    // linkedom keeps the page as deep as it is written.
    const deepDom = parseHTML(`<!doctype html><html><body>${deepHtml(10_000)}</body></html>`)
      .document as unknown as Document;
    const bounded = boundedClone(deepDom);
    expect(depthOf(deepDom)).toBeGreaterThan(10_000);
    expect(depthOf(bounded)).toBeLessThan(MAX_DEPTH + 8);
    expect(bounded.querySelector('h1')?.textContent).toBe(HEADLINE);
  });

  it('refuses a page of more elements than the budget before walking it, and says so', () => {
    const huge = page(`<h1>${HEADLINE}</h1><p>${PROSE}</p>${'<i>x</i>'.repeat(MAX_ELEMENTS)}`);
    const decisions: string[] = [];
    const result = extractArticle(huge, { explain: (decision) => decisions.push(decision.rule) });
    expect(result).toMatchObject({ ok: false, reason: 'too-large' });
    expect(!result.ok && result.message).toMatch(/too large to read/);
    // Refused before any stage ran: the only decision is the refusal.
    expect(decisions).toEqual(['too-large']);
  });

  it('answers a page of 50,000 paragraphs: more text than one article is refused before sentences and summary', () => {
    const paragraphs = Array.from({ length: 50_000 }, (_, i) => `<p>Đoạn ${i}: ${PROSE}</p>`).join('');
    expect(paragraphs.length).toBeGreaterThan(MAX_ARTICLE_CHARS);
    const result = extractArticle(page(`<h1>${HEADLINE}</h1>${paragraphs}`));
    expect(result).toMatchObject({ ok: false, reason: 'too-large' });
    expect(!result.ok && result.message).toMatch(/characters of text/);
  }, 300_000);

  it('still reads a long article under the text budget', () => {
    const paragraphs = Array.from({ length: 2_000 }, (_, i) => `<p>Đoạn ${i}: ${PROSE}</p>`).join('');
    const result = extractArticle(page(`<h1>${HEADLINE}</h1>${paragraphs}`));
    expect(result.ok && result.article.paragraphs.length).toBe(2_000);
  }, 120_000);
});

describe('the watchdog', () => {
  const article = () => page(`<h1>${HEADLINE}</h1><p>${PROSE.repeat(3)}</p><p>Đoạn cuối: ${PROSE.repeat(2)}</p>`);
  /** A fake clock that moves `step` ms each time it is read: each stage boundary reads it once. */
  const steppingClock = (step: number) => {
    let time = 0;
    return () => (time += step);
  };

  it('stops between stages once the budget is spent, says so, and runs no later stage', () => {
    const decisions: string[] = [];
    const result = extractArticle(article(), {
      explain: (decision) => decisions.push(decision.rule),
      // Start, then one read per boundary: the fourth boundary is past 3,500 ms.
      budget: { ms: 3_500, now: steppingClock(1_000) },
    });
    expect(result).toMatchObject({ ok: false, reason: 'too-slow' });
    expect(!result.ok && result.message).toMatch(/took too long to read \(stopped after 4000 ms, before lead;/);
    expect(decisions.at(-1)).toBe('too-slow');
    expect(decisions).not.toContain('readability');
  });

  // Figures and the summary run outside the page (completeArticle), so sentences are the last stage it guards.
  it('checks late stages too: time spent up to the last page stage stops it before sentences', () => {
    let reads = 0;
    extractArticle(article(), {
      budget: {
        ms: 1,
        now: () => {
          reads += 1;
          return 0;
        },
      },
    });
    // The clock's last read is the boundary before sentences: only there is the budget spent.
    let read = 0;
    const result = extractArticle(article(), { budget: { ms: 1, now: () => (++read === reads ? 5 : 0) } });
    expect(result).toMatchObject({ ok: false, reason: 'too-slow' });
    expect(!result.ok && result.message).toMatch(/before sentences/);
  });

  it('changes nothing when the budget is not spent', () => {
    const unbounded = extractArticle(article());
    const bounded = extractArticle(article(), { budget: { ms: 10_000, now: steppingClock(1) } });
    expect(unbounded.ok).toBe(true);
    expect(bounded).toEqual(unbounded);
  });
});
