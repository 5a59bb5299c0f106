import { collapse } from '../text/whitespace';

const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
  'CAPTION',
]);

/**
 * Turns the article element into paragraphs of plain text: every block element is a paragraph,
 * inline runs between blocks are paragraphs too, and <br> is a line break inside one.
 * Adjacent table cells of a row are joined with " | " so a table reads as rows.
 */
export function paragraphsOf(root: Element): string[] {
  const paragraphs: string[] = [];
  let inline = '';
  const flush = () => {
    const text = inline
      .split('\n')
      .map((line) => collapse(line))
      .filter(Boolean)
      .join('\n');
    if (text) paragraphs.push(text);
    inline = '';
  };
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3 /* TEXT_NODE */) {
        inline += child.textContent ?? '';
      } else if (child.nodeType === 1 /* ELEMENT_NODE */) {
        const element = child as Element;
        if (element.tagName === 'BR') inline += '\n';
        else if (element.tagName === 'TR') {
          flush();
          const cells = Array.from(element.children)
            .map((cell) => collapse(cell.textContent))
            .filter(Boolean);
          if (cells.length) paragraphs.push(cells.join(' | '));
        } else if (BLOCK_TAGS.has(element.tagName)) {
          flush();
          walk(element);
          flush();
        } else if (!/^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/.test(element.tagName)) {
          walk(element);
        }
      }
    }
  };
  walk(root);
  flush();
  return paragraphs;
}
