/**
 * Web addresses as the page, the clips and the related stories compare them. Pure string and URL
 * work, safe for the content script; the Public Suffix List lives in `lib/url.ts` (background only).
 */

/** Query parameters that campaign links and share buttons append; they never change which page is shown. */
const TRACKING_PARAMETER =
  /^(?:utm_[a-z]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|yclid|zarsrc|_ga|_gl|ref_src)$/i;

export function isTrackingParameter(name: string): boolean {
  return TRACKING_PARAMETER.test(name);
}

/** A host name without its "www." ("www.chinhphu.vn" → "chinhphu.vn"): sites serve both. */
export function hostWithoutWww(hostname: string): string {
  return hostname.toLowerCase().replace(/^www\./, '');
}
