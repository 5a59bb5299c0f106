import createDOMPurify, { type WindowLike } from 'dompurify';

/**
 * Sanitizes extracted article HTML: page content is untrusted, and the popup and clips page may
 * render it. Scripts, handlers, forms, frames and styles go; text, structure, links and images stay.
 */
export function sanitizeHtml(html: string, window: WindowLike): string {
  const purify = createDOMPurify(window);
  return purify.sanitize(html, {
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed', 'svg', 'math'],
    FORBID_ATTR: ['style', 'class', 'id'],
    ALLOW_DATA_ATTR: false,
  });
}
