import type { Article } from '../article';
import { extractArticle } from './index';

/**
 * Fetches a story and extracts it with the same rules as the page the user is on. `parse` is
 * DOMParser in the browser, happy-dom in Node. Only the page's own site is fetched: a content
 * script's requests are the page's, and other sites' stories would need their permission.
 */
export async function fetchArticle(
  url: string,
  pageOrigin: string,
  parse: (html: string, url: string) => Document,
  fetcher: typeof fetch = fetch,
): Promise<Article | null> {
  if (new URL(url).origin !== pageOrigin) return null;
  const response = await fetcher(url, { credentials: 'omit' });
  if (!response.ok || !/html/i.test(response.headers.get('content-type') ?? 'text/html')) return null;
  const result = extractArticle(parse(await response.text(), url), { url });
  return result.ok ? result.article : null;
}
