/** URL handling for clips: what is stored, what identifies "the same article", and the site name. */

import { hostWithoutWww, isTrackingParameter } from '../address';

/** The URL to store: parsed, without the fragment and tracking parameters; null unless http(s). */
export function cleanUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  for (const name of [...url.searchParams.keys()]) {
    if (isTrackingParameter(name)) url.searchParams.delete(name);
  }
  // URLSearchParams re-serialises an emptied query as "?"; drop it so the URL matches the page's.
  if (url.searchParams.size === 0) url.search = '';
  return url.href;
}

/**
 * What makes two URLs the same article: scheme, "www." and a trailing slash are dropped (sites
 * redirect between those variants) and the query is sorted. Expects a `cleanUrl` result.
 */
export function urlIdentity(clean: string): string {
  const url = new URL(clean);
  url.searchParams.sort();
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : '';
  const query = url.searchParams.size > 0 ? `?${url.searchParams.toString()}` : '';
  return `${siteOf(clean)}${url.port ? `:${url.port}` : ''}${path}${query}`;
}

/** The site a clip is filed under: the host name without "www.". */
export function siteOf(clean: string): string {
  return hostWithoutWww(new URL(clean).hostname);
}
