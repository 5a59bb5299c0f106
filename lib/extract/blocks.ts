import { BLOCK_TAGS, UNRENDERED_TAGS } from '../dom/tags';
import { collapse } from '../text/whitespace';

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
        } else if (!UNRENDERED_TAGS.has(element.tagName)) {
          walk(element);
        }
      }
    }
  };
  walk(root);
  flush();
  return paragraphs;
}
