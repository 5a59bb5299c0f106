import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './fixture';
import { ROOT } from '../../scripts/lib/browser-harness';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SCREENSHOTS = join(ROOT, 'test-results/popup');

/** Runs axe-core in the page (through the debugger protocol, which the browser.extension CSP allows). */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(): Promise<{ violations: { id: string; help: string; nodes: unknown[] }[] }> } }
    ).axe;
    const results = await axe.run();
    return results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`);
  });
}

describe('the popup in Chromium', () => {
  const browser = useBrowser();

  async function popupFor(url: string, scheme: 'light' | 'dark' = 'light') {
    const page = await browser.extension.context.newPage();
    await page.goto(url);
    const popup = await browser.extension.openPopup(await browser.extension.tabIdOf(page));
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.setViewportSize({ width: 420, height: 600 });
    return { page, popup };
  }

  it('shows the article with summary, figures and related stories, accessible in light and dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const { page, popup } = await popupFor(browser.server.corpusUrl('vn-baolaocai-seed-reconstructed'), scheme);
      await popup
        .getByRole('heading', { level: 1, name: 'Ban Chỉ đạo Cải cách hành chính của Chính phủ họp phiên thứ 7' })
        .waitFor();
      expect(await popup.getByRole('heading', { name: /Tóm tắt|Summary/ }).count()).toBe(1);
      expect(await popup.locator('.figures button').count()).toBeGreaterThanOrEqual(5);
      expect(await popup.locator('.related a').count()).toBe(8);
      expect(await axeViolations(popup)).toEqual([]);
      await popup.screenshot({ path: join(SCREENSHOTS, `article-${scheme}.png`), fullPage: true });
      await popup.close();
      await page.close();
    }
  });

  it('sets its type on body, so the 75% body size of Chromium extension pages does not shrink it (≥ 15 px)', async () => {
    const { page, popup } = await popupFor(browser.server.corpusUrl('vn-baolaocai-seed-reconstructed'));
    await popup.locator('.lead').waitFor();
    const px = (selector: string) =>
      popup
        .locator(selector)
        .first()
        .evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
    for (const selector of ['.lead', '.summary li', '.related a', 'body'])
      expect(await px(selector), selector).toBeGreaterThanOrEqual(15);
    await popup.getByRole('button', { name: /Chữ lớn hơn|Larger text/ }).click();
    await expect.poll(() => px('.lead')).toBe(17);
    // Remembered: a popup opened afterwards starts at the chosen size.
    const again = await browser.extension.openPopup(await browser.extension.tabIdOf(page));
    await again.locator('.lead').waitFor();
    await expect
      .poll(() => again.locator('.lead').evaluate((element) => parseFloat(getComputedStyle(element).fontSize)))
      .toBe(17);
    await again.getByRole('button', { name: /Chữ nhỏ hơn|Smaller text/ }).click();
    await again.close();
    await popup.close();
    await page.close();
  });

  it('scrolls the page to a key figure and flashes its sentence', async () => {
    const { page, popup } = await popupFor(browser.server.corpusUrl('vn-baolaocai-seed-reconstructed'));
    await popup.locator('.figure-text', { hasText: '4.142 nhiệm vụ' }).click();
    await expect.poll(() => page.evaluate(() => CSS.highlights.has('loa-reading'))).toBe(true);
    const highlighted = await page.evaluate(() => {
      const highlight = CSS.highlights.get('loa-reading');
      const range = highlight ? ([...highlight][0] as Range) : null;
      return range?.toString() ?? '';
    });
    expect(highlighted).toContain('4.142 nhiệm vụ');
    await popup.close();
    await page.close();
  });

  it('fetches and extracts the related stories of the same site to listen to them next', async () => {
    const { page, popup } = await popupFor(`${browser.server.origin}/fixtures/pages/series/one/`);
    await popup.getByRole('button', { name: /Nghe tiếp các tin này|Listen to these next/ }).click();
    await popup
      .getByText(/2 (tin|stories)/)
      .first()
      .waitFor();
    expect(await popup.locator('.player').textContent()).toMatch(/Cầu Tứ Liên sẽ hoàn thành trong 36 tháng/);
    await popup.close();
    await page.close();
  });

  it('says there is no article on a list page', async () => {
    const { page, popup } = await popupFor(`${browser.server.origin}/fixtures/pages/list/`);
    await popup.getByRole('alert').waitFor();
    expect(await popup.getByRole('alert').textContent()).toMatch(/Không có bài viết|No article/);
    expect(await axeViolations(popup)).toEqual([]);
    await popup.screenshot({ path: join(SCREENSHOTS, 'not-article.png') });
    await popup.close();
    await page.close();
  });

  it('says the browser forbids reading its own pages', async () => {
    const { page, popup } = await popupFor('chrome://version/');
    await popup.getByRole('alert').waitFor();
    expect(await popup.getByRole('alert').textContent()).toMatch(/không đọc được trang này|can't read this page/);
    expect(await axeViolations(popup)).toEqual([]);
    await popup.screenshot({ path: join(SCREENSHOTS, 'restricted.png') });
    await popup.close();
    await page.close();
  });

  it('stays usable at 200% zoom (no horizontal scrolling)', async () => {
    const { page, popup } = await popupFor(browser.server.corpusUrl('vn-baolaocai-seed-reconstructed'));
    await popup.getByRole('heading', { level: 1 }).waitFor();
    // 200% zoom of a 420 px popup is a 210 CSS px wide viewport.
    await popup.setViewportSize({ width: 210, height: 600 });
    const overflow = await popup.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await popup.screenshot({ path: join(SCREENSHOTS, 'zoom-200.png'), fullPage: true });
    await popup.close();
    await page.close();
  });

  it('reads a saved page (file://) while file access is allowed', async () => {
    // Chromium allows file access to an extension loaded from the command line. Switching it off
    // in chrome://extensions unloads such an extension, so the message for a refused file page is
    // checked in the popup's unit tests (state "file-access").
    const fileUrl = `file://${join(ROOT, 'tests/corpus/vn-baolaocai-seed-reconstructed/source.html')}`;
    const { page, popup } = await popupFor(fileUrl);
    await popup
      .getByRole('heading', { level: 1, name: 'Ban Chỉ đạo Cải cách hành chính của Chính phủ họp phiên thứ 7' })
      .waitFor();
    await popup.close();
    await page.close();
  });
});
