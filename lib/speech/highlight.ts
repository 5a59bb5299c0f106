/**
 * Shows which sentence is being read, on the live page. Extraction ran on a clone, so a sentence
 * is found again by its text in the live page's text nodes, and painted with the CSS Custom
 * Highlight API: the page's DOM is never changed (sites' scripts and layouts stay intact).
 */

import { UNRENDERED_TAGS } from '../dom/tags';
import { CLUSTERS, foldClusterForMatching, foldForMatching } from '../text/fold';

/** A position in a text node. */
export interface TextPoint {
  node: Text;
  offset: number;
}

/** Form controls hold text the page does not show as prose. */
const SKIPPED: ReadonlySet<string> = new Set([...UNRENDERED_TAGS, 'TEXTAREA', 'SELECT']);

/** The folded text of everything under a root, and where each folded character came from. */
class TextIndex {
  readonly nodes: Text[] = [];
  private readonly data: string[] = [];
  text = '';
  /** Per folded character: its node, and the node offsets of the cluster it came from. */
  private nodeOf: number[] = [];
  private startOf: number[] = [];
  private endOf: number[] = [];

  constructor(readonly root: Node) {
    this.collect(root);
  }

  private collect(node: Node): void {
    if (node.nodeType === 3) {
      const text = node as Text;
      const n = this.nodes.length;
      this.nodes.push(text);
      this.data.push(text.data);
      let folded = '';
      for (const m of text.data.matchAll(CLUSTERS)) {
        const f = foldClusterForMatching(m[0]);
        const start = m.index ?? 0;
        for (let i = 0; i < f.length; i++) {
          this.nodeOf.push(n);
          this.startOf.push(start);
          this.endOf.push(start + m[0].length);
        }
        folded += f;
      }
      this.text += folded;
      return;
    }
    if (node.nodeType === 1 && SKIPPED.has((node as Element).tagName)) return;
    for (let child = node.firstChild; child; child = child.nextSibling) this.collect(child);
  }

  /** True when the page changed under the index (text edited or nodes removed). */
  stale(): boolean {
    return this.nodes.some((n, i) => !n.isConnected || n.data !== this.data[i]);
  }

  /** Index of the first folded character at or after a point; 0 when the point is not indexed. */
  indexOf(point: TextPoint): number {
    const n = this.nodes.indexOf(point.node);
    if (n < 0) return 0;
    for (let i = 0; i < this.text.length; i++) {
      const at = this.nodeOf[i] ?? 0;
      if (at > n || (at === n && (this.startOf[i] ?? 0) >= point.offset)) return i;
    }
    return this.text.length;
  }

  /** Folded-character span of `needle`, searched from `from` and then from the start. */
  find(needle: string, from: number): { start: number; end: number } | null {
    if (!needle) return null;
    const at = this.search(needle, from);
    if (at >= 0) return { start: at, end: at + needle.length };
    // The page's text differs somewhere in the middle (an inline ad, a footnote mark): accept
    // the sentence's beginning and its end close after it.
    const edge = Math.min(40, Math.floor(needle.length / 3));
    if (edge < 12) return null;
    const head = this.search(needle.slice(0, edge), from);
    if (head < 0) return null;
    const window = this.text.slice(head, head + Math.ceil(needle.length * 1.5));
    const tail = window.lastIndexOf(needle.slice(-edge));
    if (tail < edge) return null;
    return { start: head, end: head + tail + edge };
  }

  private search(needle: string, from: number): number {
    const at = this.text.indexOf(needle, from);
    return at >= 0 || from === 0 ? at : this.text.indexOf(needle);
  }

  range(span: { start: number; end: number }): Range | null {
    const first = this.nodes[this.nodeOf[span.start] ?? -1];
    const last = this.nodes[this.nodeOf[span.end - 1] ?? -1];
    const doc = this.root.ownerDocument ?? (this.root as Document);
    if (!first || !last) return null;
    const range = doc.createRange();
    range.setStart(first, this.startOf[span.start] ?? 0);
    range.setEnd(last, this.endOf[span.end - 1] ?? 0);
    return range;
  }
}

/**
 * The live-page range whose text is `needle`, ignoring white space, case, soft hyphens,
 * non-breaking spaces and Unicode normalization. Searches forward from `from` first (the end of
 * the previous sentence, so repeated phrases resolve in reading order), then from the start.
 */
export function findTextRange(root: Node, needle: string, from?: TextPoint | null): Range | null {
  const index = new TextIndex(root);
  const span = index.find(foldForMatching(needle), from ? index.indexOf(from) : 0);
  return span ? index.range(span) : null;
}

/**
 * The element that holds the article on the live page: the nearest common ancestor of its last
 * sentence and the closest copy of its first sentence before it (a teaser in the header may repeat
 * the first). Null when they are not found.
 */
export function findArticleContainer(root: Node, sentences: readonly string[]): Element | null {
  const index = new TextIndex(root);
  const first = foldForMatching(sentences[0] ?? '');
  const last = index.find(foldForMatching(sentences[sentences.length - 1] ?? ''), 0);
  if (!first || !last) return null;
  const start = index.text.lastIndexOf(first, last.start);
  if (start < 0) return null;
  let node: Node | null =
    index.range({ start, end: Math.max(last.end, start + first.length) })?.commonAncestorContainer ?? null;
  while (node && node.nodeType !== 1) node = node.parentNode;
  return node as Element | null;
}

/** `CSS.highlights` and the `Highlight` constructor, passed in so tests can stand in for them. */
export interface HighlightApi {
  registry: {
    set(name: string, highlight: unknown): unknown;
    get(name: string): unknown;
    delete(name: string): unknown;
  };
  create(range: Range): unknown;
}

/** The page's Custom Highlight API, or null where the browser lacks it. */
export function pageHighlightApi(): HighlightApi | null {
  if (typeof CSS === 'undefined' || !('highlights' in CSS) || typeof Highlight !== 'function') return null;
  return { registry: CSS.highlights, create: (range) => new Highlight(range) };
}

export const HIGHLIGHT_NAME = 'loa-reading';

/** The style for the highlight; a translucent mark keeps the page's own text colour readable. */
export const HIGHLIGHT_CSS = `::highlight(${HIGHLIGHT_NAME}) { background-color: rgb(255 213 79 / 0.6); }`;

/**
 * Adds `HIGHLIGHT_CSS` to the page as an adopted style sheet (no element is added), or as a
 * `<style>` in the head where adopting fails. Returns what removes it again.
 */
export function installHighlightStyle(doc: Document): () => void {
  const view = doc.defaultView;
  try {
    if (view && 'adoptedStyleSheets' in doc) {
      const sheet = new view.CSSStyleSheet();
      sheet.replaceSync(HIGHLIGHT_CSS);
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      return () => {
        doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
      };
    }
  } catch {
    // Firefox content scripts may not assign the page's adoptedStyleSheets: use an element.
  }
  const style = doc.createElement('style');
  style.textContent = HIGHLIGHT_CSS;
  (doc.head ?? doc.documentElement).append(style);
  return () => style.remove();
}

export interface SentenceHighlighterOptions {
  /** Usually `document.body`. */
  root: Node;
  /** Searched first: the article's element (see `findArticleContainer`). */
  container?: Node | null;
  /** Defaults to `pageHighlightApi()`; null means scrolling only. */
  api?: HighlightApi | null;
  /** Scroll the sentence into view when it is off screen. Defaults to true. */
  follow?: boolean;
}

/** How long a flashed sentence (a key figure's, shown from the popup) stays highlighted. */
export const FLASH_MS = 2500;

/** Highlights one sentence at a time, in reading order. */
export class SentenceHighlighter {
  private readonly root: Node;
  private readonly container: Node | null;
  private readonly api: HighlightApi | null;
  private follow: boolean;
  private indexes = new Map<Node, TextIndex>();
  private last: { index: TextIndex; end: number } | null = null;

  constructor(options: SentenceHighlighterOptions) {
    this.root = options.root;
    this.container = options.container ?? null;
    this.api = options.api === undefined ? pageHighlightApi() : options.api;
    this.follow = options.follow ?? true;
  }

  /** Highlights `text` on the page and returns its range, or null when it is not on the page. */
  show(text: string): Range | null {
    const needle = foldForMatching(text);
    const range = this.locate(needle);
    if (!range) {
      this.clear();
      return null;
    }
    if (this.api) this.api.registry.set(HIGHLIGHT_NAME, this.api.create(range));
    if (this.follow || !this.api) scrollIntoViewIfNeeded(range);
    return range;
  }

  /**
   * Shows `text` for `ms`, then clears it unless another highlight (the reader's) replaced it
   * meanwhile. False when the text is not on the page.
   */
  flash(text: string, ms = FLASH_MS): boolean {
    const range = this.show(text);
    const api = this.api;
    if (!range || !api) return range !== null;
    const flashed = api.registry.get(HIGHLIGHT_NAME);
    setTimeout(() => {
      if (api.registry.get(HIGHLIGHT_NAME) === flashed) api.registry.delete(HIGHLIGHT_NAME);
    }, ms);
    return true;
  }

  /** Whether the next sentences scroll into view: off while the reader scrolls the page themself. */
  setFollow(follow: boolean): void {
    this.follow = follow;
  }

  /** Removes the highlight (reading stopped). The next sentence is searched from the start. */
  clear(): void {
    this.api?.registry.delete(HIGHLIGHT_NAME);
  }

  /** Forgets the reading position and the cached page text (a new article, or the page changed). */
  reset(): void {
    this.clear();
    this.indexes.clear();
    this.last = null;
  }

  private locate(needle: string): Range | null {
    const roots = this.container && this.container !== this.root ? [this.container, this.root] : [this.root];
    for (const root of roots) {
      // A miss in the cached text is tried once more on fresh text: pages load content late.
      for (const fresh of [false, true]) {
        const index = this.index(root, fresh);
        const from = this.last?.index === index ? this.last.end : 0;
        const span = index.find(needle, from);
        if (span) {
          this.last = { index, end: span.end };
          return index.range(span);
        }
      }
    }
    return null;
  }

  private index(root: Node, fresh: boolean): TextIndex {
    let index = this.indexes.get(root);
    if (!index || fresh || index.stale()) {
      index = new TextIndex(root);
      this.indexes.set(root, index);
    }
    return index;
  }
}

function scrollIntoViewIfNeeded(range: Range): void {
  const element = range.startContainer.parentElement;
  const view = element?.ownerDocument.defaultView;
  if (!element || !view) return;
  const rect = range.getBoundingClientRect();
  const visible = rect.height > 0 && rect.top >= 0 && rect.bottom <= view.innerHeight;
  if (!visible) element.scrollIntoView({ block: 'center', behavior: 'smooth' });
}
