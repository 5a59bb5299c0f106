import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './fixture';
import { parseHtml } from '../../cli/html';
import { extractArticle } from '../../lib/extract';
import { CORPUS_DIR, normalizeText } from '../support/corpus';
import { extractInBrowser } from './harness';

const PAGES = ['vn-baolaocai-seed-reconstructed', 'vn-baochinhphu-co-che-gia-in-duc-tien', 'vn-tienphong-sieu-mau-luu-van', 'de-bmz-schulze-wfp'];

describe('extraction in Chromium', () => {
  const browser = useBrowser();

  for (const name of PAGES) {
    it(`returns the same article as the CLI for ${name}`, async () => {
      const url = browser.server.corpusUrl(name);
      const page = await browser.extension.context.newPage();
      await page.goto(url);
      const browserResult = await extractInBrowser(browser.extension, await browser.extension.tabIdOf(page));
      const nodeResult = extractArticle(parseHtml(readFileSync(join(CORPUS_DIR, name, 'source.html'), 'utf8'), url), { url });
      expect(browserResult.ok).toBe(true);
      expect(nodeResult.ok).toBe(true);
      if (!browserResult.ok || !nodeResult.ok) return;
      const [inBrowser, inNode] = [browserResult.article, nodeResult.article];
      expect(inBrowser.title).toBe(inNode.title);
      expect(inBrowser.lead).toBe(inNode.lead);
      expect(normalizeText(inBrowser.text)).toBe(normalizeText(inNode.text));
      expect(inBrowser.figures.map((figure) => [figure.text, figure.value, figure.unit])).toEqual(
        inNode.figures.map((figure) => [figure.text, figure.value, figure.unit]),
      );
      expect(inBrowser.related.map((story) => story.url)).toEqual(inNode.related.map((story) => story.url));
      expect(inBrowser.html).not.toMatch(/<script|onerror=|onclick=/i);
      await page.close();
    });
  }

  it('sanitizes the article HTML with DOMPurify in the page', async () => {
    const page = await browser.extension.context.newPage();
    await page.goto(`${browser.server.origin}/fixtures/pages/hostile/`);
    const result = await extractInBrowser(browser.extension, await browser.extension.tabIdOf(page));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.html).toContain('4.142 nhiệm vụ');
    expect(result.article.html).toContain('bấm vào đây');
    expect(result.article.html).not.toMatch(/onerror|onclick|javascript:|<script|<iframe/i);
    await page.close();
  });

  it('says "no article" on a page that is not an article', async () => {
    const page = await browser.extension.context.newPage();
    await page.goto(`${browser.server.origin}/fixtures/pages/list/`);
    const result = await extractInBrowser(browser.extension, await browser.extension.tabIdOf(page));
    expect(result).toMatchObject({ ok: false, reason: 'not-article' });
    await page.close();
  });
});
