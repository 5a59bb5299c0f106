import createDOMPurify, { type WindowLike } from 'dompurify';

/** What must never survive sanitizing, checked again on the output. */
const ACTIVE_CONTENT =
  /<\s*(script|iframe|object|embed|style|form|base|meta|link)\b|\son[a-z]+\s*=|(href|src|action)\s*=\s*["']?\s*(javascript|vbscript|data:text\/html)/i;

/**
 * Sanitizes extracted article HTML: page content is untrusted, and Loa's pages may render it.
 * Scripts, handlers, forms, frames and styles go; text, structure, links and images stay.
 * Fails closed: DOMPurify is only as good as the DOM under it (happy-dom in Node lets a
 * <script> through), so output that still holds active content is dropped, never returned.
 */
export function sanitizeHtml(html: string, window: WindowLike): string {
  const purify = createDOMPurify(window);
  if (!purify.isSupported) return '';
  const clean = purify.sanitize(html, {
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed', 'svg', 'math'],
    FORBID_ATTR: ['style', 'class', 'id'],
    ALLOW_DATA_ATTR: false,
  });
  return ACTIVE_CONTENT.test(clean) ? '' : clean;
}
