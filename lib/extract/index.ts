import { Readability, isProbablyReaderable } from '@mozilla/readability';
import type { Article, ExtractResult } from '../article';
import { extractFigures } from '../figures';
import { findRelated } from '../related';
import { summarize } from '../summarize';
import { splitSentences } from '../text/sentences';
import { paragraphsOf } from './blocks';
import { boundedClone } from './clone';
import { linkTextShare, promoteProseCaptions, removeFurniture } from './furniture';
import { collapse } from '../text/whitespace';
import { detectLanguage } from './lang';
import { findHeadline, findLead, repeatsLead } from './lead';
import { decision, type Explain } from './explain';

export interface ExtractOptions {
  /** The page's address; defaults to the document's own URL. */
  url?: string;
  /** Told each decision: which rule removed, kept or chose which block, and why (`extract --explain`). */
  explain?: Explain;
}

export type { Decision, Explain } from './explain';

/** Below this much body text a page is not an article (a landing page, a list, an error page). */
const MIN_ARTICLE_CHARS = 250;
/**
 * Extraction runs synchronously in the page, where nothing can interrupt it: a page with more
 * elements than this is refused up front instead of freezing the tab. The largest page of
 * extraction-990 has about 10,000 elements.
 */
export const MAX_ELEMENTS = 100_000;
/** Sentence splitting, figures and the summary read the whole text: past this, a page is not one article. */
export const MAX_ARTICLE_CHARS = 1_000_000;
/** Article bodies are prose: when most of the text is link text, Readability picked a list. */
const MAX_LINK_SHARE = 0.5;

/**
 * Extracts the article of a page. Works on a clone, so the live page is never touched
 * (Readability mutates what it parses); the clone's depth is bounded (see `boundedClone`). Runs unchanged in the content script and in Node.
 */
export function extractArticle(doc: Document, options: ExtractOptions = {}): ExtractResult {
  const url = options.url ?? doc.URL ?? '';
  const elements = doc.getElementsByTagName('*').length;
  if (elements > MAX_ELEMENTS) return tooLarge(`${elements} elements, at most ${MAX_ELEMENTS}`, options.explain);
  try {
    return extractFromClone(doc, boundedClone(doc), url, options.explain);
  } catch (error) {
    return { ok: false, reason: 'parse-error', message: error instanceof Error ? error.message : String(error) };
  }
}

function tooLarge(measure: string, explain?: Explain): ExtractResult {
  const message = `This page is too large to read (${measure}).`;
  explain?.(decision('too-large', 'rejected', null, message));
  return { ok: false, reason: 'too-large', message };
}

function extractFromClone(original: Document, clone: Document, url: string, explain?: Explain): ExtractResult {
  const notArticle = (message: string): ExtractResult => {
    explain?.(decision('not-article', 'rejected', null, message));
    return { ok: false, reason: 'not-article', message };
  };
  if (!clone.body) return notArticle('The page has no body.');
  if (isGarbled(clone.body))
    return notArticle('This is not a readable page: its text is mostly binary or garbled characters.');
  const readerable = isProbablyReaderable(original);

  // Related blocks are found before anything else touches the clone, then cut out so none of
  // their titles (or the figures in them) reach the text. (Marking them and cutting them from
  // Readability's output instead measured 0.898 vs 0.899 pooled F1 on extraction-990.)
  const related = findRelated(clone, url);
  for (const block of related.blocks) {
    explain?.(decision('related-block', 'removed', block));
    block.remove();
  }
  removeFurniture(clone.body, explain);
  promoteProseCaptions(clone.body);
  const lead = findLead(clone, explain);

  const parsed = new Readability<Element>(clone, { serializer: (node) => node as Element, charThreshold: 300 }).parse();
  const content = parsed?.content;
  if (!parsed || !content) return notArticle('No article text was found on this page.');
  explain?.(decision('readability', 'chosen', content));

  removeFurniture(content, explain);
  let paragraphs = paragraphsOf(content);
  if (lead) {
    paragraphs = paragraphs.filter((paragraph) => {
      const repeated = repeatsLead(paragraph, lead.text);
      if (repeated) explain?.(decision('lead-repeated', 'removed', null, paragraph));
      return !repeated;
    });
  }
  const text = paragraphs.join('\n\n');

  // The lead is article text too: a short notice with its lead is still an article.
  const articleChars = text.length + (lead?.text.length ?? 0);
  if (articleChars < MIN_ARTICLE_CHARS && !readerable)
    return notArticle(`This page has no article to read (${articleChars} characters, not readerable).`);
  if (linkTextShare(content) > MAX_LINK_SHARE) return notArticle('This page is a list of links, not an article.');
  if (isTeaserList(content)) return notArticle('This page is a list of story teasers, not an article.');
  if (text.length === 0) return notArticle('This page has no article to read.');
  if (articleChars > MAX_ARTICLE_CHARS)
    return tooLarge(`${articleChars} characters of text, at most ${MAX_ARTICLE_CHARS}`, explain);

  const lang = detectLanguage(original, `${lead?.text ?? ''} ${text}`);
  const sentences = splitSentences(text, lang);
  const figures = extractFigures({ text, lead: lead?.text ?? null, lang, sentences });
  const title = findHeadline(original, collapse(parsed.title) || collapse(original.title));
  const article: Article = {
    url,
    title,
    byline: collapse(parsed.byline) || null,
    published: publishedDate(original, parsed.publishedTime),
    siteName: collapse(parsed.siteName) || hostOf(url),
    lang,
    lead: lead?.text ?? null,
    text,
    paragraphs,
    sentences,
    figures,
    related: related.stories,
    summary: summarize({ text, sentences, lead: lead?.text ?? null, title, lang, figures }),
    wordCount: countWords(`${lead?.text ?? ''} ${text}`),
  };
  return { ok: true, article };
}

/** A teaser opens with its story's headline as a link of at least this many characters. */
const TEASER_HEADLINE_CHARS = 15;
const TEASER_SENTENCE_CHARS = 40;
const MIN_TEASERS = 4;
const MAX_TEASER_SHARE = 0.5;

/**
 * A section page: most text blocks open with a headline link to a different story and go on with
 * a sentence (a teaser). Prose paragraphs do not open with a long link, so an article with a
 * few such lines stays an article.
 */
function isTeaserList(content: Element): boolean {
  const blocks = Array.from(content.querySelectorAll('p, li, h2, h3, h4')).filter(
    (block) => collapse(block.textContent).length > 0 && !block.querySelector('p, li'),
  );
  const targets = new Set<string>();
  let teasers = 0;
  for (const block of blocks) {
    const link = block.querySelector('a[href]');
    if (!link) continue;
    const linkText = collapse(link.textContent);
    const blockText = collapse(block.textContent);
    if (linkText.length < TEASER_HEADLINE_CHARS || !blockText.startsWith(linkText)) continue;
    // A bare link is a link list (judged by link share); a teaser goes on with its sentence.
    if (blockText.length - linkText.length < TEASER_SENTENCE_CHARS) continue;
    teasers += 1;
    targets.add(link.getAttribute('href') ?? '');
  }
  return targets.size >= MIN_TEASERS && teasers / blocks.length > MAX_TEASER_SHARE;
}

/** Text this unreadable is binary data or a wrong encoding, not a page: share of bad characters. */
const MAX_GARBLED_SHARE = 0.2;
/** How much of the body's text the garbling check reads: a sample is enough, and it stays cheap. */
const GARBLE_SAMPLE = 20_000;

/**
 * Replacement characters (undecodable bytes), control characters and NULs in the body's text.
 * Read through a TreeWalker so that a 10 MB text node is sampled, not copied.
 */
function isGarbled(body: HTMLElement): boolean {
  const walker = body.ownerDocument.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  let sample = '';
  for (let node = walker.nextNode(); node && sample.length < GARBLE_SAMPLE; node = walker.nextNode()) {
    const parent = node.parentElement?.tagName;
    if (parent === 'SCRIPT' || parent === 'STYLE') continue;
    sample += (node.nodeValue ?? '').slice(0, GARBLE_SAMPLE - sample.length);
  }
  const visible = sample.replace(/[\s\u00a0]+/g, '');
  if (visible.length === 0) return false;
  const bad = visible.match(/[\ufffd\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g)?.length ?? 0;
  return bad / visible.length > MAX_GARBLED_SHARE;
}

function publishedDate(doc: Document, fromReadability: string | null | undefined): string | null {
  const candidates = [
    fromReadability,
    doc.querySelector('meta[property="article:published_time"]')?.getAttribute('content'),
    doc.querySelector('meta[itemprop="datePublished"]')?.getAttribute('content'),
    doc.querySelector('time[datetime]')?.getAttribute('datetime'),
  ];
  for (const candidate of candidates) {
    const time = candidate ? Date.parse(candidate) : NaN;
    if (!Number.isNaN(time)) return new Date(time).toISOString();
  }
  return null;
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /\p{L}|\p{N}/u.test(word)).length;
}
