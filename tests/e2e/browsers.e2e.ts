/**
 * The scenarios that must hold in both browsers Loa ships for, run in real Chromium and real
 * Firefox ESR: extraction equal to the CLI on every corpus page, the popup, saving and the clips
 * page with an export/import round trip, reading aloud with the browser's own voices, the
 * context menus and the README's keyboard shortcuts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../cli/html';
import { corpusPages } from '../../scripts/lib/corpus';
import { translator } from '../support/i18n';
import { expectSameArticle, useExtensionBrowser } from './both';
import {
  BROWSERS,
  chooseFile,
  clickButton,
  extractIn,
  hasReader,
  interceptDownloads,
  ROOT,
  waitInPage,
  watchStatuses,
  type ScriptablePage,
} from '../../scripts/lib/browser-harness';

const ARTICLE = 'vn-baolaocai-seed-reconstructed';

/** The shortcuts the README's table promises, in the manifest's spelling ("Alt+Shift+Period"). */
function readmeShortcuts(): string[] {
  const keys = [...readFileSync(join(ROOT, 'README.md'), 'utf8').matchAll(/^\| `([^`]+)` \|/gm)].map(
    (match) => match[1]!,
  );
  return keys.map((key) => key.replace(/\+\.$/, '+Period').replace(/\+,$/, '+Comma'));
}

/** ARTICLE as the CLI extracts it, served at `url`. */
function cliArticle(url: string) {
  const result = extractHtml(readFileSync(join(ROOT, 'tests/corpus', ARTICLE, 'source.html'), 'utf8'), { url });
  if (!result.ok) throw new Error(`${ARTICLE} is no article for the CLI`);
  return result;
}

const clipCount = (page: ScriptablePage) =>
  page.evaluate(() => document.querySelectorAll('.clip-list > li').length, null);

describe.each(BROWSERS)('Loa in %s', (name) => {
  const fixture = useExtensionBrowser(name, { speech: 'realtime' });

  describe('extraction', () => {
    for (const page of corpusPages()) {
      it(`returns the CLI's article for ${page.name}`, async () => {
        const url = fixture.server.corpusUrl(page.name);
        const { page: tab, tabId } = await fixture.browser.openTab(url);
        const inBrowser = await extractIn(fixture.browser, tabId);
        const inNode = extractHtml(page.html, { url });
        expect(inBrowser.ok).toBe(inNode.ok);
        if (inBrowser.ok && inNode.ok) expectSameArticle(inBrowser.article, inNode.article);
        else expect(inBrowser).toMatchObject({ reason: (inNode as { reason: string }).reason });
        await tab.close();
      });
    }

    it('says "no article" on a page that is not an article', async () => {
      const { page, tabId } = await fixture.browser.openTab(`${fixture.server.origin}/fixtures/pages/list/`);
      expect(await extractIn(fixture.browser, tabId)).toMatchObject({ ok: false, reason: 'not-article' });
      await page.close();
    });
  });

  describe('popup and clips', () => {
    it('shows summary, key figures and related stories, and saves the article', async () => {
      const url = fixture.server.corpusUrl(ARTICLE);
      const expected = cliArticle(url);
      const { page, tabId } = await fixture.browser.openTab(url);
      const popup = await fixture.browser.openExtensionPage(`popup.html?tab=${tabId}`);
      const shown = await waitInPage(
        popup,
        () => {
          const title = document.querySelector('h1')?.textContent;
          return title
            ? {
                title,
                summary: document.querySelectorAll('#summary-heading').length,
                figures: document.querySelectorAll('.figures button').length,
                related: [...document.querySelectorAll<HTMLAnchorElement>('.related a')].map((link) => link.href),
              }
            : null;
        },
        null,
      );
      expect(shown).toEqual({
        title: expected.article.title,
        summary: 1,
        figures: expected.article.figures.length,
        related: expected.article.related.map((story) => story.url),
      });

      await clickButton(popup, '^(Lưu bài|Save clip)$');
      await waitInPage(popup, () => /Đã lưu|Saved to your clips/.test(document.body.textContent ?? ''), null);
      await popup.close();
      await page.close();
    });

    it('lists the saved clip on the clips page and gets every clip back from its own export', async () => {
      const clips = await fixture.browser.openExtensionPage('clips.html');
      await waitInPage(clips, () => document.querySelectorAll('.clip-list > li').length === 1, null);
      const titles = () =>
        clips.evaluate(
          () => [...document.querySelectorAll('.clip-list h2, .clip-list h3')].map((title) => title.textContent),
          null,
        );
      const before = await titles();
      expect(before.join('|')).toContain('Ban Chỉ đạo Cải cách hành chính của Chính phủ họp phiên thứ 7');

      // The page's own export code makes the file; only the browser's save dialog is left out.
      const downloads = await interceptDownloads(clips);
      await clickButton(clips, 'JSON');
      const exported = await downloads.next();
      expect(JSON.parse(exported).clips).toHaveLength(1);
      // The popup's article was completed by the background: the clip keeps its summary and figures.
      const expected = cliArticle(fixture.server.corpusUrl(ARTICLE));
      const [clip] = JSON.parse(exported).clips as { summary: string[]; figures: { text: string }[] }[];
      expect(clip!.summary).toEqual(expected.article.summary);
      expect(clip!.figures.map((figure) => figure.text)).toEqual(expected.article.figures.map((figure) => figure.text));

      await clips.evaluate(() => document.querySelector<HTMLInputElement>('.select-all input')?.click(), null);
      await clickButton(clips, '^(Delete selected|Xoá|Xóa)');
      await waitInPage(clips, () => document.querySelectorAll('.clip-list > li').length === 0, null);

      await chooseFile(clips, '[data-testid="import-file"]', {
        name: 'loa-clips.json',
        type: 'application/json',
        text: exported,
      });
      await waitInPage(clips, () => document.querySelectorAll('.clip-list > li').length === 1, null);
      expect(await titles()).toEqual(before);
      expect(await clipCount(clips)).toBe(1);
      await clips.close();
    });
  });

  describe('reading aloud', () => {
    it("fills the four regional slots with northern and southern voices from the browser's own list", async () => {
      const { page, tabId } = await fixture.browser.openTab(fixture.server.corpusUrl(ARTICLE));
      const popup = await fixture.browser.openExtensionPage(`popup.html?tab=${tabId}`);
      const slots = await waitInPage(
        popup,
        () => {
          const labels = [...document.querySelectorAll('fieldset.voices label')];
          return labels.length === 4
            ? labels.map((label) => [label.textContent?.trim(), label.getAttribute('title')])
            : null;
        },
        null,
        60_000,
      );
      // The test browsers run with an English UI, where the slots carry their English names.
      const t = translator('en');
      const slotKeys = [
        'clips_voice_north_male',
        'clips_voice_north_female',
        'clips_voice_south_female',
        'clips_voice_south_male',
      ];
      expect(slots.map(([label]) => label)).toEqual(slotKeys.map((key) => t(key)));
      const voices = slots.map(([, voice]) => voice ?? '');
      expect(voices[0]).toMatch(/^Vietnamese \(Northern\)( espeak-ng)?$/);
      expect(voices[1]).toMatch(/^Vietnamese \(Northern\)\+\w+/);
      expect(voices[2]).toMatch(/^Vietnamese \(Southern\)\+\w+/);
      expect(voices[3]).toMatch(/^Vietnamese \(Southern\)( espeak-ng)?$/);
      await popup.close();
      // Shown without the reader: the popup's opening injected none into the page.
      expect(await hasReader(fixture.browser, tabId)).toBe(false);
      await page.close();
    });

    it('reads sentence by sentence in order, pauses, resumes, and stop clears the highlight', async () => {
      const speech = await watchStatuses(fixture.browser);
      await speech.clear();
      const { page, tabId } = await fixture.browser.openTab(fixture.server.corpusUrl(ARTICLE));
      const popup = await fixture.browser.openExtensionPage(`popup.html?tab=${tabId}`);
      await clickButton(popup, '^(Nghe|Listen)$');

      const first = await speech.waitFor(
        (status) => status.state.status === 'speaking' && status.sentence !== null,
        60_000,
      );
      expect(first.state.index).toBe(0);
      expect(first.sentence).toBe('Ban Chỉ đạo Cải cách hành chính của Chính phủ họp phiên thứ 7');
      expect(first.state.voice?.name).toMatch(/^Vietnamese \(Northern\)/);
      expect(await page.evaluate(() => CSS.highlights.has('loa-reading'), null)).toBe(true);

      expect(await hasReader(fixture.browser, tabId)).toBe(true);
      // What the popup's own injection of the extraction script reports to it: this page has the reader.
      const injection = await fixture.browser.inExtension(async (id) => {
        const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
        const [result] = await api.scripting.executeScript({
          target: { tabId: id },
          files: ['/content-scripts/content.js'],
        });
        return result?.result;
      }, tabId);
      expect(injection).toBe(true);
      // Reading goes on with the popup closed, and the popup opened again shows it live.
      await popup.close();
      await speech.waitFor((status) => status.state.index >= 2, 60_000);
      const reopened = await fixture.browser.openExtensionPage(`popup.html?tab=${tabId}`);
      await waitInPage(reopened, () => document.querySelector('.player progress') !== null, null, 30_000);
      await clickButton(reopened, '^(Tạm dừng|Pause)$');
      const paused = await speech.waitFor((status) => status.state.status === 'paused');
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect((await speech.statuses()).at(-1)!.state).toMatchObject({ status: 'paused', index: paused.state.index });

      // Paused, the play button's name is "Listen" again (its text says "Resume").
      await clickButton(reopened, '^(Nghe tiếp|Resume|Nghe|Listen)$');
      await speech.waitFor(
        (status) => status.state.status === 'speaking' && status.state.index > paused.state.index,
        60_000,
      );
      const starts = (await speech.statuses())
        .filter((status) => status.state.status === 'speaking' && status.sentence)
        .map((status) => status.state.index);
      expect(new Set(starts)).toEqual(new Set(Array.from({ length: Math.max(...starts) + 1 }, (_, index) => index)));
      expect(starts).toEqual([...starts].sort((a, b) => a - b));

      await clickButton(reopened, '^(Dừng|Stop)$');
      await speech.waitFor((status) => status.state.status === 'idle');
      expect(await page.evaluate(() => CSS.highlights.has('loa-reading'), null)).toBe(false);
      await reopened.close();
      await page.close();
    });
  });

  describe('entry points', () => {
    it('has its context menus', async () => {
      const exists = (ids: string[]) =>
        fixture.browser.inExtension(async (menuIds) => {
          const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
          return Promise.all(
            menuIds.map((id) =>
              api.contextMenus.update(id, {}).then(
                () => true,
                () => false,
              ),
            ),
          );
        }, ids);
      expect(await exists(['read-selection', 'read-page', 'save-selection', 'open-clips'])).toEqual([
        true,
        true,
        true,
        true,
      ]);
      expect(await exists(['no-such-menu'])).toEqual([false]);
    });

    it("registers the README's keyboard shortcuts", async () => {
      const commands = await fixture.browser.inExtension(() => {
        const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
        return api.commands.getAll();
      }, null);
      const shortcuts = commands.map((command) => command.shortcut).filter((shortcut) => shortcut);
      expect(readmeShortcuts().length).toBeGreaterThanOrEqual(4);
      expect(shortcuts.sort()).toEqual(readmeShortcuts().sort());
      expect(commands.map((command) => command.name)).toEqual(expect.arrayContaining(['stop', 'save-clip']));
    });
  });
});
