/**
 * Text helpers for related-story detection. Standard DOM only (no innerText, no layout), so the
 * same code runs in the browser and in happy-dom.
 */

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Elements whose text a reader never sees. */
const INVISIBLE_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TITLE', 'svg', 'SVG']);

const INLINE_TAGS = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'CODE', 'DATA', 'DFN', 'EM', 'FONT', 'I', 'KBD', 'MARK', 'Q',
  'S', 'SAMP', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR', 'WBR',
]);

/**
 * Screen-reader-only spans ("Interner Link", "(Thema: …)", "Datei ist barrierefrei"): part of a
 * link's accessible name but not of the title a reader sees.
 */
const SCREEN_READER_ONLY = /(?:^|\s)(?:sr-only|visually-hidden|visuallyhidden|screen-reader-text|aural|show-for-sr|element-invisible|hidden)(?:\s|$)/i;

/** NFC, no soft hyphens, white space collapsed and trimmed: text as a reader compares it. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(/\u00AD/g, '').replace(/\s+/g, ' ').trim();
}

/**
 * The visible text of an element (scripts and styles skipped). With `readerOnly`, screen-reader
 * spans are skipped too, which is what a story title should be.
 */
export function textOf(node: Node, readerOnly = false): string {
  const parts: string[] = [];
  collect(node, parts, readerOnly);
  return normalizeText(parts.join(''));
}

function collect(node: Node, parts: string[], readerOnly: boolean): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === TEXT_NODE) {
      parts.push(child.nodeValue ?? '');
    } else if (child.nodeType === ELEMENT_NODE) {
      const el = child as Element;
      if (INVISIBLE_TAGS.has(el.tagName)) continue;
      if (readerOnly && SCREEN_READER_ONLY.test(el.getAttribute('class') ?? '')) continue;
      // Block boundaries separate words ("<div>Related</div><div>Title</div>"); inline ones do
      // not ("Deutsch<span>land</span>").
      const gap = INLINE_TAGS.has(el.tagName) ? '' : ' ';
      parts.push(gap);
      collect(el, parts, readerOnly);
      parts.push(gap);
    }
  }
}

/** Number of words, counting Vietnamese syllables as words (they are written apart). */
export function wordCount(text: string): number {
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu);
  return words ? words.length : 0;
}

/** Lower-cased text with surrounding punctuation and symbols removed, for heading matching. */
export function headingKey(text: string): string {
  return normalizeText(text)
    .toLowerCase()
    .replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '');
}
