import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../cli/html';
import { measureTexts, type TextMeasures } from '../../lib/dom/text-measure';
import { Page } from '../../lib/related';
import { corpusPages } from '../../scripts/lib/corpus';

const URL = 'https://tinhoc.vn/thoi-su/bai-viet-102260301.htm';

/** What the furniture rules read of a measure, for every element under `root`. */
function readings(root: Element, texts: TextMeasures) {
  return [root, ...Array.from(root.querySelectorAll('*'))].map((element) => ({
    tag: element.tagName,
    short: texts.short(element),
    inSentence: texts.isInSentence(element),
  }));
}

/** Removes every `nth` element matching `selector`; returns the elements that lost children. */
function removeEvery(root: Element, selector: string, nth: number): Element[] {
  const emptied: Element[] = [];
  Array.from(root.querySelectorAll(selector)).forEach((element, index) => {
    if (index % nth !== 0 || !root.contains(element) || element === root) return;
    if (element.parentElement) emptied.push(element.parentElement);
    element.remove();
  });
  return emptied.filter((element) => root.contains(element));
}

const LONG = 'Chính phủ ban hành nghị định mới về cải cách thủ tục hành chính trong năm nay. '.repeat(12);

describe('text measures from the related snapshot', () => {
  it('equal a walk of the DOM, with unread subtrees (scripts, svg, templates) read from the DOM', () => {
    const doc = parseHtml(
      `<!doctype html><html><head><title>t</title></head><body>
        <div class="share"> Chia\u00ad sẻ <a href="/a">Facebook</a>  <span>Zalo</span>\u200b</div>
        <p>Xem trên <a href="/x">Facebook</a> nhé.</p><p>${LONG}<b>đậm</b>${LONG}</p>
        <script>var x = "  text in a script  ";</script><style>.a { color: red }</style>
        <noscript><p>Bật JavaScript</p></noscript><template><p>mẫu</p></template>
        <svg><text>0:00 / 0:00</text><g><title>ảnh</title></g></svg>
        <ul><li>Một <em>hai</em></li><li>\u00a0ba\t\n bốn </li></ul><!-- a comment -->
      </body></html>`,
      URL,
    );
    expect(readings(doc.body, new Page(doc, URL).textMeasures())).toEqual(readings(doc.body, measureTexts(doc.body)));
  });

  it('equal a walk of the DOM on every corpus page, before and after removals', () => {
    for (const { name, html } of corpusPages()) {
      const fromSnapshot = parseHtml(html, URL);
      const fromDom = parseHtml(html, URL);
      const texts = new Page(fromSnapshot, URL).textMeasures();
      expect(readings(fromSnapshot.body, texts), name).toEqual(readings(fromDom.body, measureTexts(fromDom.body)));
      texts.remeasure(removeEvery(fromSnapshot.body, 'div, ul, p, a', 5), fromSnapshot.body);
      removeEvery(fromDom.body, 'div, ul, p, a', 5);
      expect(readings(fromSnapshot.body, texts), name).toEqual(readings(fromDom.body, measureTexts(fromDom.body)));
    }
  });
});

describe('counterparts of the snapshot’s elements in a copy of the page', () => {
  const html = `<!doctype html><html><body><div id="a"><p>Một <b>hai</b></p><svg><g id="inside-svg"></g></svg></div>
    <ul><li id="x">ba</li><li>bốn</li></ul><script>1</script><p id="last">năm</p></body></html>`;

  it('finds each numbered element at its place in the copy', () => {
    const doc = parseHtml(html, URL);
    const page = new Page(doc, URL);
    const copy = doc.cloneNode(true) as Document;
    const counterpart = page.counterparts(copy);
    for (const id of ['a', 'x', 'last']) expect(counterpart(doc.getElementById(id)!)).toBe(copy.getElementById(id));
    expect(counterpart(doc.querySelector('b')!)).toBe(copy.querySelector('b'));
    // Inside an svg the snapshot numbers nothing.
    expect(counterpart(doc.getElementById('inside-svg')!)).toBeNull();
  });

  it('finds nothing in a document that is not a copy', () => {
    const doc = parseHtml(html, URL);
    const other = parseHtml(html.replace('<p id="last">', '<p>extra</p><p id="last">'), URL);
    expect(new Page(doc, URL).counterparts(other)(doc.getElementById('a')!)).toBeNull();
  });
});
