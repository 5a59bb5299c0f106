/**
 * Which addresses belong to the same site as the page: the one place that decides what Loa may fetch.
 * It carries the Public Suffix List (~140 KB), so only the background imports it; the content script
 * asks with a `same-site` message (see `lib/messages.ts`).
 */
import { getDomain } from 'tldts';

/**
 * The site an address belongs to: its registrable domain by the Public Suffix List, private
 * suffixes included (two blogs on one hosting suffix are two sites). An IP address or a host that
 * is itself a public suffix has no registrable domain: it is a site of its own, host for host.
 */
function siteOf(url: URL): string {
  return getDomain(url.hostname, { allowPrivateDomains: true }) ?? url.hostname;
}

/**
 * `candidate` as a URL when it is an http(s) address of the page's own site, else null. Userinfo
 * is refused: "https://gov.vn@other.example/" reads like the page's site and is not.
 */
export function sameSiteUrl(candidate: string, pageUrl: string): URL | null {
  let url: URL;
  let page: URL;
  try {
    url = new URL(candidate);
    page = new URL(pageUrl);
  } catch {
    return null;
  }
  const web = (u: URL) => u.protocol === 'http:' || u.protocol === 'https:';
  if (!web(url) || !web(page) || url.username !== '' || url.password !== '') return null;
  return siteOf(url) === siteOf(page) ? url : null;
}

/**
 * The background's answer to a `same-site` request, one verdict per candidate. The request crossed a
 * message boundary, so anything that is not a string is no address of the page's site.
 */
export function sameSiteVerdicts(candidates: readonly unknown[], pageUrl: unknown): boolean[] {
  return candidates.map(
    (candidate) =>
      typeof candidate === 'string' && typeof pageUrl === 'string' && sameSiteUrl(candidate, pageUrl) !== null,
  );
}
