import { JSDOM, VirtualConsole } from 'jsdom';

/**
 * Parses a saved page into a Document in Node with jsdom, whose parse5 parser follows the HTML
 * standard, so the CLI sees the tree Chromium builds (happy-dom's parser lost the body of some
 * real pages). Scripts do not run and nothing is fetched: saved pages are untrusted.
 * Bytes are decoded as a browser would: BOM, then `<meta charset>`, then UTF-8.
 * `url` becomes the document's address so relative links resolve; without it the page's own
 * canonical link or og:url is used when it is a valid http(s) address.
 * Close the document's window (`doc.defaultView.close()`) when done: that frees it.
 */
export function parseHtml(html: string | Uint8Array, url?: string): Document {
  const address = url ?? declaredUrl(typeof html === 'string' ? html : latin1Head(html)) ?? 'about:blank';
  const dom = new JSDOM(typeof html === 'string' ? html : Buffer.from(html.buffer, html.byteOffset, html.byteLength), {
    url: address,
    contentType: 'text/html',
    // Page scripts' console noise and CSS parse errors are not the reader's business.
    virtualConsole: new VirtualConsole(),
  });
  return dom.window.document as unknown as Document;
}

/** Enough of a byte page's start, read as Latin-1, to find its canonical address. */
function latin1Head(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 200_000)).toString('latin1');
}

/** The page's canonical address, read before parsing so the document can be created at it. */
function declaredUrl(html: string): string | undefined {
  const head = html.slice(0, 200_000);
  const candidates = [
    /<link\b[^>]*\brel=["']?canonical["']?[^>]*>/i,
    /<meta\b[^>]*\bproperty=["']?og:url["']?[^>]*>/i,
  ];
  for (const pattern of candidates) {
    const tag = head.match(pattern)?.[0];
    const value = tag?.match(/\b(?:href|content)=["']([^"']+)["']/i)?.[1]?.replace(/&amp;/g, '&');
    // An address the page declares wrongly is ignored, not a reason to refuse the page.
    if (value && /^https?:\/\//i.test(value) && URL.canParse(value)) return value;
  }
  return undefined;
}
