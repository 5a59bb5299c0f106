import { hostWithoutWww, isTrackingParameter } from '../address';
import { DOWNLOAD_PATH, LISTING_PATH } from './patterns';

/** An id or a date in an address. */
const NUMBERED = /\d{4,}/;

/** What every link test needs to know about the page. */
export interface PageContext {
  /** Base for relative links: the page's `<base href>` when it has one, else the page URL. */
  base: string;
  /** The page itself, without query and fragment, so that self-links are ignored. */
  self: string;
  /** The page's host without "www.". */
  host: string;
  /** Whether the page's own address carries an id or date (a run of 4+ digits). */
  numbered: boolean;
}

export function pageContext(doc: Document, pageUrl: string): PageContext {
  const page = safeUrl(pageUrl) ?? safeUrl(doc.URL) ?? new URL('about:blank');
  let baseHref: string | null = null;
  for (let el = doc.head?.firstElementChild; el && !baseHref; el = el.nextElementSibling) {
    if (el.tagName === 'BASE') baseHref = el.getAttribute('href');
  }
  const base = (baseHref && safeUrl(baseHref, page.href)?.href) || page.href;
  return {
    base,
    self: `${page.protocol}//${page.host}${page.pathname}`.replace(/\/+$/, ''),
    host: hostWithoutWww(page.hostname),
    numbered: NUMBERED.test(page.pathname + page.search),
  };
}

/** Where a story link points. */
export interface StoryTarget {
  /** Absolute URL without its fragment. */
  url: string;
  /** What two links to the same story share: no fragment, no tracking parameters, no trailing slash. */
  key: string;
  /** Path and query, for `looksLikeStoryPath`. */
  path: string;
  search: string;
}

/**
 * The target of a link when it can be a story of this site: http(s), same site (a subdomain
 * counts: video.example.vn is example.vn), not this page, not the home page, not a file download,
 * not a tag/author/search listing. Null for anything else.
 */
export function storyTarget(href: string, ctx: PageContext): StoryTarget | null {
  if (!href || href.startsWith('#') || /^\s*(?:javascript|mailto|tel|data):/i.test(href)) return null;
  const url = safeUrl(href.trim(), ctx.base);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return null;
  const host = hostWithoutWww(url.hostname);
  if (!sameSite(host, ctx.host)) return null;
  const path = url.pathname;
  if (path === '/' || path === '' || DOWNLOAD_PATH.test(path) || LISTING_PATH.test(path)) return null;
  const base = `${url.protocol}//${url.host}${path}`;
  if (base.replace(/\/+$/, '') === ctx.self) return null;
  const search = url.search
    .slice(1)
    .split('&')
    .filter((pair) => pair && !isTrackingPair(pair))
    .join('&');
  return {
    url: `${base}${url.search}`,
    key: `${host}${path.replace(/\/+$/, '')}${search ? `?${search}` : ''}`,
    path,
    search: url.search,
  };
}

/** In a story link, "ref" and "source" also only say which box was clicked, not which story opens. */
const CLICK_SOURCE = /^(?:ref|source)$/i;

function isTrackingPair(pair: string): boolean {
  const name = pair.split('=', 1)[0] ?? '';
  return pair.includes('=') && (isTrackingParameter(name) || CLICK_SOURCE.test(name));
}

/**
 * Whether an address looks like one story rather than a section or topic page. Stories of a site
 * share the shape of the page's own address: when it carries an id or a date (a run of 4+ digits,
 * as on every Vietnamese news site: "-102260228093004191.htm", "-post976641.html"), so must they.
 * Otherwise the last segment must be a slug of at least three words. Section pages
 * ("/kinh-te.htm", "/themen/wald/wald_node.html", "/jagd/afrikanische-schweinepest/") fail.
 */
export function looksLikeStoryPath(path: string, search: string, ctx: PageContext): boolean {
  const segments = path.split('/').filter(Boolean);
  const last = (segments[segments.length - 1] ?? '').replace(/\.[a-z0-9]{2,5}$/i, '');
  if (/(?:^|[-_])(?:node|index|start|home|overview|uebersicht|übersicht)$/i.test(last)) return false;
  if (NUMBERED.test(path + search)) return true;
  return !ctx.numbered && last.split(/[-_+]+/).filter((w) => /\p{L}/u.test(w)).length >= 3;
}

function safeUrl(href: string, base?: string): URL | null {
  try {
    return new URL(href, base);
  } catch {
    return null;
  }
}

function sameSite(a: string, b: string): boolean {
  return a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`);
}
