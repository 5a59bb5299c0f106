import { JSDOM, VirtualConsole } from 'jsdom';
import { parseHTML } from 'linkedom';
import { boundedClone, MAX_DEPTH } from '../lib/extract/clone';

/**
 * Parses a saved page into a Document in Node with jsdom, whose parse5 parser follows the HTML
 * standard, so the CLI sees the tree Chromium builds (happy-dom's parser lost the body of some
 * real pages). Scripts do not run and nothing is fetched: saved pages are untrusted.
 * `url` becomes the document's address so relative links resolve; without it the page's own
 * canonical link or og:url is used when it is a valid http(s) address.
 * Close it with `closeDocument` when done: that frees it.
 */
export function parseHtml(html: string, url?: string): Document {
  const address = url ?? declaredUrl(html) ?? 'about:blank';
  const dom = new JSDOM(tagDepth(html) > MAX_DEPTH ? boundedMarkup(html) : html, {
    url: address,
    contentType: 'text/html',
    // Page scripts' console noise and CSS parse errors are not the reader's business.
    virtualConsole: new VirtualConsole(),
  });
  return dom.window.document as unknown as Document;
}

/**
 * jsdom's tree building walks every ancestor on each insertion, so a page nested 10,000 deep
 * takes 20 s to parse (quadratic in depth) where Chromium caps its tree at MAX_DEPTH. Such a page
 * is first read by linkedom's linear parser and cut to the depth the extractor keeps anyway
 * (`boundedClone`), then handed to jsdom as that bounded markup.
 */
function boundedMarkup(html: string): string {
  const { document } = parseHTML(html);
  const bounded = boundedClone(document as unknown as Document);
  return `<!DOCTYPE html>${bounded.documentElement.outerHTML}`;
}

/** Elements whose end tag may be left out (and void ones): they do not nest by being unclosed. */
const UNNESTED_TAGS = new Set(
  'area base br col embed hr img input link meta param source track wbr p li dt dd tr td th option optgroup tbody thead tfoot colgroup rb rt rtc rp html head body'.split(
    ' ',
  ),
);

/** An estimate of the deepest element nesting, from tags alone (a cheap linear scan, no tree). */
export function tagDepth(html: string): number {
  let depth = 0;
  let deepest = 0;
  for (const match of html.matchAll(/<(\/?)([a-zA-Z][^\s/>]*)[^>]*?(\/?)>/g)) {
    const [, closing, name = '', selfClosing] = match;
    if (selfClosing || UNNESTED_TAGS.has(name.toLowerCase())) continue;
    depth = closing ? Math.max(0, depth - 1) : depth + 1;
    if (depth > deepest) deepest = depth;
  }
  return deepest;
}

/**
 * Frees a parsed page's window. jsdom empties the body recursively on close, which overflows the
 * stack on a page nested thousands deep; the window then holds no timers or listeners (scripts
 * never ran), so the half-closed window is left to the garbage collector and the page's answer stands.
 */
export function closeDocument(doc: Document): void {
  try {
    doc.defaultView?.close();
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
  }
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
