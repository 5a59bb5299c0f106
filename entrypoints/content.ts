import type { Article, ArticlePage, ExtractResult, PageResult } from '@/lib/article';
import { extractPage } from '@/lib/extract';
import { fetchStoryPage } from '@/lib/extract/remote';
import { onContentRequest, sendToBackground } from '@/lib/messages';
import { findArticleContainer, installHighlightStyle, SentenceHighlighter } from '@/lib/speech/highlight';
import { pageMaySpeak } from '@/lib/speech/platform';
import { PAGE_ARTICLES, READER_INJECTED, type PageArticles } from '@/lib/tabs';

/** Set on this extension's own global (the content script's world), where page elements cannot name it. */
const INJECTED = Symbol.for('loa.content-script');

/**
 * Extraction holds the page's only thread: past this it stops between stages and the popup says
 * so. A long article takes well under a second in Chromium; only a pathological page gets here.
 */
const EXTRACTION_BUDGET_MS = 10_000;

/**
 * Asks the background whether `url` belongs to this page's site, so the Public Suffix List is
 * not injected with every popup opening. No answer (e.g. the extension was reloaded) is a no.
 */
async function sameSiteAsPage(url: string): Promise<boolean> {
  const verdicts = await sendToBackground({ type: 'same-site', pageUrl: location.href, urls: [url] }).catch(
    () => undefined,
  );
  return verdicts?.[0] === true;
}

/** A fetched story as an inert document whose relative links resolve against its own address. */
function parseFetched(html: string, url: string): Document {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const base = doc.createElement('base');
  base.href = url;
  doc.head.prepend(base);
  return doc;
}

/** The page's figures and summary, computed by the background (lib/figures and lib/summarize stay out of the page). */
async function complete(page: ArticlePage): Promise<Article> {
  const article = await sendToBackground({ type: 'complete-article', page });
  if (!article) throw new Error('Loa could not complete the article (the extension was reloaded?).');
  return article;
}

async function completeResult(result: PageResult): Promise<ExtractResult> {
  return result.ok ? { ok: true, article: await complete(result.page) } : result;
}

/**
 * The extraction script, injected on demand (activeTab + scripting, never declared for all
 * sites) on every popup opening: extracts the page's article once per page state and flashes a
 * sentence on the live page. Reading aloud is the reader's (reader.content.ts), injected after
 * this one only when reading starts, which gets the article from here.
 */
export default defineContentScript({
  matches: [],
  registration: 'runtime',
  main() {
    // A symbol, not a named global: a page element with id or name "__loaContentScript" shows up
    // as a property of window and would make every injection think Loa already runs.
    const injected = globalThis as { [INJECTED]?: true; [PAGE_ARTICLES]?: PageArticles; [READER_INJECTED]?: true };
    // What the injection answers (ensureContentScript): whether this page already has the reader.
    if (injected[INJECTED]) return injected[READER_INJECTED] === true;
    injected[INJECTED] = true;

    // The page's own part is extracted once per page state; figures and summary are asked of the
    // background only when wanted (the popup, a clip, "read summary"), so reading starts without them.
    let cache: { key: string; page: PageResult; complete: Promise<ExtractResult> | null } | null = null;
    // Single-page sites swap articles without a reload: the address and the body size tell.
    const pageKey = () =>
      `${location.href}|${document.body?.childElementCount ?? 0}|${document.body?.textContent?.length ?? 0}`;
    const current = () => {
      const key = pageKey();
      if (cache?.key !== key)
        cache = {
          key,
          page: extractPage(document, { url: location.href, budget: { ms: EXTRACTION_BUDGET_MS } }),
          complete: null,
        };
      return cache;
    };
    const extract = (): Promise<ExtractResult> => {
      const entry = current();
      if (!entry.complete) {
        const result = completeResult(entry.page);
        // A failed completion is asked again next time rather than remembered.
        result.catch(() => {
          if (entry.complete === result) entry.complete = null;
        });
        entry.complete = result;
      }
      return entry.complete;
    };
    const page = async (): Promise<ArticlePage | null> => {
      const { page } = current();
      return page.ok ? page.page : null;
    };
    const article = async (): Promise<Article | null> => {
      const result = await extract();
      return result.ok ? result.article : null;
    };
    injected[PAGE_ARTICLES] = {
      page,
      article,
      story: async (url) => {
        const page = await fetchStoryPage(url, sameSiteAsPage, parseFetched);
        return page && complete(page);
      },
    };

    installHighlightStyle(document);
    // Registered before anything is awaited: the popup messages right after injecting.
    onContentRequest({
      extract,
      'reading-start': async () => ({
        page: await page(),
        pageMaySpeak: pageMaySpeak(navigator),
        selected: (window.getSelection()?.toString() ?? '') !== '',
      }),
      reveal: async ({ sentence }) => {
        const current = await article();
        if (!current || !document.body) return false;
        // Searched inside the article, so a ticker or teaser repeating the sentence is not the one shown.
        const container = findArticleContainer(
          document.body,
          current.sentences.map((candidate) => candidate.text),
        );
        // A flash, not a lasting mark: the reader's own highlight, once reading starts, is kept.
        return new SentenceHighlighter({ root: document.body, container }).flash(sentence);
      },
    });
    // What injected this script asks for the article next (the popup, the keys and menus: the
    // reader asks for the page with every command): extracting as soon as the injection returns
    // overlaps that round trip instead of following it.
    setTimeout(current);
    return false;
  },
});
