/** Getting Loa's content scripts into a tab, and knowing in advance where browsers forbid it. */
import { browser } from 'wxt/browser';
import type { Article, ArticlePage } from './article';

/**
 * Pages no extension may script: browser pages, extension pages, stores, the PDF viewer. Saved
 * pages (file://) are not among them: the user may allow Loa to read them (see fileAccessMissing).
 */
const RESTRICTED_URL =
  /^(chrome|edge|brave|opera|vivaldi|about|moz-extension|chrome-extension|chrome-search|devtools|view-source|data|javascript):|^https:\/\/(chromewebstore\.google\.com|chrome\.google\.com\/webstore|microsoftedge\.microsoft\.com\/addons|addons\.mozilla\.org)(\/|$)|\.pdf([?#]|$)/i;

export function isRestrictedUrl(url: string | undefined): boolean {
  return !url || RESTRICTED_URL.test(url);
}

/**
 * A file:// page Loa has not been allowed to read: Chrome scripts local files only after the user
 * switches on "Allow access to file URLs" for the extension.
 */
export async function fileAccessMissing(url: string | undefined): Promise<boolean> {
  if (!url?.toLowerCase().startsWith('file:')) return false;
  return !(await browser.extension.isAllowedFileSchemeAccess());
}

/** The extraction script: the page's article, injected on every popup opening. */
export const CONTENT_SCRIPT_FILE = '/content-scripts/content.js';
/** The reading session, injected after the extraction script only where reading is asked for. */
export const READER_SCRIPT_FILE = '/content-scripts/reader.js';

/**
 * What the extraction script lends the reader. Both files run in the extension's own
 * content-script world of the page, where this registered symbol names the same property and page
 * scripts cannot reach it.
 */
export const PAGE_ARTICLES = Symbol.for('loa.page-articles');
export interface PageArticles {
  /** The page's article as the page alone gives it (no figures, no summary), extracted once per page state. */
  page(): Promise<ArticlePage | null>;
  /** The page's article, complete: figures and summary from the background, asked once per page state. */
  article(): Promise<Article | null>;
  /** A story of the page's own site, fetched and extracted the same way; null when it is not one. */
  story(url: string): Promise<Article | null>;
}

/**
 * Set by the reader on the content scripts' own global once it is set up; a new page (navigation,
 * reload) starts without it. Page scripts cannot reach that world.
 */
export const READER_INJECTED = Symbol.for('loa.reader');

/**
 * Injects the extraction script (it guards itself against running twice). activeTab grants the
 * permission when the user clicks the toolbar icon, presses a Loa shortcut or uses its menu.
 * Resolves to whether the tab's page already has the reader: the extraction script answers that
 * from the injection the popup makes anyway, so knowing costs no round trip of its own.
 */
export async function ensureContentScript(tabId: number): Promise<{ reader: boolean }> {
  const [injection] = await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] });
  return { reader: injection?.result === true };
}

/** Injects the extraction script and then the reader, which reads the article through it; each runs once. */
export async function ensureReader(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE, READER_SCRIPT_FILE] });
}
