import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './fixture';
import { decodeHtml, parseHtml } from '../../cli/html';
import { extractArticle } from '../../lib/extract';
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
      const document = parseHtml(decodeHtml(readFileSync(join(CORPUS_DIR, name, 'source.html'))), url);
      const nodeResult = extractArticle(document, { url });
      document.defaultView?.close();
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
