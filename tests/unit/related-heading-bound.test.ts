import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../cli/html';
import { findRelated } from '../../lib/related';
import { HEADING_SOLID_MIN } from '../../lib/related/detect';
import { isRelatedHeading } from '../../lib/related/items';
import { RELATED_HEADING } from '../../lib/related/patterns';

/**
 * Fewest non-white-space characters a string matching `source` can have, for the subset of regex
 * syntax the related phrases use (literals, `(?:…)`, `|`, `?`, `[…]`); anything else throws, so a
 * phrase written with other syntax fails this test rather than passing it unchecked.
 */
function fewestSolid(source: string): number {
  let at = 0;
  const alternatives = (): number => {
    let fewest = sequence();
    while (source[at] === '|') {
      at += 1;
      fewest = Math.min(fewest, sequence());
    }
    return fewest;
  };
  const sequence = (): number => {
    let total = 0;
    while (at < source.length && source[at] !== '|' && source[at] !== ')') {
      let count: number;
      if (source.startsWith('(?:', at)) {
        at += 3;
        count = alternatives();
        if (source[at] !== ')') throw new Error(`unclosed group at ${at}`);
        at += 1;
      } else if (source[at] === '[') {
        at = source.indexOf(']', at) + 1;
        count = 1;
      } else if ('\\*+{.()^$'.includes(source[at]!)) {
        throw new Error(`syntax this bound does not know: ${source[at]} at ${at}`);
      } else {
        count = source[at] === ' ' ? 0 : 1;
        at += 1;
      }
      if (source[at] === '?') {
        at += 1;
        count = 0;
      }
      total += count;
    }
    return total;
  };
  const fewest = alternatives();
  if (at !== source.length) throw new Error(`stopped at ${at} of ${source.length}`);
  return fewest;
}

describe('elements too short to be a related heading are not read', () => {
  it('no related phrase has fewer letters than the bound', () => {
    const phrases = RELATED_HEADING.source.match(/^\^\(\?:(.*)\)\$$/)?.[1];
    expect(phrases).toBeDefined();
    expect(fewestSolid(phrases!)).toBeGreaterThanOrEqual(HEADING_SOLID_MIN);
  });

  it('the shortest phrases are headings, and a heading of exactly that length is found', () => {
    for (const phrase of ['Xem thêm', 'Related', 'Tin khác', 'Đọc thêm:']) expect(isRelatedHeading(phrase)).toBe(true);
    const url = 'https://tinhoc.vn/thoi-su/bai-viet-102260301.htm';
    const doc = parseHtml(
      `<!doctype html><html><body><article><h1>Tiêu đề</h1><p>${'Nội dung bài viết. '.repeat(20)}</p>
      <h3>Related</h3><ul><li><a href="/thoi-su/mot-bai-khac-102260302.htm">Chính sách mới</a></li></ul>
      </article></body></html>`,
      url,
    );
    const { stories } = findRelated(doc, url);
    expect(stories.map((story) => [story.heading, story.title])).toEqual([['Related', 'Chính sách mới']]);
  });
});
