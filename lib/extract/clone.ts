/**
 * The structure extraction keeps exactly. Real articles sit far above it (the deepest of 1,019
 * corpus and dev-set pages is 42 levels); deeper, wrappers are unwrapped, because Readability's
 * cleaning walks every element's subtree and so costs depth × elements: 1,000 nested <div> took
 * 3.1 s to extract at 512 levels (Chromium's own parser cap), 0.19 s at this one. It also keeps
 * recursive walks (Readability, serializers, jsdom's `cloneNode(true)`) far from the stack's end.
 */
export const MAX_DEPTH = 128;
/** Past the cap, elements with text of their own keep their structure for this many more levels. */
const TEXT_BLOCK_DEPTH = 64;

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/**
 * A deep copy of `doc` whose tree is at most MAX_DEPTH + TEXT_BLOCK_DEPTH deep, built iteratively.
 * Up to MAX_DEPTH it is an exact copy. Deeper, wrapper elements (no text of their own) are
 * unwrapped, their children moving up to the nearest kept ancestor, so an article at the bottom
 * of 10,000 nested <div> keeps its headline and paragraphs; past TEXT_BLOCK_DEPTH more levels
 * every element is unwrapped and only its text and leaf elements are kept.
 */
export function boundedClone(doc: Document): Document {
  // Almost every page is shallower than the cap: the engine's own deep copy is then the same
  // exact copy, made natively instead of node by node from script (9% of the pipeline in Chromium).
  return tooDeep(doc) ? unwrappedClone(doc) : (doc.cloneNode(true) as Document);
}

/**
 * `doc` itself when it is within the cap, else its bounded clone: for a document its caller gave
 * up to be changed (see `extractParsed`), which then needs no copy at all.
 */
export function boundedInPlace(doc: Document): Document {
  return tooDeep(doc) ? unwrappedClone(doc) : doc;
}

function tooDeep(doc: Document): boolean {
  // From the root element, one level down: linkedom links no sibling after the doctype.
  return deeperThan(doc.documentElement ?? doc, MAX_DEPTH - 1);
}

/** The copy of a page deeper than the cap, built node by node (see `boundedClone`). */
function unwrappedClone(doc: Document): Document {
  const clone = doc.cloneNode(false) as Document;
  const pending: { node: Node; parent: Node; depth: number }[] = [];
  const pushChildren = (node: Node, parent: Node, depth: number) => {
    for (let child = node.lastChild; child; child = child.previousSibling) pending.push({ node: child, parent, depth });
  };
  pushChildren(doc, clone, 0);
  for (let entry = pending.pop(); entry; entry = pending.pop()) {
    const { node, parent, depth } = entry;
    const unwrap =
      node.nodeType === ELEMENT_NODE &&
      node.firstChild !== null &&
      depth >= MAX_DEPTH &&
      (depth >= MAX_DEPTH + TEXT_BLOCK_DEPTH || !hasOwnText(node));
    if (unwrap) {
      pushChildren(node, parent, depth);
      continue;
    }
    const copy = parent.appendChild(clone.importNode(node, false));
    pushChildren(node, copy, depth + 1);
  }
  return clone;
}

/**
 * Whether any node lies more than `limit` levels below `root`: an iterative walk over elements only
 * (a text or comment node is one level below its element, so an element with any child at `limit`
 * answers for it), which stops at the first.
 */
function deeperThan(root: Node, limit: number): boolean {
  // The path is kept by hand: some DOMs (linkedom) give the root element no parentNode.
  const path: Element[] = [];
  for (let element: Element | null = (root as ParentNode).firstElementChild; element;) {
    if (path.length >= limit && element.firstChild) return true;
    const child = element.firstElementChild;
    if (child) {
      path.push(element);
      element = child;
      continue;
    }
    while (!element.nextElementSibling) {
      const parent = path.pop();
      if (!parent) return false;
      element = parent;
    }
    element = element.nextElementSibling;
  }
  return false;
}

function hasOwnText(element: Node): boolean {
  for (let child = element.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === TEXT_NODE && /\S/.test(child.nodeValue ?? '')) return true;
  }
  return false;
}
