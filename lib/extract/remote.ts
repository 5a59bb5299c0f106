import type { Article } from '../article';
import { extractArticle } from './index';

/** One slow story must not keep "listen to these next" waiting forever. */
const FETCH_TIMEOUT_MS = 15_000;

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
  const response = await fetcher(url, { credentials: 'omit', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  if (!response.ok || !/html/i.test(response.headers.get('content-type') ?? 'text/html')) return null;
  const result = extractArticle(parse(await response.text(), url), { url });
  return result.ok ? result.article : null;
}
