import { Readability, isProbablyReaderable } from '@mozilla/readability';
import type { WindowLike } from 'dompurify';
import type { Article, ExtractResult } from '../article';
import { extractFigures } from '../figures';
import { findRelated } from '../related';
import { summarize } from '../summarize';
import { splitSentences } from '../text/sentences';
import { paragraphsOf } from './blocks';
import { collapse, linkTextShare, promoteProseCaptions, removeFurniture } from './furniture';
import { detectLanguage } from './lang';
import { findHeadline, findLead, repeatsLead } from './lead';
import { sanitizeHtml } from './sanitize';

export interface ExtractOptions {
  /** The page's address; defaults to the document's own URL. */
  url?: string;
}

/** Below this much body text a page is not an article (a landing page, a list, an error page). */
const MIN_ARTICLE_CHARS = 250;
/** Article bodies are prose: when most of the text is link text, Readability picked a list. */
const MAX_LINK_SHARE = 0.5;

/**
 * Extracts the article of a page. Works on a clone, so the live page is never touched
 * (Readability mutates what it parses). Runs unchanged in the content script and in Node.
 */
export function extractArticle(doc: Document, options: ExtractOptions = {}): ExtractResult {
  const url = options.url ?? doc.URL ?? '';
  try {
    return extractFromClone(doc, doc.cloneNode(true) as Document, url);
  } catch (error) {
    return { ok: false, reason: 'parse-error', message: error instanceof Error ? error.message : String(error) };
  }
}

function extractFromClone(original: Document, clone: Document, url: string): ExtractResult {
  const notArticle = (message: string): ExtractResult => ({ ok: false, reason: 'not-article', message });
  if (!clone.body) return notArticle('The page has no body.');
  const readerable = isProbablyReaderable(original);

  // Related blocks are found before anything else touches the clone, then cut out so none of
  // their titles (or the figures in them) reach the text.
  const related = findRelated(clone, url);
  for (const block of related.blocks) block.remove();
  removeFurniture(clone.body);
  promoteProseCaptions(clone.body);
  const lead = findLead(clone);

  const parsed = new Readability<Element>(clone, { serializer: (node) => node as Element, charThreshold: 300 }).parse();
  const content = parsed?.content;
  if (!parsed || !content) return notArticle('No article text was found on this page.');

  removeFurniture(content);
  let paragraphs = paragraphsOf(content);
  if (lead) paragraphs = paragraphs.filter((paragraph) => !repeatsLead(paragraph, lead.text));
  const text = paragraphs.join('\n\n');

  if (text.length < MIN_ARTICLE_CHARS && !readerable) return notArticle('This page has no article to read.');
  if (linkTextShare(content) > MAX_LINK_SHARE) return notArticle('This page is a list of links, not an article.');
  if (text.length === 0) return notArticle('This page has no article to read.');

  const lang = detectLanguage(original, `${lead?.text ?? ''} ${text}`);
  const window = original.defaultView as unknown as WindowLike | null;
  const html = window ? sanitizeHtml(content.innerHTML, window) : '';
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
    html,
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
