import { describe, expect, it } from 'vitest';
import { useBrowser } from './fixture';
import type { SpeechStatus } from '../../lib/messages';
import { speakable } from '../../lib/speech/normalize';
import { dispatchCommand, extractInBrowser, readerInTab, watchSpeech } from '../../scripts/lib/browser-harness';

const ARTICLE = 'vn-baolaocai-seed-reconstructed';
const TITLE = 'Ban Chỉ đạo Cải cách hành chính của Chính phủ họp phiên thứ 7';

describe('reading aloud in Chromium with espeak-ng voices', () => {
  const browser = useBrowser({ speech: 'realtime' });

  /**
   * Alt+Shift+Q on the article in a new tab: the title is read first and highlighted on the live
   * page, which keeps its DOM.
   */
  async function keyOnArticle(speech: Awaited<ReturnType<typeof watchSpeech>>) {
    const page = await browser.extension.context.newPage();
    await page.goto(browser.server.corpusUrl(ARTICLE));
    await page.bringToFront();
    await dispatchCommand(browser.extension, 'play-pause');
    const first = await speech.waitFor(
      (status) => status.state.status === 'speaking' && status.sentence !== null,
      60_000,
    );
    expect(first.state.index).toBe(0);
    expect(first.sentence).toBe(TITLE);
    expect(await page.evaluate(() => CSS.highlights.has('loa-reading'))).toBe(true);
    return { page, first };
  }

  it('registers the four suggested keyboard shortcuts a listener needs', async () => {
    const commands = await browser.extension.worker.evaluate(() => chrome.commands.getAll());
    const shortcut = (name: string) => commands.find((command) => command.name === name)?.shortcut;
    // Chromium drops a refused suggested key silently (shortcut ""): each must really be there.
    expect(
      Object.fromEntries(
        ['play-pause', 'stop', 'previous-sentence', 'save-clip'].map((name) => [name, shortcut(name)]),
      ),
    ).toEqual({
      'play-pause': 'Alt+Shift+Q',
      stop: 'Alt+Shift+Period',
      'previous-sentence': 'Alt+Shift+Comma',
      'save-clip': 'Alt+Shift+S',
    });
    expect(commands.map((command) => command.name)).toEqual(
      expect.arrayContaining(['_execute_action', 'next-sentence']),
    );
  });

  it('reads from a shortcut sentence by sentence, highlights, pauses, resumes, skips and stops', async () => {
    const speech = await watchSpeech(browser.extension);
    const { page } = await keyOnArticle(speech);
    // On a fresh browser the language's default voice may read first; the Northern slot takes
    // over from the sentence after the voice list arrived.
    const northern = await speech.waitFor(
      (status) => /Vietnamese \(Northern\)/.test(status.state.voice?.name ?? ''),
      60_000,
    );
    expect(northern.preparing).toBe(false);

    await speech.waitFor((status) => status.state.index >= 2);
    await dispatchCommand(browser.extension, 'play-pause');
    const paused = await speech.waitFor((status) => status.state.status === 'paused');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const stillPaused = (await speech.statuses()).at(-1)!;
    expect(stillPaused.state.status).toBe('paused');
    expect(stillPaused.state.index).toBe(paused.state.index);

    await dispatchCommand(browser.extension, 'play-pause');
    await speech.waitFor((status) => status.state.status === 'speaking');
    await dispatchCommand(browser.extension, 'next-sentence');
    const skipped = await speech.waitFor(
      (status) => status.state.index > paused.state.index && status.sentence !== null,
    );
    expect(skipped.state.index).toBe(paused.state.index + 1);

    // Every sentence that started did so in order: no sentence read twice, none skipped but the one we skipped.
    const starts = (await speech.statuses())
      .filter((status) => status.state.status === 'speaking' && status.sentence)
      .map((status) => status.state.index);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));

    await dispatchCommand(browser.extension, 'stop');
    await speech.waitFor((status) => status.state.status === 'idle');
    expect(await page.evaluate(() => CSS.highlights.has('loa-reading'))).toBe(false);
    await page.close();
  });

  /** The reader's answer to "speech-status", or null when no reader is injected in the tab to give one. */
  const askReader = (tabId: number) =>
    browser.extension.worker.evaluate(
      (id) =>
        chrome.tabs.sendMessage(id, { to: 'loa-content', message: { type: 'speech-status' } }).then(
          (status) => (status as { what: string | null } | undefined) ?? null,
          () => null,
        ),
      tabId,
    );

  it('gives the complete article from the extraction script alone, without the reader', async () => {
    const page = await browser.extension.context.newPage();
    await page.goto(browser.server.corpusUrl(ARTICLE));
    const tabId = await browser.extension.tabIdOf(page);
    const extracted = await extractInBrowser(browser.extension, tabId);
    if (!extracted.ok) throw new Error(`${ARTICLE} is no article in the browser`);
    // Computed by the background from what the page gave, as the popup shows them.
    expect(extracted.article.summary.length).toBeGreaterThan(0);
    expect(extracted.article.figures.map((figure) => figure.text)).toContain('4.142 nhiệm vụ');
    expect(await askReader(tabId)).toBeNull();
    await page.close();
  });

  it('injects the reader on the key press in a tab where the popup was never opened', async () => {
    const speech = await watchSpeech(browser.extension);
    await speech.clear();
    const page = await browser.extension.context.newPage();
    await page.goto(browser.server.corpusUrl(ARTICLE));
    await page.bringToFront();
    const tabId = await browser.extension.tabIdOf(page);
    expect(await askReader(tabId)).toBeNull();
    await dispatchCommand(browser.extension, 'play-pause');
    const first = await speech.waitFor(
      (status) => status.state.status === 'speaking' && status.sentence !== null,
      60_000,
    );
    // Read from the page's own part of the article: the title first.
    expect(first.sentence).toBe(TITLE);
    expect(await askReader(tabId)).toMatchObject({ what: 'article' });

    // "Read summary" gets the background's summary, which the key press did not wait for.
    const extracted = await extractInBrowser(browser.extension, tabId);
    if (!extracted.ok) throw new Error(`${ARTICLE} is no article in the browser`);
    await browser.extension.worker.evaluate(
      (id) =>
        chrome.tabs.sendMessage(id, {
          to: 'loa-content',
          message: { type: 'speech', command: { action: 'play', what: 'summary' } },
        }),
      tabId,
    );
    const summary = await speech.waitFor((status) => status.what === 'summary' && status.sentence !== null, 60_000);
    expect(summary.state.index).toBe(0);
    expect(extracted.article.summary[0]).toContain(summary.sentence);
    await dispatchCommand(browser.extension, 'stop');
    await speech.waitFor((status) => status.state.status === 'idle');
    await page.close();
  });

  /** Every text the background gives chrome.tts from now on, in order. */
  const recordTtsTexts = async () => {
    await browser.extension.worker.evaluate(() => {
      const scope = globalThis as unknown as { __loaTtsTexts?: string[] };
      if (scope.__loaTtsTexts) return;
      const texts: string[] = [];
      scope.__loaTtsTexts = texts;
      const speak = chrome.tts.speak.bind(chrome.tts);
      chrome.tts.speak = ((text: string, options: chrome.tts.TtsOptions) => {
        texts.push(text);
        return speak(text, options);
      }) as typeof chrome.tts.speak;
    });
    await browser.extension.worker.evaluate(
      () => void ((globalThis as unknown as { __loaTtsTexts: string[] }).__loaTtsTexts.length = 0),
    );
    return () =>
      browser.extension.worker.evaluate(() => [
        ...(globalThis as unknown as { __loaTtsTexts: string[] }).__loaTtsTexts,
      ]);
  };
  /** The worker's stage marks of the last command (lib/speech/stages.ts), earliest first. */
  const workerStages = () =>
    browser.extension.worker.evaluate(() =>
      performance
        .getEntriesByType('mark')
        .filter((mark) => mark.name.startsWith('loa:'))
        .sort((a, b) => a.startTime - b.startTime)
        .map((mark) => mark.name.slice('loa:'.length)),
    );

  it('speaks the first sentence of a fresh tab while the reader is injected: once, highlighted, and the next follows', async () => {
    const speech = await watchSpeech(browser.extension);
    await speech.clear();
    const ttsTexts = await recordTtsTexts();
    const { page, first } = await keyOnArticle(speech);
    // chrome.tts had the sentence before the reader was in the tab.
    const stages = await workerStages();
    expect(stages.indexOf('tts-speak')).toBeGreaterThan(stages.indexOf('ahead'));
    expect(stages.indexOf('tts-speak')).toBeLessThan(stages.indexOf('injected'));

    const second = await speech.waitFor(
      (status) => status.state.index === 1 && status.sentence !== null && status.sentence !== first.sentence,
      60_000,
    );
    expect(second.state.status).toBe('speaking');
    const texts = await ttsTexts();
    expect(texts[0]).toBe(speakable(first.sentence!, 'vi'));
    expect(texts.filter((text) => text === texts[0])).toHaveLength(1);
    expect(speakable(second.sentence!, 'vi').startsWith(texts[1] ?? '\0')).toBe(true);
    await dispatchCommand(browser.extension, 'stop');
    await speech.waitFor((status) => status.state.status === 'idle');
    await page.close();
  });

  const isSpeaking = () => browser.extension.worker.evaluate(() => chrome.tts.isSpeaking());
  /** A fresh tab showing the article, in front, where Loa has not run yet. */
  const freshTab = async () => {
    const page = await browser.extension.context.newPage();
    await page.goto(browser.server.corpusUrl(ARTICLE));
    await page.bringToFront();
    return { page, tabId: await browser.extension.tabIdOf(page) };
  };
  /** The last command was sent to the reader (its `injected` mark), and a message after it answered. */
  const afterLastCommand = async (tabId: number) => {
    await expect.poll(workerStages, { timeout: 60_000, interval: 5 }).toContain('injected');
    return readerStatus(tabId);
  };

  it('stops the sentence spoken ahead when stop comes before the reader took it over, and when it comes after: sentence 1 reaches chrome.tts once', async () => {
    const speech = await watchSpeech(browser.extension);
    for (const stopWhen of ['ahead', 'speaking'] as const) {
      await speech.clear();
      const ttsTexts = await recordTtsTexts();
      const { page, tabId } = await freshTab();
      await dispatchCommand(browser.extension, 'play-pause');
      if (stopWhen === 'ahead')
        await expect.poll(workerStages, { timeout: 60_000, interval: 5 }).toContain('tts-speak');
      else await speech.waitFor((status) => status.state.status === 'speaking' && status.sentence !== null, 60_000);
      await dispatchCommand(browser.extension, 'stop');
      const after = await afterLastCommand(tabId);
      expect(after.state.status).toBe('idle');
      await expect.poll(isSpeaking).toBe(false);
      expect(await ttsTexts()).toEqual([speakable(TITLE, 'vi')]);
      await page.close();
    }
  });

  it('speaks the first sentence ahead for the menu\'s "read page" too, and a stop during it ends silent', async () => {
    const speech = await watchSpeech(browser.extension);
    await speech.clear();
    const ttsTexts = await recordTtsTexts();
    const { page, tabId } = await freshTab();
    const tab = await browser.extension.worker.evaluate(async (id) => chrome.tabs.get(id), tabId);
    await browser.extension.worker.evaluate(
      ([info, target]) =>
        (chrome.contextMenus.onClicked as unknown as { dispatch(...args: unknown[]): void }).dispatch(info, target),
      [{ menuItemId: 'read-page', editable: false }, tab] as const,
    );
    const first = await speech.waitFor(
      (status) => status.state.status === 'speaking' && status.sentence !== null,
      60_000,
    );
    expect(first.sentence).toBe(TITLE);
    const stages = await workerStages();
    expect(stages.indexOf('tts-speak')).toBeGreaterThan(stages.indexOf('ahead'));
    expect(stages.indexOf('tts-speak')).toBeLessThan(stages.indexOf('injected'));
    await dispatchCommand(browser.extension, 'stop');
    expect((await afterLastCommand(tabId)).state.status).toBe('idle');
    await expect.poll(isSpeaking).toBe(false);
    expect(await ttsTexts()).toEqual([speakable(TITLE, 'vi')]);
    await page.close();
  });

  it('ends silent when stop is pressed right after the key, while the page is still extracting', async () => {
    const ttsTexts = await recordTtsTexts();
    const { page, tabId } = await freshTab();
    await dispatchCommand(browser.extension, 'play-pause');
    await dispatchCommand(browser.extension, 'stop');
    expect((await afterLastCommand(tabId)).state.status).toBe('idle');
    await expect.poll(isSpeaking).toBe(false);
    expect((await ttsTexts()).filter((text) => text === speakable(TITLE, 'vi')).length).toBeLessThanOrEqual(1);
    expect((await readerStatus(tabId)).state.status).toBe('idle');
    await page.close();
  });

  it('ends paused when the key is pressed twice at once, with sentence 1 sent to chrome.tts once', async () => {
    const speech = await watchSpeech(browser.extension);
    await speech.clear();
    const ttsTexts = await recordTtsTexts();
    const { page, tabId } = await freshTab();
    await dispatchCommand(browser.extension, 'play-pause');
    await dispatchCommand(browser.extension, 'play-pause');
    await speech.waitFor((status) => status.state.status === 'paused', 60_000);
    expect((await afterLastCommand(tabId)).state).toMatchObject({ status: 'paused', index: 0 });
    expect(await ttsTexts()).toEqual([speakable(TITLE, 'vi')]);
    await dispatchCommand(browser.extension, 'stop');
    await speech.waitFor((status) => status.state.status === 'idle');
    await page.close();
  });

  it('speaks nothing ahead on a page the user clicked (the page speaks) or with a selection (read from it)', async () => {
    const speech = await watchSpeech(browser.extension);
    for (const kind of ['clicked', 'selection'] as const) {
      await speech.clear();
      const ttsTexts = await recordTtsTexts();
      const { page, tabId } = await freshTab();
      if (kind === 'clicked') await page.locator('h1').first().click();
      // Selected by a script the extension injects: Playwright's page.evaluate would count as a user gesture.
      else
        await browser.extension.worker.evaluate(
          (id) =>
            chrome.scripting.executeScript({
              target: { tabId: id },
              func: () => {
                const paragraph = [...document.querySelectorAll('p')].find((p) => (p.textContent ?? '').length > 200)!;
                getSelection()!.selectAllChildren(paragraph);
              },
            }),
          tabId,
        );
      await dispatchCommand(browser.extension, 'play-pause');
      const first = await speech.waitFor(
        (status) => status.state.status === 'speaking' && status.sentence !== null,
        60_000,
      );
      expect(await workerStages()).not.toContain('ahead');
      if (kind === 'clicked') {
        // By the next sentence, a first one read through chrome.tts would have reached it.
        await speech.waitFor((status) => status.state.index === first.state.index + 1, 60_000);
        expect(await ttsTexts()).toEqual([]);
      } else {
        expect(first.state.index).toBeGreaterThan(0);
        // The status may come before the bridge's request reaches the worker.
        await expect.poll(ttsTexts, { timeout: 10_000 }).not.toEqual([]);
        expect(speakable(first.sentence!, 'vi').startsWith((await ttsTexts())[0]!)).toBe(true);
      }
      await dispatchCommand(browser.extension, 'stop');
      await speech.waitFor((status) => status.state.status === 'idle');
      await page.close();
    }
  });

  /** The reader's whole status, as the popup gets it from a page that has one. */
  const readerStatus = (tabId: number) =>
    browser.extension.worker.evaluate(
      (id) =>
        chrome.tabs.sendMessage(id, { to: 'loa-content', message: { type: 'speech-status' } }) as Promise<SpeechStatus>,
      tabId,
    );

  it('opens the popup without the reader, then reads from Listen past the popup, and shows it live when reopened', async () => {
    const speech = await watchSpeech(browser.extension);
    await speech.clear();
    const page = await browser.extension.context.newPage();
    await page.goto(browser.server.corpusUrl(ARTICLE));
    const tabId = await browser.extension.tabIdOf(page);

    const popup = await browser.extension.openPopup(tabId);
    const voices = popup.locator('fieldset.voices label');
    await expect.poll(() => voices.count(), { timeout: 60_000 }).toBe(4);
    // The background's answer, as the popup got it: the reader's slots come from the same voice list.
    const idle = (await popup.evaluate(() =>
      chrome.runtime.sendMessage({ to: 'loa-background', message: { type: 'idle-speech-status', lang: 'vi' } }),
    )) as SpeechStatus;
    expect(idle.state.status).toBe('idle');
    await popup.close();
    expect(await readerInTab(browser.extension, tabId)).toBe(false);

    const listening = await browser.extension.openPopup(tabId);
    await listening
      .getByRole('button', { name: /^(Nghe|Listen)$/ })
      .first()
      .click();
    await speech.waitFor((status) => status.state.status === 'speaking' && status.sentence !== null, 60_000);
    expect(await readerInTab(browser.extension, tabId)).toBe(true);
    await listening.close();
    const later = await speech.waitFor((status) => status.state.index >= 2, 60_000);
    expect(later.state.status).toBe('speaking');
    const live = await readerStatus(tabId);
    expect(live.slots).toEqual(idle.slots);
    expect(live.slot).toBe(idle.slot);

    // Reopened during reading: the pause button, the sentence count and the voice in use.
    const reopened = await browser.extension.openPopup(tabId);
    await reopened.getByRole('button', { name: /^(Tạm dừng|Pause)$/ }).waitFor({ timeout: 30_000 });
    expect(await reopened.locator('.player').textContent()).toMatch(/Câu \d+\/\d+|Sentence \d+ of \d+/);
    const slotLabel = live.slots!.slots.find((slot) => slot.id === live.slot)!;
    const checked = reopened.locator('fieldset.voices label:has(input:checked)');
    await expect.poll(() => checked.getAttribute('title')).toBe(slotLabel.voice!.name);
    await reopened.getByRole('button', { name: /^(Dừng|Stop)$/ }).click();
    await speech.waitFor((status) => status.state.status === 'idle');
    await reopened.close();

    // A reload is a new page without the reader: the popup shows the player without injecting one again.
    await page.reload();
    expect(await readerInTab(browser.extension, tabId)).toBe(false);
    const afterReload = await browser.extension.openPopup(tabId);
    await expect.poll(() => afterReload.locator('fieldset.voices label').count(), { timeout: 60_000 }).toBe(4);
    await afterReload.close();
    expect(await readerInTab(browser.extension, tabId)).toBe(false);
    await page.close();
  });

  it('reads a selection from the context menu', async () => {
    const speech = await watchSpeech(browser.extension);
    await speech.clear();
    const page = await browser.extension.context.newPage();
    await page.goto(browser.server.corpusUrl(ARTICLE));
    const tab = await browser.extension.worker.evaluate(
      async (id) => chrome.tabs.get(id),
      await browser.extension.tabIdOf(page),
    );
    await browser.extension.worker.evaluate(
      ([info, target]) =>
        (chrome.contextMenus.onClicked as unknown as { dispatch(...args: unknown[]): void }).dispatch(info, target),
      [
        {
          menuItemId: 'read-selection',
          selectionText: 'Tuy nhiên, công tác cải cách hành chính trong năm 2023 còn một số bất cập, hạn chế.',
          editable: false,
        },
        tab,
      ] as const,
    );
    const reading = await speech.waitFor((status) => status.what === 'selection' && status.sentence !== null, 60_000);
    expect(reading.sentence).toBe(
      'Tuy nhiên, công tác cải cách hành chính trong năm 2023 còn một số bất cập, hạn chế.',
    );
    await speech.waitFor((status) => status.state.status === 'idle');
    await page.close();
  });

  it('says "preparing" on the badge before the first sound of a shortcut', async () => {
    const speech = await watchSpeech(browser.extension);
    await speech.clear();
    const page = await browser.extension.context.newPage();
    await page.goto(browser.server.corpusUrl(ARTICLE));
    await page.bringToFront();
    await dispatchCommand(browser.extension, 'play-pause');
    await speech.waitFor((status) => status.state.status === 'speaking' && status.sentence !== null, 60_000);
    // The worker's own stage marks (lib/speech/stages.ts): the badge text was set, then chrome.tts started.
    const order = await browser.extension.worker.evaluate(() =>
      performance
        .getEntriesByType('mark')
        .filter((mark) => mark.name === 'loa:badge' || mark.name === 'loa:tts-start')
        .sort((a, b) => a.startTime - b.startTime)
        .map((mark) => mark.name),
    );
    expect(order[0]).toBe('loa:badge');
    expect(order).toContain('loa:tts-start');
    await dispatchCommand(browser.extension, 'stop');
    await speech.waitFor((status) => status.state.status === 'idle');
    await page.close();
  });

  it('fills the four regional slots from the real voice list', async () => {
    const page = await browser.extension.context.newPage();
    await page.goto(browser.server.corpusUrl(ARTICLE));
    const popup = await browser.extension.openPopup(await browser.extension.tabIdOf(page));
    const voices = popup.locator('fieldset.voices label');
    await expect.poll(() => voices.count(), { timeout: 60_000 }).toBe(4);
    // Labels in the browser's UI language.
    expect([
      ['Nam miền Bắc', 'Nữ miền Bắc', 'Nữ miền Nam', 'Nam miền Nam'],
      ['Northern male', 'Northern female', 'Southern female', 'Southern male'],
    ]).toContainEqual(await voices.allTextContents());
    expect(await popup.locator('fieldset.voices input:disabled').count()).toBe(0);
    await popup.close();
    await page.close();
  });

  it('keeps reading when the popup closes', async () => {
    const speech = await watchSpeech(browser.extension);
    await speech.clear();
    const page = await browser.extension.context.newPage();
    await page.goto(browser.server.corpusUrl(ARTICLE));
    const popup = await browser.extension.openPopup(await browser.extension.tabIdOf(page));
    await popup
      .getByRole('button', { name: /Nghe|Listen/ })
      .first()
      .click();
    await speech.waitFor((status) => status.state.status === 'speaking' && status.sentence !== null, 60_000);
    await popup.close();
    const later = await speech.waitFor((status) => status.state.index >= 2);
    expect(later.state.status).toBe('speaking');
    await page.close();
  });

  it('reads a clip on the clips page with the popup player bar: progress and the clip text', async () => {
    const page = await browser.extension.context.newPage();
    await page.goto(browser.server.corpusUrl(ARTICLE));
    const popup = await browser.extension.openPopup(await browser.extension.tabIdOf(page));
    await popup.locator('.save-bar button.primary').click();
    await popup.locator('.save-bar .status:not(:empty)').waitFor();
    await popup.close();
    const clips = await browser.extension.context.newPage();
    await clips.goto(`chrome-extension://${browser.extension.extensionId}/clips.html`);
    await clips.getByRole('button', { name: /^(Đọc to|Read aloud): Ban Chỉ đạo/ }).click();
    const player = clips.locator('.clips-player');
    await player.locator('progress').waitFor({ timeout: 60_000 });
    expect(await player.textContent()).toMatch(/Câu \d+\/\d+|Sentence \d+ of \d+/);
    await player.getByRole('button', { name: /^(Dừng|Stop)$/ }).click();
    await player.waitFor({ state: 'detached' });
    await clips.close();
    await page.close();
  });
});
