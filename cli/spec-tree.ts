import { DOMParser } from 'linkedom';
import { html, parse, type Token, type TreeAdapter, type TreeAdapterTypeMap } from 'parse5';

type LinkedomTree = TreeAdapterTypeMap<
  Node,
  ParentNode & Node,
  ChildNode,
  Document,
  DocumentFragment,
  Element,
  Comment,
  Text,
  HTMLTemplateElement,
  DocumentType
>;

/**
 * Chromium's parser stops nesting at this depth of open elements: deeper elements are attached to
 * their parent's parent (kMaximumHTMLParserDOMTreeDepth in html_construction_site.cc).
 */
export const CHROMIUM_MAX_TREE_DEPTH = 512;

// Node's node types (Node itself is no global outside a browser).
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const COMMENT_NODE = 8;
const DOCUMENT_TYPE_NODE = 10;

const LinkedomHtmlDocument = Object.getPrototypeOf(new DOMParser().parseFromString('', 'text/html'))
  .constructor as new () => {
  cloneNode(deep?: boolean): unknown;
  getElementsByTagName(name: string): ArrayLike<Element>;
  querySelectorAll(selectors: string): ArrayLike<Element>;
};

/**
 * linkedom's HTML document with what a page reader asks of a browser's and linkedom lacks or reads
 * otherwise: its address; the title Chromium gives (the first HTML <title> anywhere, not only in
 * <head>; its own text, white space collapsed); `getElementsByTagName('*')`, every element (linkedom
 * finds none, and the extractor's size budget counts with it). Its clones (the extractor works on
 * one) keep all three.
 */
class BrowserDocument extends LinkedomHtmlDocument {
  address = 'about:blank';

  get URL(): string {
    return this.address;
  }

  get documentURI(): string {
    return this.address;
  }

  get title(): string {
    const title = Array.from((this as unknown as Document).getElementsByTagName('title')).find(
      (element) => element.namespaceURI === html.NS.HTML,
    );
    const text = Array.from(title?.childNodes ?? [], (node) =>
      node.nodeType === TEXT_NODE ? (node as Text).data : '',
    );
    return text
      .join('')
      .replace(/[\t\n\f\r ]+/g, ' ')
      .trim();
  }

  override getElementsByTagName(name: string): ArrayLike<Element> {
    return name === '*' ? this.querySelectorAll('*') : super.getElementsByTagName(name);
  }

  override cloneNode(deep?: boolean): BrowserDocument {
    const clone = super.cloneNode(deep) as BrowserDocument;
    clone.address = this.address;
    return clone;
  }
}

/**
 * Builds the tree the HTML standard's parser builds (parse5's tree construction, the parser jsdom
 * uses) out of linkedom nodes, a DOM that is several times cheaper to build and walk than jsdom's.
 * linkedom's own parser (htmlparser2) is not a spec parser: it nests what browsers close, keeps
 * misnested tables and formatting elements where the page put them, and reads `<noscript>` as markup.
 * Read as Chromium reads a page in a tab: scripting on (`<noscript>` holds text), and nesting capped
 * at Chromium's depth.
 */
export function parseSpecTree(markup: string, url: string): Document {
  const browserDocument = new BrowserDocument();
  browserDocument.address = url;
  // linkedom's document has no `implementation`; it creates doctypes itself.
  const document = browserDocument as unknown as Document & {
    createDocumentType(name: string, publicId: string, systemId: string): DocumentType;
  };
  let mode = html.DOCUMENT_MODE.NO_QUIRKS;
  let openElements = 0;

  const qualifiedName = ({ name, prefix }: Token.Attribute) => (prefix ? `${prefix}:${name}` : name);
  // linkedom puts each new attribute first: set them last to first to keep the page's order.
  const setAttributes = (element: Element, attrs: Token.Attribute[]) => {
    for (let i = attrs.length - 1; i >= 0; i--) element.setAttribute(qualifiedName(attrs[i]!), attrs[i]!.value);
  };
  const isText = (node: Node | null): node is Text => node?.nodeType === TEXT_NODE;

  const adapter: TreeAdapter<LinkedomTree> = {
    createDocument: () => document,
    createDocumentFragment: () => document.createDocumentFragment(),
    createElement(tagName, namespaceURI, attrs) {
      const element =
        namespaceURI === html.NS.SVG
          ? document.createElementNS(namespaceURI, tagName)
          : document.createElement(tagName);
      // linkedom makes every element that is not SVG an HTML one (its clones stay HTML ones).
      if (namespaceURI === html.NS.MATHML) Object.defineProperty(element, 'namespaceURI', { value: namespaceURI });
      setAttributes(element, attrs);
      return element;
    },
    createCommentNode: (data) => document.createComment(data),
    createTextNode: (value) => document.createTextNode(value),
    appendChild(parent, node) {
      const capped = openElements > CHROMIUM_MAX_TREE_DEPTH && parent.parentNode;
      (capped || parent).appendChild(node);
    },
    insertBefore: (parent, node, reference) => void parent.insertBefore(node, reference),
    setTemplateContent: (template, content) => void template.content.appendChild(content),
    getTemplateContent: (template) => template.content,
    setDocumentType(target, name, publicId, systemId) {
      target.doctype?.remove();
      target.insertBefore(document.createDocumentType(name, publicId, systemId), target.firstChild);
    },
    setDocumentMode: (_, documentMode) => void (mode = documentMode),
    getDocumentMode: () => mode,
    detachNode: (node) => node.remove(),
    insertText(parent, text) {
      const last = parent.lastChild;
      if (isText(last)) last.data += text;
      else parent.appendChild(document.createTextNode(text));
    },
    insertTextBefore(parent, text, reference) {
      const previous = reference.previousSibling;
      if (isText(previous)) previous.data += text;
      else parent.insertBefore(document.createTextNode(text), reference);
    },
    // A second <html> or <body> tag adds the attributes the element lacks, after its own.
    adoptAttributes(recipient, attrs) {
      const own = Array.from(recipient.attributes, ({ name, value }) => ({ name, value }));
      for (const { name } of own) recipient.removeAttribute(name);
      setAttributes(recipient, [
        ...own,
        ...attrs.filter((attr) => !own.some(({ name }) => name === qualifiedName(attr))),
      ]);
    },
    getFirstChild: (node) => node.firstChild,
    getChildNodes: (node) => [...node.childNodes],
    getParentNode: (node) => node.parentNode as (ParentNode & Node) | null,
    getAttrList: (element) => [...element.attributes].map(({ name, value }) => ({ name, value })),
    getTagName: (element) => element.localName,
    getNamespaceURI: (element) => element.namespaceURI as html.NS,
    getTextNodeContent: (text) => text.data,
    getCommentNodeContent: (comment) => comment.data,
    getDocumentTypeNodeName: (doctype) => doctype.name,
    getDocumentTypeNodePublicId: (doctype) => doctype.publicId,
    getDocumentTypeNodeSystemId: (doctype) => doctype.systemId,
    isTextNode: isText,
    isCommentNode: (node): node is Comment => node.nodeType === COMMENT_NODE,
    isDocumentTypeNode: (node): node is DocumentType => node.nodeType === DOCUMENT_TYPE_NODE,
    isElementNode: (node): node is Element => node.nodeType === ELEMENT_NODE,
    // Parsed without sourceCodeLocationInfo: the parser never hands over a location to keep.
    setNodeSourceCodeLocation: () => {},
    getNodeSourceCodeLocation: () => undefined,
    updateNodeSourceCodeLocation: () => {},
    onItemPush: () => void openElements++,
    onItemPop: () => void openElements--,
  };
  return parse(markup, { treeAdapter: adapter, scriptingEnabled: true });
}
