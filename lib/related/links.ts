import { DOWNLOAD_PATH, LISTING_PATH } from './patterns';

/** What every link test needs to know about the page. */
export interface PageContext {
  /** Base for relative links: the page's `<base href>` when it has one, else the page URL. */
  base: string;
  /** The page itself, without query and fragment, so that self-links are ignored. */
  self: string;
  /** The page's host without "www.". */
  host: string;
}

export function pageContext(doc: Document, pageUrl: string): PageContext {
  const page = safeUrl(pageUrl) ?? safeUrl(doc.URL) ?? new URL('about:blank');
  const baseHref = doc.querySelector('base[href]')?.getAttribute('href');
  const base = (baseHref && safeUrl(baseHref, page.href)?.href) || page.href;
  return { base, self: withoutQuery(page.href), host: bareHost(page.hostname) };
}

/**
 * The absolute address of a link when it can be a story of this site: http(s), same site (a
 * subdomain counts: video.example.vn is example.vn), not this page, not the home page, not a file
 * download, not a tag/author/search listing. Returns the URL without its fragment, or null.
 */
export function storyUrl(link: Element, ctx: PageContext): string | null {
  const href = link.getAttribute('href');
  if (!href || href.startsWith('#') || /^\s*(?:javascript|mailto|tel|data):/i.test(href)) return null;
  const url = safeUrl(href.trim(), ctx.base);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return null;
  if (!sameSite(bareHost(url.hostname), ctx.host)) return null;
  url.hash = '';
  if (withoutQuery(url.href) === ctx.self) return null;
  if (url.pathname === '/' || url.pathname === '') return null;
  if (DOWNLOAD_PATH.test(url.pathname) || LISTING_PATH.test(url.pathname)) return null;
  return url.href;
}

/**
 * The key two links to the same story share: no fragment, no tracking parameters, no trailing
 * slash, case-insensitive host.
 */
export function storyKey(url: string): string {
  const parsed = safeUrl(url);
  if (!parsed) return url;
  for (const name of Array.from(parsed.searchParams.keys())) {
    if (/^(?:utm_|fbclid$|gclid$|ref$|source$)/i.test(name)) parsed.searchParams.delete(name);
  }
  parsed.hash = '';
  return `${bareHost(parsed.hostname)}${parsed.pathname.replace(/\/+$/, '')}${parsed.search}`;
}

/**
 * Whether a path looks like one story rather than a section or topic page: it carries an id or a
 * date (a run of 4+ digits), or its last segment is a slug of at least three words. Section
 * pages ("/kinh-te.htm", "/themen/wald/wald_node.html", "/jagd/afrikanische-schweinepest/")
 * fail this test.
 */
export function looksLikeStoryPath(url: string): boolean {
  const parsed = safeUrl(url);
  if (!parsed) return false;
  const segments = parsed.pathname.split('/').filter(Boolean);
  const last = (segments[segments.length - 1] ?? '').replace(/\.[a-z0-9]{2,5}$/i, '');
  if (/(?:^|[-_])(?:node|index|start|home|overview|uebersicht|übersicht)$/i.test(last)) return false;
  if (/\d{4,}/.test(parsed.pathname + parsed.search)) return true;
  return last.split(/[-_+]+/).filter((w) => /\p{L}/u.test(w)).length >= 3;
}

function safeUrl(href: string, base?: string): URL | null {
  try {
    return new URL(href, base);
  } catch {
    return null;
  }
}

function withoutQuery(href: string): string {
  return href.replace(/[?#].*$/, '').replace(/\/+$/, '');
}

function bareHost(hostname: string): string {
  return hostname.toLowerCase().replace(/^www\d?\./, '');
}

function sameSite(a: string, b: string): boolean {
  return a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`);
}
