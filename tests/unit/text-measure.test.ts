import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../cli/html';
import { measureTexts } from '../../lib/dom/text-measure';
import { collapse } from '../../lib/text/whitespace';
import { corpusPages } from '../../scripts/lib/corpus';

const CAP = 512;

/** What the measures stand for: the element's collapsed `textContent`. */
function expectMeasuredAsCollapsed(root: Element): number {
  const texts = measureTexts(root);
  let short = 0;
  for (const element of [root, ...Array.from(root.querySelectorAll('*'))]) {
    const collapsed = collapse(element.textContent);
    const measured = texts.short(element);
    if (measured === null) expect(collapsed.length, element.outerHTML.slice(0, 200)).toBeGreaterThan(CAP);
    else {
      short += 1;
      expect(measured, element.outerHTML.slice(0, 200)).toBe(collapsed);
    }
    for (const length of [1, 20, 160, 300])
      expect(texts.isShorterThan(element, length)).toBe(measured !== null && collapsed.length < length);
  }
  return short;
}

describe('measureTexts', () => {
  it('folds white space, soft hyphens and zero-width spaces as collapse() does, at every level', () => {
    const doc = parseHtml(
      `<html><body><div><p> Một\u00a0 hai\u00adba </p><span>bốn</span>\n\t<b> năm </b><i>sáu\u200b bảy</i>` +
        `<em>  </em><u>\u3000tám\u2028chín\ufeff</u><p>plain text, single spaces</p></div></body></html>`,
      'https://example.vn/a',
    );
    expect(expectMeasuredAsCollapsed(doc.body)).toBe(doc.body.querySelectorAll('*').length + 1);
  });

  it('tells an inline element inside a sentence from one standing alone', () => {
    const doc = parseHtml(
      `<html><body><p>Theo dõi trên <a id="in">Facebook</a> mỗi ngày</p><p> <a id="alone">Facebook</a> </p></body></html>`,
      'https://example.vn/a',
    );
    const texts = measureTexts(doc.body);
    expect(texts.isInSentence(doc.getElementById('in')!)).toBe(true);
    expect(texts.isInSentence(doc.getElementById('alone')!)).toBe(false);
  });

  it('measures every element of every corpus page as its collapsed text, or as long', () => {
    let short = 0;
    for (const page of corpusPages())
      short += expectMeasuredAsCollapsed(parseHtml(page.html, 'https://example.vn/').body);
    expect(short).toBeGreaterThan(10_000);
  });
});
