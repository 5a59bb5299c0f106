/**
 * Collapsed texts of every element under a root, capped: what the furniture rules judge. Built
 * bottom-up in one walk of the DOM, each element's text from its children's.
 */
const INLINE = /^(A|STRONG|EM|B|I|SMALL|SPAN|ABBR|CODE|MARK|U|S|SUB|SUP)$/;
/** Furniture is short; longer texts are only counted, never kept, so measuring stays linear. */
const SHORT_TEXT_CAP = 512;

interface Measured {
  /** The collapsed text with white space folded but not trimmed, or null beyond SHORT_TEXT_CAP. */
  folded: string | null;
  /** Non-white-space characters: a lower bound of the collapsed length that is always known. */
  solid: number;
}

/**
 * Collapsed texts of every element under a root: each element's text is built from its children's
 * (capped), instead of reading `textContent` once per element, which is quadratic on deep or wide
 * pages and overflows nothing on 10,000 nested divs.
 */
export class TextMeasures {
  constructor(private readonly measured: Map<Element, Measured>) {}

  /** The collapsed text of a short element, or null for a long one (or one added since). */
  short(element: Element): string | null {
    const folded = this.measured.get(element)?.folded;
    return folded == null ? null : folded.trim();
  }

  isShorterThan(element: Element, length: number): boolean {
    const folded = this.measured.get(element)?.folded;
    return folded != null && trimmedLength(folded) < length;
  }

  /**
   * An inline element with text around it is part of a sentence ("trên <a>Facebook</a>",
   * "<span>Messenger</span>dienst <span>Telegram</span>"), never a widget, whatever its own text.
   */
  isInSentence(element: Element): boolean {
    if (!INLINE.test(element.tagName)) return false;
    const parent = element.parentElement;
    const own = this.measured.get(element);
    const around = parent ? this.measured.get(parent) : undefined;
    if (!own || !around) return false;
    if (own.folded !== null && around.folded !== null) return trimmedLength(around.folded) > trimmedLength(own.folded);
    return around.solid > own.solid;
  }

  /**
   * After removals, measures again the elements that lost children and their ancestors up to
   * `root`, deepest first, each from its children as they are now; the rest of the page is unchanged.
   */
  remeasure(emptied: Element[], root: Element): void {
    const depths = new Map<Element, number>();
    for (const element of emptied) {
      const path: Element[] = [];
      for (let at: Element | null = element; at; at = at === root ? null : at.parentElement) path.push(at);
      path.forEach((at, index) => depths.set(at, path.length - 1 - index));
    }
    const ordered = [...depths.keys()].sort((a, b) => depths.get(b)! - depths.get(a)!);
    for (const element of ordered) {
      const text = emptyMeasure();
      for (let child = element.firstChild; child; child = child.nextSibling) {
        if (child.nodeType === 1 /* ELEMENT_NODE */) addMeasure(text, this.measured.get(child as Element));
        else addText(text, child);
      }
      this.measured.set(element, text);
    }
  }
}

const fold = (text: string) => text.replace(/[\u00ad\u200b]/g, '').replace(/[\s\u00a0]+/g, ' ');

/**
 * `folded.trim().length` without trimming: a folded text's only white space is single spaces, so
 * at most one at each end. Trimming a text built by concatenation would copy it first.
 */
function trimmedLength(folded: string): number {
  let start = 0;
  let end = folded.length;
  if (end > 0 && folded.charCodeAt(0) === 0x20) start = 1;
  if (end > start && folded.charCodeAt(end - 1) === 0x20) end -= 1;
  return end - start;
}

/** What `\s` matches (ECMAScript's WhiteSpace and LineTerminator), as character codes. */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * Characters other than white space, soft hyphens and zero-width spaces, counted in one pass
 * over the text (a regex replace copied every text node); whether there is any white space; and
 * whether `fold` would change the text (most text nodes inside a paragraph are folded already).
 */
function measureChars(text: string): { solid: number; spaced: boolean; folded: boolean } {
  let solid = 0;
  let spaced = false;
  let folded = true;
  let previousSpace = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) {
      if (previousSpace || code !== 0x20) folded = false;
      spaced = previousSpace = true;
    } else {
      previousSpace = false;
      if (code !== 0xad && code !== 0x200b) solid++;
      else folded = false;
    }
  }
  return { solid, spaced, folded };
}

const emptyMeasure = (): Measured => ({ folded: '', solid: 0 });

/**
 * Both sides are folded already, so folding their concatenation only merges the spaces where they
 * meet: done by hand, instead of a regex pass over up to SHORT_TEXT_CAP characters per element.
 */
function join(a: string | null, b: string | null): string | null {
  if (a === null || b === null) return null;
  const joined = a.endsWith(' ') && b.startsWith(' ') ? a + b.slice(1) : a + b;
  return joined.length > SHORT_TEXT_CAP + 2 ? null : joined;
}

/** Adds a child element's measure to its parent's. */
function addMeasure(into: Measured, child: Measured | undefined): void {
  if (!child) return;
  into.folded = join(into.folded, child.folded);
  into.solid += child.solid;
}

/** Adds a child node that is not an element: text counts, comments and the like do not. */
function addText(into: Measured, node: Node): void {
  if (node.nodeType !== 3 /* TEXT_NODE */ && node.nodeType !== 4 /* CDATA_SECTION_NODE */) return;
  const value = node.nodeValue ?? '';
  const { solid, spaced, folded } = measureChars(value);
  into.solid += solid;
  if (value.length > 4 * SHORT_TEXT_CAP && solid > SHORT_TEXT_CAP) into.folded = null;
  // Most text nodes between elements are white space only, which folds to one space (or nothing).
  else if (solid === 0) into.folded = join(into.folded, spaced ? ' ' : '');
  else into.folded = join(into.folded, folded ? value : fold(value));
}

/** Measures every element under `root`, in one iterative walk of the DOM. */
export function measureTexts(root: Element): TextMeasures {
  const measured = new Map<Element, Measured>();
  const stack: { element: Element; next: Node | null; text: Measured }[] = [
    { element: root, next: root.firstChild, text: emptyMeasure() },
  ];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const node = top.next;
    if (node === null) {
      stack.pop();
      measured.set(top.element, top.text);
      const parent = stack[stack.length - 1];
      if (parent) addMeasure(parent.text, top.text);
      continue;
    }
    top.next = node.nextSibling;
    if (node.nodeType === 1 /* ELEMENT_NODE */) {
      stack.push({ element: node as Element, next: node.firstChild, text: emptyMeasure() });
    } else addText(top.text, node);
  }
  return new TextMeasures(measured);
}
