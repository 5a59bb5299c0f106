import { Window } from 'happy-dom';

/**
 * Parses an HTML string into a happy-dom Document in Node, with scripts, styles and frames
 * disabled: saved pages are untrusted and must not run or fetch anything.
 * `url` becomes the document's address so relative links resolve; without it the page's own
 * canonical link or og:url is used.
 */
export function parseHtml(html: string, url?: string): Document {
  const address = url ?? declaredUrl(html) ?? 'about:blank';
  const window = new Window({
    url: address,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
        disableFallbackToSetURL: true,
      },
    },
  });
  window.document.write(html);
  return window.document as unknown as Document;
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
    const value = tag?.match(/\b(?:href|content)=["']([^"']+)["']/i)?.[1];
    if (value && /^https?:\/\//i.test(value)) return value.replace(/&amp;/g, '&');
  }
  return undefined;
}
