/** Getting Loa's content script into a tab, and knowing in advance where browsers forbid it. */
import { browser } from 'wxt/browser';

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

export const CONTENT_SCRIPT_FILE = '/content-scripts/content.js';

/**
 * Injects the content script (it guards itself against running twice). activeTab grants the
 * permission when the user clicks the toolbar icon, presses a Loa shortcut or uses its menu.
 */
export async function ensureContentScript(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] });
}
