import { collapse } from '../text/whitespace';

/** One decision of the extractor about one block, for `extract --explain`. */
export interface Decision {
  /** The rule that decided ("related-block", "share-bar", "lead:meta-description", …). */
  rule: string;
  action: 'removed' | 'kept' | 'chosen' | 'rejected';
  /** A CSS-like path to the element ("body > div#main > p.sapo"), or "" for page-wide decisions. */
  path: string;
  /** The start of the element's text, or the reason for a page-wide decision. */
  text: string;
  /** Made on a body that was then set aside for another attempt's (it shaped nothing Loa returns). */
  discarded?: true;
}

export type Explain = (decision: Decision) => void;

const TEXT_START = 80;

/** The element's path from <body> (or the root), each step its tag plus id or first class. */
export function elementPath(element: Element): string {
  const steps: string[] = [];
  for (let at: Element | null = element; at; at = at.parentElement) {
    const id = at.getAttribute('id');
    const firstClass = (at.getAttribute('class') ?? '').trim().split(/\s+/)[0];
    steps.push(`${at.tagName.toLowerCase()}${id ? `#${id}` : firstClass ? `.${firstClass}` : ''}`);
    if (at.tagName === 'BODY') break;
  }
  return steps.reverse().join(' > ');
}

export function decision(rule: string, action: Decision['action'], element: Element | null, text?: string): Decision {
  return {
    rule,
    action,
    path: element ? elementPath(element) : '',
    text: (text ?? collapse(element?.textContent)).slice(0, TEXT_START),
  };
}

/**
 * Holds the decisions of one attempt at a body until it is known whether that body is kept, so
 * the trace can say which removals belong to a body that was then discarded.
 */
export function attempt(explain: Explain | undefined) {
  const held: Decision[] = [];
  return {
    explain: explain && ((made: Decision) => void held.push(made)),
    /** Passes the held decisions on, marked when their body was discarded. */
    settle(discarded: boolean): void {
      for (const made of held) explain?.(discarded ? { ...made, discarded: true } : made);
      held.length = 0;
    },
  };
}
