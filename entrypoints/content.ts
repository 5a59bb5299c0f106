import type { ExtractResult } from '@/lib/article';
import { extractArticle } from '@/lib/extract';
import { onContentRequest } from '@/lib/messages';

/**
 * Injected on demand (activeTab + scripting, never declared for all sites). Owns the page's
 * article: extracts it once per page state and answers the popup and the background.
 */
export default defineContentScript({
  matches: [],
  registration: 'runtime',
  main() {
    const marker = globalThis as { __loaContentScript?: boolean };
    if (marker.__loaContentScript) return;
    marker.__loaContentScript = true;

    let cache: { key: string; result: ExtractResult } | null = null;
    // Single-page sites swap articles without a reload: the address and the body size tell.
    const pageKey = () => `${location.href}|${document.body?.childElementCount ?? 0}|${document.body?.textContent?.length ?? 0}`;
    const article = (): ExtractResult => {
      const key = pageKey();
      if (cache?.key !== key) cache = { key, result: extractArticle(document, { url: location.href }) };
      return cache.result;
    };

    onContentRequest({
      extract: () => article(),
      selection: () => window.getSelection()?.toString() ?? '',
      reveal: () => false,
    });
  },
});
