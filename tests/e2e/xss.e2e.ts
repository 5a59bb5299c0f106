/**
 * Hostile pages in Chromium and in Firefox ESR: every generated article goes through everything Loa does with a page
 * (extract, popup, reveal a figure, listen to the related stories next, save, clips page with full
 * details, read aloud, export Markdown and JSON, delete, import back). Every payload calls a canary
 * address when it runs; the one server counts the calls and where they came from. The trust-boundary
 * test stays Chromium-only: it checks the chrome.tts port, which Firefox builds do not have.
 */
import { Window } from 'happy-dom';
import { marked } from 'marked';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clipFromArticle } from '../../lib/clips/model';
import {
  CLOBBERS,
  hasRawMarkup,
  HOSTILE_PAGE_COUNT,
  MARKUP_VECTORS,
  PLACEMENTS,
  startHostileServer,
  URL_VECTORS,
  type HostileServer,
} from '../support/hostile-pages';
import {
  BROWSERS,
  chooseFile,
  clickButton,
  extractInBrowser,
  interceptDownloads,
  launchBrowser,
  launchExtension,
  readerInTab,
  startSpeechSink,
  waitInPage,
  type ExtensionBrowser,
  type LoadedExtension,
  type ScriptablePage,
  type SpeechDispatcher,
} from '../../scripts/lib/browser-harness';

/**
 * What must never be in Loa's pages: script-capable or embedding elements, event handler
 * attributes, and an address attribute whose scheme is not http(s). Runs in the page.
 */
function unsafeDom(): string[] {
  const problems: string[] = [];
  const FORBIDDEN = [
    'script',
    'iframe',
    'frame',
    'object',
    'embed',
    'base',
    'meta',
    'link',
    'style',
    'template',
    'noscript',
    'math',
    'video',
    'audio',
    'source',
    'img',
  ];
  for (const element of document.body.querySelectorAll('*')) {
    const tag = element.tagName.toLowerCase();
    if (FORBIDDEN.includes(tag)) problems.push(`<${tag}>`);
    // Loa's own icons are the only SVG.
    if (element.namespaceURI === 'http://www.w3.org/2000/svg' && !element.closest('svg.icon-glyph'))
      problems.push(`<svg:${tag}>`);
    for (const name of element.getAttributeNames()) {
      if (/^on/i.test(name)) problems.push(`${tag} ${name}`);
      if (/^(href|src|action|formaction|data|srcdoc|poster|background|xlink:href)$/i.test(name)) {
        const value = element.getAttribute(name) ?? '';
        let protocol = 'invalid';
        try {
          protocol = new URL(value).protocol;
        } catch {
          // A relative or broken address is no web link either.
        }
        if (protocol !== 'http:' && protocol !== 'https:') problems.push(`${tag} ${name}="${value.slice(0, 80)}"`);
      }
    }
  }
  return problems;
}

/** Markdown as a lenient viewer shows it (raw HTML passes, any scheme kept), checked the same way. */
function unsafeMarkdown(markdown: string): string[] {
  const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true } });
  window.document.body.innerHTML = marked.parse(markdown, { async: false });
  const problems: string[] = [];
  for (const element of window.document.body.querySelectorAll('*')) {
    const tag = element.tagName.toLowerCase();
    if (!['h1', 'h2', 'h3', 'p', 'ul', 'ol', 'li', 'a', 'strong', 'blockquote', 'hr', 'br'].includes(tag))
      problems.push(`<${tag}>`);
    if (element.getAttributeNames().some((name) => /^on/i.test(name))) problems.push(`${tag} on…`);
    if (tag === 'a' && !/^https?:\/\/[^@]*$/.test(element.getAttribute('href') ?? ''))
      problems.push(`a href="${element.getAttribute('href')}"`);
  }
  return problems;
}

/** Canary calls from Loa's extension pages (their fetches carry the extension's origin). */
const fromExtension = (server: HostileServer) =>
  server.hits.filter((hit) => /^(chrome|moz)-extension:\/\//.test(hit.origin ?? ''));
const pageHits = (server: HostileServer, index: number) =>
  server.hits.filter((hit) => hit.id.startsWith(`${index}-`)).length;

/** Waits until the page's own payloads (raw markup runs when the page loads) have stopped calling. */
async function settledHits(server: HostileServer, index: number): Promise<number> {
  let before = -1;
  let now = pageHits(server, index);
  while (now !== before) {
    before = now;
    await new Promise((resolve) => setTimeout(resolve, 150));
    now = pageHits(server, index);
  }
  return now;
}

// One server for every browser; each browser starts counting from zero.
let server: HostileServer;
beforeAll(async () => {
  server = await startHostileServer();
});
afterAll(() => server?.close());

describe('trust boundaries in Chromium', () => {
  let sink: SpeechDispatcher;
  let extension: LoadedExtension;

  beforeAll(async () => {
    server.hits.length = 0;
    server.pageRequests.length = 0;
    sink = startSpeechSink('instant');
    extension = await launchExtension({ speech: sink });
  });
  afterAll(async () => {
    await extension?.close();
    sink?.stop();
  });

  // First, on an empty profile: whatever is saved here was saved by the one legitimate request.
  it('acts on nothing a page sends, and on no save or speech port from the wrong sender', async () => {
    const page = await extension.context.newPage();
    await page.goto(server.pageUrl(0));
    const tabId = await extension.tabIdOf(page);
    const extracted = await extractInBrowser(extension, tabId);
    if (!extracted.ok) throw new Error(`page 0 is no article: ${extracted.reason}`);
    const clip = clipFromArticle(extracted.article, 'article');
    const requestsBefore = server.pageRequests.length;

    // The page's own scripts try every channel they have to Loa's content script.
    await page.evaluate(
      ([origin, forged]) => {
        const envelopes = [
          { to: 'loa-background', message: { type: 'save-clip', clip: forged } },
          { to: 'loa-content', message: { type: 'speech', command: { action: 'play', what: 'article' } } },
          { to: 'loa-content', message: { type: 'speak-selection', text: 'Xin chào' } },
          { to: 'loa-content', message: { type: 'queue-stories', urls: [`${origin}/hostile/5/`] } },
        ];
        for (const envelope of envelopes) {
          window.postMessage(envelope, '*');
          window.dispatchEvent(new CustomEvent(envelope.to, { detail: envelope }));
          document.dispatchEvent(new MessageEvent('message', { data: envelope }));
          document.body.setAttribute(`data-${envelope.to}`, JSON.stringify(envelope));
        }
      },
      [server.origin, clip] as const,
    );

    const popup = await extension.openPopup(tabId);
    // Page 0 names an element "__loaContentScript", and that name reaches the content script's
    // world: a marker kept there would have stopped the extraction above.
    const clobbered = await popup.evaluate(async (id) => {
      const [injected] = await chrome.scripting.executeScript({
        target: { tabId: id },
        func: () => String((globalThis as Record<string, unknown>).__loaContentScript),
      });
      return injected?.result;
    }, tabId);
    expect(clobbered).toMatch(/HTMLFormElement/);
    // From Loa's content-script world (what a subverted content script could do): refused.
    const fromContentScript = await popup.evaluate(
      async ([id, forged]) => {
        const [injected] = await chrome.scripting.executeScript({
          target: { tabId: id },
          func: (c) => chrome.runtime.sendMessage({ to: 'loa-background', message: { type: 'save-clip', clip: c } }),
          args: [forged],
        });
        return injected?.result;
      },
      [tabId, clip] as const,
    );
    expect(fromContentScript).toMatchObject({ ok: false, code: 'invalid-input' });
    // The chrome.tts port: an extension page is no content script, and is cut off at once.
    const portFromPage = await popup.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const port = chrome.runtime.connect({ name: 'loa-tts' });
          port.onDisconnect.addListener(() => resolve('disconnected'));
          port.onMessage.addListener(() => resolve('answered'));
          port.postMessage({ type: 'voices' });
        }),
    );
    expect(portFromPage).toBe('disconnected');
    const portFromContentScript = await popup.evaluate(async (id) => {
      const [injected] = await chrome.scripting.executeScript({
        target: { tabId: id },
        func: () =>
          new Promise<string>((resolve) => {
            const port = chrome.runtime.connect({ name: 'loa-tts' });
            port.onDisconnect.addListener(() => resolve('disconnected'));
            port.onMessage.addListener(() => resolve('answered'));
            port.postMessage({ type: 'voices' });
          }),
      });
      return injected?.result;
    }, tabId);
    expect(portFromContentScript).toBe('answered');
    // The same save from the popup is the one that counts.
    const fromPopup = await popup.evaluate(
      (forged) => chrome.runtime.sendMessage({ to: 'loa-background', message: { type: 'save-clip', clip: forged } }),
      clip,
    );
    expect(fromPopup).toMatchObject({ ok: true });

    // The popup's opening injects no reader, so nothing the page sent could have started one.
    expect(await readerInTab(extension, tabId)).toBe(false);
    expect(await extension.worker.evaluate(() => chrome.tts.isSpeaking())).toBe(false);
    expect(server.pageRequests.length).toBe(requestsBefore);
    const clips = await extension.context.newPage();
    await clips.goto(`chrome-extension://${extension.extensionId}/clips.html`);
    await clips.locator('.clip-list > li').first().waitFor();
    expect(await clips.locator('.clip-list > li').count()).toBe(1);
    expect(server.hits).toEqual([]);
    await clips.close();
    await popup.close();
    await page.close();
  });
});

/** The text of the innermost element matching `pattern` (a regular expression source), if any. */
function textMatching(pattern: string): string | null {
  const expression = new RegExp(pattern);
  const matches = [...document.body.querySelectorAll('*')].filter((element) =>
    expression.test(element.textContent ?? ''),
  );
  return matches.at(-1)?.textContent ?? null;
}

/** Clicks the first enabled button named by `pattern` if the page shows one; says whether it did. */
function clickIfShown(pattern: string): boolean {
  const expression = new RegExp(pattern);
  const button = [...document.querySelectorAll('button')].find(
    (candidate) =>
      !candidate.disabled &&
      expression.test((candidate.getAttribute('aria-label') ?? candidate.textContent ?? '').trim()),
  );
  button?.click();
  return button !== undefined;
}

describe.each(BROWSERS)('hostile pages in %s', (name) => {
  let sink: SpeechDispatcher;
  let browser: ExtensionBrowser;
  const refusedByCsp: string[] = [];
  const watch = (page: ScriptablePage, label: string) =>
    page.onConsole((text) => {
      // An inline script or handler that reached an extension page would be refused by its CSP, and said so here.
      if (/Content[- ]Security[- ]Policy|Refused to (execute|load|run)/i.test(text))
        refusedByCsp.push(`${label}: ${text}`);
    });

  beforeAll(async () => {
    server.hits.length = 0;
    server.pageRequests.length = 0;
    sink = startSpeechSink('instant');
    browser = await launchBrowser(name, { speech: sink });
  });
  afterAll(async () => {
    await browser?.close();
    sink?.stop();
  });

  it(
    `runs no payload of ${HOSTILE_PAGE_COUNT} pages anywhere, and links nothing but http(s)`,
    { timeout: 900_000 },
    async () => {
      const started = Date.now();
      const { page, tabId } = await browser.openTab(server.pageUrl(0));
      // One tab for Loa's pages, watched from before its first load: the popup, then the clips page.
      const loa = await browser.openExtensionPage(`popup.html?tab=${tabId}`);
      watch(loa, name);

      const popupProblems: string[] = [];
      const loaRuns: string[] = [];
      let articles = 0;
      let queuedStories = 0;
      let pageOwnRuns = 0;
      const clobbered: boolean[] = [];
      for (let index = 0; index < HOSTILE_PAGE_COUNT; index++) {
        await page.goto(server.pageUrl(index));
        // Text payloads never run by themselves: any call of theirs is Loa's doing (checked at the end).
        const raw = hasRawMarkup(index);
        const ownRuns = raw ? await settledHits(server, index) : 0;
        pageOwnRuns += ownRuns;

        // A new address for each page, so each load is a fresh popup.
        await loa.goto(browser.extensionUrl(`popup.html?tab=${tabId}&page=${index}`));
        const isArticle = await waitInPage(
          loa,
          () =>
            document.querySelector('h1.title, [role="alert"]')
              ? { article: !!document.querySelector('h1.title') }
              : null,
          null,
        ).then((shown) => shown.article);
        // The first pages clobber "__loaContentScript" (the old injection marker) with an element.
        if (index % CLOBBERS.length < 3) clobbered.push(isArticle);
        if (isArticle) {
          articles++;
          await loa.evaluate(() => document.querySelector<HTMLButtonElement>('button.figure')?.click(), null);
          if (await loa.evaluate(clickIfShown, 'Nghe tiếp các tin này|Listen to these next')) {
            const outcome = await waitInPage(
              loa,
              textMatching,
              'stories queued after|tin để nghe sau|Could not fetch these stories|Không tải được các tin',
            );
            queuedStories += Number(/(\d+) (stories|tin)/.exec(outcome)?.[1] ?? 0);
          }
          await clickButton(loa, 'Lưu bài|Save clip');
          await waitInPage(loa, textMatching, 'Đã lưu|Saved to your clips|Đã cập nhật|Updated your saved clip');
        }
        popupProblems.push(...(await loa.evaluate(unsafeDom, null)).map((problem) => `page ${index}: ${problem}`));
        // Raw markup ran in the page by itself when it loaded; anything more ran because of Loa.
        const runs = raw ? (await settledHits(server, index)) - ownRuns : 0;
        if (runs > 0) loaRuns.push(`page ${index}: ${runs}`);
      }
      await page.close();

      // The canary works: the raw markup that the pages run themselves reached it.
      expect(pageOwnRuns).toBeGreaterThan(0);
      expect(loaRuns).toEqual([]);
      expect(popupProblems).toEqual([]);
      expect(clobbered.every(Boolean)).toBe(true);
      // A few pages stop being articles where raw markup swallows the rest of the page (an unclosed <style> in MathML).
      expect(articles).toBeGreaterThanOrEqual(100);
      expect(queuedStories).toBeGreaterThan(0);
      // "Listen to these next" fetched same-site stories only: every story request came from the page's own origin.
      const storyFetches = server.pageRequests.filter(
        (request) => request.headers['sec-fetch-mode'] === 'cors' || request.headers['sec-fetch-dest'] === 'empty',
      );
      expect(storyFetches.length).toBeGreaterThan(0);
      expect(
        storyFetches.every(
          (request) =>
            request.headers.cookie === undefined &&
            (request.headers.origin === undefined || request.headers.origin === server.origin),
        ),
      ).toBe(true);

      // The clips page: every clip with its full text, summary, figures and related stories opened, read aloud.
      const clips = loa;
      await clips.goto(browser.extensionUrl('clips.html'));
      // The list shows a page at a time.
      const showAll = () =>
        waitInPage(
          clips,
          (expected) => {
            const more = document.querySelector<HTMLButtonElement>('button.more');
            if (more) return void more.click();
            return document.querySelectorAll('.clip-list > li').length === expected;
          },
          articles,
        );
      await showAll();
      const openAll = async () => {
        await clips.evaluate(
          () => document.querySelectorAll('details').forEach((details) => void (details.open = true)),
          null,
        );
        await waitInPage(clips, (expected) => document.querySelectorAll('.clip-full').length === expected, articles);
      };
      await openAll();
      expect(await clips.evaluate(unsafeDom, null)).toEqual([]);
      for (let i = 0; i < articles; i += 10) {
        const played = await clips.evaluate((nth) => {
          const buttons = [...document.querySelectorAll<HTMLButtonElement>('.clip-actions button')].filter((button) =>
            /^(Read aloud|Đọc to)/.test((button.getAttribute('aria-label') ?? button.textContent ?? '').trim()),
          );
          buttons[nth]?.click();
          return buttons[nth] !== undefined;
        }, i);
        expect(played).toBe(true);
      }
      expect(await clips.evaluate(unsafeDom, null)).toEqual([]);

      // The page's own export code makes each file; only the browser's save dialog is left out.
      const downloads = await interceptDownloads(clips);
      await clickButton(clips, 'Export all \\(Markdown\\)|Xuất tất cả \\(Markdown\\)');
      const markdown = await downloads.next();
      expect(unsafeMarkdown(markdown)).toEqual([]);
      await clickButton(clips, 'Export all \\(JSON\\)|Xuất tất cả \\(JSON\\)');
      const exported = await downloads.next();
      expect(JSON.parse(exported).clips).toHaveLength(articles);

      const titles = async () =>
        (
          await clips.evaluate(() => [...document.querySelectorAll('.clip-list h2')].map((h2) => h2.textContent), null)
        ).sort();
      const before = await titles();
      await clips.evaluate(() => {
        const selectAll = document.querySelector<HTMLInputElement>('.select-all input')!;
        if (!selectAll.checked) selectAll.click();
      }, null);
      expect(await clips.evaluate(() => document.querySelector('.bulk-count')?.textContent, null)).toContain(
        String(articles),
      );
      await clickButton(clips, '^(Delete selected|Xoá|Xóa)');
      await waitInPage(clips, () => document.querySelectorAll('.clip-list > li').length === 0, null);
      await chooseFile(clips, '[data-testid="import-file"]', {
        name: 'hostile-export.json',
        type: 'application/json',
        text: exported,
      });
      await showAll();
      expect(await titles()).toEqual(before);
      await openAll();
      expect(await clips.evaluate(unsafeDom, null)).toEqual([]);
      await clips.close();

      expect(fromExtension(server)).toEqual([]);
      expect(server.hits.filter((hit) => !hasRawMarkup(Number(hit.id.split('-')[0])))).toEqual([]);
      expect(refusedByCsp).toEqual([]);
      console.info(
        `hostile pages in ${name}: ${HOSTILE_PAGE_COUNT} pages (${articles} articles), ${MARKUP_VECTORS.length} markup + ${URL_VECTORS.length} URL vectors + ${CLOBBERS.length} clobbering sets, ` +
          `${PLACEMENTS.length} placements, ${queuedStories} stories queued; the pages' own raw markup ran ${pageOwnRuns} times, Loa's actions 0 times; ${((Date.now() - started) / 1000).toFixed(0)} s`,
      );
    },
  );
});
