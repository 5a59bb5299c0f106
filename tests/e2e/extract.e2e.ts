import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './fixture';
import { decodeHtml, extractHtml, parseHtml } from '../../cli/html';
import { CORPUS_DIR, corpusPages, normalizeText } from '../../scripts/lib/corpus';
import { extractInBrowser } from '../../scripts/lib/browser-harness';

/** Every corpus page, labeled or not: the content script and the CLI must agree on all of them. */
const PAGES = corpusPages().map((entry) => entry.name);

describe('extraction in Chromium', () => {
  const browser = useBrowser();

  for (const name of PAGES) {
    it(`returns the same article as the CLI for ${name}`, async () => {
      const url = browser.server.corpusUrl(name);
      const page = await browser.extension.context.newPage();
      await page.goto(url);
      const browserResult = await extractInBrowser(browser.extension, await browser.extension.tabIdOf(page));
      const nodeResult = extractHtml(decodeHtml(readFileSync(join(CORPUS_DIR, name, 'source.html'))), { url });
      expect(browserResult.ok).toBe(nodeResult.ok);
      if (!browserResult.ok || !nodeResult.ok) {
        expect(browserResult).toMatchObject({ reason: nodeResult.ok ? 'ok' : nodeResult.reason });
        await page.close();
        return;
      }
      const [inBrowser, inNode] = [browserResult.article, nodeResult.article];
      expect(inBrowser.title).toBe(inNode.title);
      expect(inBrowser.lead).toBe(inNode.lead);
      expect(normalizeText(inBrowser.text)).toBe(normalizeText(inNode.text));
      expect(inBrowser.figures.map((figure) => [figure.text, figure.value, figure.unit])).toEqual(
        inNode.figures.map((figure) => [figure.text, figure.value, figure.unit]),
      );
      expect(inBrowser.related.map((story) => story.url)).toEqual(inNode.related.map((story) => story.url));
      expect(JSON.stringify(inBrowser)).not.toMatch(/<script|onerror=|onclick=/i);
      await page.close();
    });
  }

  /**
   * Markup where parsers part ways (htmlparser2 and happy-dom build other trees, jsdom's parse5 runs
   * with scripting off): the CLI's document must be the one Chromium builds, node for node.
   */
  const treePages: Record<string, string> = {
    'misnested formatting':
      '<p><b>one<i>two</b>three</i></p><b><p>four</b>five</p><a href="/x">six<a href="/y">seven</a>',
    'table foster parenting': '<table><tr><td>cell</td></tr>stray text<div>stray block</div><tr><td>two</table>',
    'implied end tags': '<ul><li>a<li>b</ul><dl><dt>term<dd>def</dl><p>one<div>two</div><p>three<h2>four</h2>',
    'noscript with scripting on': '<noscript><p>Turn on JavaScript</p><img src="/a.png"></noscript><p>after</p>',
    'template content': '<template><p>inside the template</p></template><p>outside</p>',
    'title in the body': '<div>menu</div><title>  Headline \n of the   page </title><h1>Headline</h1>',
    'foreign content':
      '<svg viewBox="0 0 1 1"><foreignObject><p>in svg</p></foreignObject><title>svg title</title></svg><math><mi>x</mi><mtext><b>y</b></mtext></math><p>after</p>',
    // Not <select>: Chromium 156 keeps markup inside <option> (customizable select), parse5 8 drops it.
    'forms and buttons': '<form><form><button><p>press</button><input value="x"><p>after</form>',
    attributes:
      '<div class=" lead  lead  story " id="a" id="b" data-x="1" ONCLICK="x()" title="&amp;&lt;">text</div><body class="late"><html lang="de" data-late="1">',
    'character references': '<p>&amp; &nbsp; &notit; &#x1F600; &#0; &#x80; &copy</p><p>a&lt;b</p>',
    'comments and cdata': '<!-- one --><p>x<!--> y <![CDATA[ z ]]></p><!-- unclosed',
    'text after body': '<p>in body</p></body> trailing <p>late</p></html> end',
    'pre and textarea newlines': '<pre>\n\nfirst</pre><textarea>\nsecond</textarea><listing>\nthird</listing>',
    'JSON-LD and styles':
      '<script type="application/ld+json">{"headline":"<p>x</p>"}</script><style>p{}</style><p>text</p>',
    '600 nested divs': `${'<div>'.repeat(600)}<p>deep text</p>${'</div>'.repeat(600)}<p>after deep</p>`,
    '3,000 nested spans': `${'<span>'.repeat(3_000)}<b>deeper</b> text${'</span>'.repeat(3_000)}`,
  };
  for (const [name, body] of Object.entries(treePages)) {
    it(`builds the tree Chromium builds: ${name}`, async () => {
      const html = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Tin</title></head><body>${body}</body></html>`;
      const url = `${browser.server.origin}/generated/tree-${encodeURIComponent(name)}.html`;
      const page = await browser.extension.context.newPage();
      await page.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
      await page.goto(url);
      const document = parseHtml(html, url);
      expect(treeShape(document)).toEqual(await page.evaluate(treeShape, null));
      expect(document.title).toBe(await page.evaluate(() => window.document.title));
      await page.close();
    });
  }

  it('hands over the hostile page as text only: none of its markup or script reaches the article', async () => {
    const page = await browser.extension.context.newPage();
    await page.goto(`${browser.server.origin}/fixtures/pages/hostile/`);
    const result = await extractInBrowser(browser.extension, await browser.extension.tabIdOf(page));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.text).toContain('4.142 nhiệm vụ');
    expect(result.article.text).toContain('bấm vào đây');
    // The page's own script retitles it "pwned" before Loa reads it: that is the page's text, not markup.
    expect(JSON.stringify(result.article)).not.toMatch(/onerror|onclick|javascript:|<script|<iframe|alert\(/i);
    await page.close();
  });

  it('says "no article" on a page that is not an article', async () => {
    const page = await browser.extension.context.newPage();
    await page.goto(`${browser.server.origin}/fixtures/pages/list/`);
    const result = await extractInBrowser(browser.extension, await browser.extension.tabIdOf(page));
    expect(result).toMatchObject({ ok: false, reason: 'not-article' });
    await page.close();
  });

  /** Generated, not committed: megabytes of page. Served at an address of the test server by the browser itself. */
  const extremePages: Record<string, () => string> = {
    '200,000 links': () =>
      `<h1>Tin</h1><div>${Array.from({ length: 200_000 }, (_, i) => `<a href="/tin-${i}.html">Tin số ${i}</a>`).join(' ')}</div>`,
    '50,000 paragraphs': () =>
      `<h1>Tin dài</h1>${Array.from({ length: 50_000 }, (_, i) => `<p>Đoạn ${i}: Năm 2023, các bộ, ngành, địa phương đã thực hiện 4.142 nhiệm vụ được giao và ban hành 5.586 văn bản.</p>`).join('')}`,
  };
  for (const [name, body] of Object.entries(extremePages)) {
    it(`answers on a page of ${name} with "too large to read", and the tab still responds`, async () => {
      const page = await browser.extension.context.newPage();
      const url = `${browser.server.origin}/generated/${encodeURIComponent(name)}.html`;
      await page.route(url, (route) =>
        route.fulfill({
          contentType: 'text/html; charset=utf-8',
          body: `<!doctype html><html lang="vi"><head><title>Tin</title></head><body>${body()}</body></html>`,
        }),
      );
      await page.goto(url);
      const result = await extractInBrowser(browser.extension, await browser.extension.tabIdOf(page));
      expect(result).toMatchObject({ ok: false, reason: 'too-large' });
      expect(await page.evaluate(() => document.title)).toBe('Tin');
      await page.close();
    }, 240_000);
  }
});

/**
 * A document as lines: each node with its depth; elements with namespace, name and attributes in
 * order (class as its tokens: linkedom keeps the token list, not the attribute's spacing),
 * template contents under their template, adjacent text as one (Chromium splits text nodes past
 * 65,536 characters). Self-contained: it also runs in the page (`doc` null there).
 */
function treeShape(doc: Document | null): string[] {
  const root = doc ?? document;
  const lines: string[] = [];
  const stack: [Node, number][] = [[root.documentElement, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    const indent = String(depth);
    if (node.nodeType === 3) {
      // The line before at the same depth is a text only when it is this node's previous sibling.
      const prefix = `${indent} #text `;
      const before = lines[lines.length - 1]?.startsWith(prefix) ? lines.pop()!.slice(prefix.length) : '""';
      lines.push(prefix + JSON.stringify((JSON.parse(before) as string) + (node as Text).data));
      continue;
    }
    if (node.nodeType === 8) lines.push(`${indent} #comment ${JSON.stringify((node as Comment).data)}`);
    if (node.nodeType !== 1) continue;
    const element = node as Element;
    const attributes = Array.from(element.attributes, (attribute) =>
      attribute.name === 'class'
        ? `class=${Array.from(element.classList).join(' ')}`
        : `${attribute.name}=${attribute.value}`,
    );
    lines.push(`${indent} ${element.namespaceURI} ${element.localName} ${JSON.stringify(attributes)}`);
    const children = Array.from(
      element.localName === 'template' ? (element as HTMLTemplateElement).content.childNodes : element.childNodes,
    );
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, depth + 1]);
  }
  return lines;
}
