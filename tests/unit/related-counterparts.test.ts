import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../cli/html';
import { Page } from '../../lib/related';

const URL = 'https://tinhoc.vn/thoi-su/bai-viet-102260301.htm';

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
