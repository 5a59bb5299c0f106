import type { ArticlePage } from '../article';
import { extractPage } from './index';

export interface FetchLimits {
  /** One slow story must not keep "listen to these next" waiting forever. */
  timeoutMs: number;
  /** A news page is well under this; anything bigger is not a story to read aloud. */
  maxBytes: number;
}

export const FETCH_LIMITS: FetchLimits = { timeoutMs: 15_000, maxBytes: 5 * 1024 * 1024 };

/**
 * True when `url` is an http(s) address, without userinfo, of the page's own registrable domain
 * (`sameSiteUrl` in `lib/url.ts`). Asynchronous because in the extension the background decides:
 * the Public Suffix List stays out of the content script.
 */
export type SameSitePredicate = (url: string) => Promise<boolean>;

/**
 * Fetches a story and extracts what its page gives, with the same rules as the page the user is on
 * (figures and summary are added where the page's own are: `completeArticle`). `parse` is
 * DOMParser in the browser, the CLI's parser in Node. Only stories `isSameSite` accepts are
 * fetched, and a redirect that ends where it does not is dropped: a content script's requests are
 * the page's, and other sites' stories would need their permission.
 */
export async function fetchStoryPage(
  url: string,
  isSameSite: SameSitePredicate,
  parse: (html: string, url: string) => Document,
  fetcher: typeof fetch = fetch,
  limits: FetchLimits = FETCH_LIMITS,
): Promise<ArticlePage | null> {
  if (!(await isSameSite(url))) return null;
  const signal = AbortSignal.timeout(limits.timeoutMs);
  const response = await fetcher(url, { credentials: 'omit', signal });
  // A synthetic response may have no url; then no redirect was followed.
  const finalUrl = response.url || url;
  if (!response.ok || !(await isSameSite(finalUrl))) return null;
  if (!/html/i.test(response.headers.get('content-type') ?? 'text/html')) return null;
  const html = await readCapped(response, limits.maxBytes);
  if (html === null) return null;
  const result = extractPage(parse(html, finalUrl), { url: finalUrl });
  return result.ok ? result.page : null;
}

/** The body as text, or null once it grows past `maxBytes` (the rest is never downloaded). */
async function readCapped(response: Response, maxBytes: number): Promise<string | null> {
  if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
    await response.body?.cancel();
    return null;
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    text += decoder.decode(value, { stream: true });
  }
}
