import type { ExtractResult } from '../lib/article';
import { extractParsed, type Explain } from '../lib/extract';
import { parseSpecTree } from './spec-tree';

/**
 * Parses a saved page into a Document in Node as Chromium parses it in a tab: the HTML standard's
 * tree construction (parse5) with scripting on, nesting capped at Chromium's depth, built into
 * linkedom nodes (`parseSpecTree`). Scripts do not run and nothing is fetched: saved pages are
 * untrusted. `url` becomes the document's address so relative links resolve; without it the
 * page's own canonical link or og:url is used when it is a valid http(s) address.
 */
export function parseHtml(html: string, url?: string): Document {
  return parseSpecTree(html, url ?? declaredUrl(html) ?? 'about:blank');
}

/**
 * What `npm run extract` does with a page: parses it and extracts its article from the parsed
 * document itself, parsing it again only for a second attempt that needs the untouched page
 * (`extractParsed`). Without `url`, the page's own address.
 */
export function extractHtml(html: string, options: { url?: string; explain?: Explain } = {}): ExtractResult {
  return extractParsed(() => parseHtml(html, options.url), { ...options, parseHtml });
}

/**
 * A saved page's bytes as text, decoded the way a browser picks the encoding: a byte order mark,
 * then a `<meta charset>` (or http-equiv) in the first 1024 bytes, then UTF-8 (what pages are saved
 * in today; undecodable bytes become U+FFFD, which the extractor reads as a garbled page).
 */
export function decodeHtml(bytes: Uint8Array): string {
  const encoding = byteOrderMark(bytes) ?? declaredCharset(bytes) ?? 'utf-8';
  try {
    return new TextDecoder(encoding).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function byteOrderMark(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/**
 * Where a browser looks for `<meta charset>`: the first 1024 bytes, then (its parser meeting the
 * tag later in <head> and reparsing) the rest of the head — web archives put their own scripts
 * and styles in front of the page's meta.
 */
const PRESCAN_BYTES = 1024;
const HEAD_SCAN_BYTES = 65_536;

function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, HEAD_SCAN_BYTES));
  const headEnd = head.search(/<\/head\s*>|<body[\s>]/i);
  const label = [head.slice(0, PRESCAN_BYTES), head.slice(0, headEnd < 0 ? head.length : headEnd)]
    .map((part) => part.match(/<meta\b[^>]*\bcharset\s*=\s*["']?\s*([\w.:-]+)/i)?.[1]?.toLowerCase())
    .find(Boolean);
  // A page that says UTF-16 in ASCII bytes is not UTF-16 (the standard reads it as UTF-8).
  return label && !label.startsWith('utf-16') ? label : undefined;
}

/** The page's canonical address, read before parsing so the document can be created at it. */
function declaredUrl(html: string): string | undefined {
  const head = html.slice(0, 200_000);
  const candidates = [/<link\b[^>]*\brel=["']?canonical["']?[^>]*>/i, /<meta\b[^>]*\bproperty=["']?og:url["']?[^>]*>/i];
  for (const pattern of candidates) {
    const tag = head.match(pattern)?.[0];
    const value = tag?.match(/\b(?:href|content)=["']([^"']+)["']/i)?.[1]?.replace(/&amp;/g, '&');
    // An address the page declares wrongly is ignored, not a reason to refuse the page.
    if (value && /^https?:\/\//i.test(value) && URL.canParse(value)) return value;
  }
  return undefined;
}
