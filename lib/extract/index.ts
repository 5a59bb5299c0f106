import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { hostWithoutWww } from '../address';
import type { ArticlePage, ExtractFailure, ExtractResult, PageResult } from '../article';
import { Page, relatedOn, type RelatedResult } from '../related';
import { splitSentences } from '../text/sentences';
import { paragraphsOf } from './blocks';
import { cutTrailingNotices } from './notices';
import { cutPhotoCaptions, hasOwnProseBody } from './captions';
import { cutCreditLines } from './credits';
import { cutEmbedBlockers } from './blockers';
import { cutMarkedBoxes, cutTrailingHeadings, markBoxes } from './boxes';
import { boundedClone, boundedInPlace } from './clone';
import { completeArticle } from './complete';
import { linkTextShare, promoteProseCaptions, removeFurniture } from './furniture';
import { collapse } from '../text/whitespace';
import { declaredLanguage, detectLanguage } from './lang';
import { findHeadline, findLead, headlineCandidates, repeatsLead, type Lead } from './lead';
import { attempt, decision, type Explain } from './explain';
import { withNoscriptFallbacks, type HtmlParser } from './noscript';
import { proseChars, proseContainer, type ProseLengths } from './prose';

export interface ExtractOptions {
  /** The page's address; defaults to the document's own URL. */
  url?: string;
  /** Told each decision: which rule removed, kept or chose which block, and why (`extract --explain`). */
  explain?: Explain;
  /**
   * The watchdog: extraction runs in the page's only thread, so past `ms` (read from `now`,
   * `performance.now` by default) it stops at the next stage boundary with reason `too-slow`.
   */
  budget?: { ms: number; now?: () => number };
  /**
   * Where the page's scripts never ran (the CLI, the tests): parses a <noscript> fallback's markup
   * for `extractArticle` to read a page whose article is only there (`withNoscriptFallbacks`).
   */
  parseHtml?: HtmlParser;
}

/**
 * Parses the page again for a second attempt, when extraction works on a document its caller
 * parsed for this one call (`extractParsed`); absent for the live page, which is cloned instead.
 */
type Reparse = (() => Document) | undefined;

export type { Decision, Explain } from './explain';
export type { HtmlParser } from './noscript';

/**
 * Below this much body text a page needs a sentence to be an article: a landing page or a bare
 * menu has none, while a 150-word notice has several.
 */
const MIN_ARTICLE_CHARS = 250;
/** A paragraph with a sentence has at least this many words and a terminal punctuation mark. */
const MIN_SENTENCE_WORDS = 6;
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
 * ...unless one paragraph this long is mostly its own text: a press release beside a long list of
 * its site's other releases is still an article.
 */
const PROSE_PARAGRAPH_CHARS = 250;

/**
 * Extracts the article of a page with its figures and summary, from clones of `doc`, which is
 * never changed: what the tests see.
 */
export function extractArticle(doc: Document, options: ExtractOptions = {}): ExtractResult {
  return completed(readPage(doc, undefined, options));
}

/**
 * `extractArticle` for a page its caller parses for this one call and then drops (the CLI):
 * extraction prepares the parsed document itself instead of a clone of it, and calls `parse`
 * again only when a second attempt needs the untouched page (a few pages in a hundred). Without
 * `options.url`, the document's own address, none for about:blank.
 */
export function extractParsed(parse: () => Document, options: ExtractOptions = {}): ExtractResult {
  const doc = parse();
  const url = options.url ?? (doc.URL === 'about:blank' ? '' : doc.URL);
  return completed(readPage(doc, parse, { ...options, url }));
}

function completed(result: PageResult): ExtractResult {
  return result.ok ? { ok: true, article: completeArticle(result.page) } : result;
}

function readPage(doc: Document, reparse: Reparse, options: ExtractOptions): PageResult {
  return options.parseHtml
    ? extractWithoutScripts(doc, reparse, options.parseHtml, options)
    : extractPageFrom(doc, reparse, options);
}

/**
 * `extractPage` where the page's scripts never ran (the CLI, the tests). A page that writes its
 * article from a script keeps the only static copy in <noscript>: a page refused as no article is
 * read again with those fallbacks as markup (`withNoscriptFallbacks`), and taken when that is an
 * article. In a tab the page's script has written the article, so the content script never asks.
 * The copy answers to the page's limits: one too large or too slow to read is refused as such.
 */
function extractWithoutScripts(
  doc: Document,
  reparse: Reparse,
  parse: HtmlParser,
  options: ExtractOptions,
): PageResult {
  const checkpoint = watchdog(options.budget);
  const first = attempt(options.explain);
  const result = extractPageFrom(doc, reparse, { ...options, explain: first.explain });
  let fallback: PageResult | null = null;
  try {
    if (!result.ok && result.reason === 'not-article') {
      checkpoint('the <noscript> fallbacks');
      const trace = attempt(options.explain);
      // A parsed page was consumed by the first reading: the fallbacks are read from a new parse.
      const page = withNoscriptFallbacks(reparse ? reparse() : doc, parse, trace.explain);
      const second = page && extractPage(page, { ...options, explain: trace.explain });
      if (second && (second.ok || second.reason !== 'not-article')) fallback = second;
      trace.settle(fallback === null);
    }
  } catch (error) {
    if (!(error instanceof OverBudget)) throw error;
    fallback = refuse('too-slow', error.message, options.explain);
  } finally {
    first.settle(fallback?.ok ?? false);
  }
  return fallback ?? result;
}

/** A refusal: the same in a page result and in an article result. */
type Refusal = Extract<PageResult, { ok: false }>;

/**
 * Extracts what the page alone gives (no figures, no summary). Works on a clone, so the live page
 * is never touched (Readability mutates what it parses); its depth is bounded (see `boundedClone`).
 * Runs unchanged in the content script and in Node.
 */
export function extractPage(doc: Document, options: ExtractOptions = {}): PageResult {
  return extractPageFrom(doc, undefined, options);
}

/** `extractPage`, or with `reparse` on the parsed document itself (see `extractParsed`). */
function extractPageFrom(doc: Document, reparse: Reparse, options: ExtractOptions): PageResult {
  const url = options.url ?? doc.URL ?? '';
  const elements = doc.getElementsByTagName('*').length;
  if (elements > MAX_ELEMENTS) return tooLarge(`${elements} elements, at most ${MAX_ELEMENTS}`, options.explain);
  const checkpoint = watchdog(options.budget);
  try {
    const untouchedCopy = reparse ? () => boundedInPlace(reparse()) : () => boundedClone(doc);
    const clone = reparse ? boundedInPlace(doc) : boundedClone(doc);
    checkpoint('the page checks');
    return extractFromClone(doc, clone, untouchedCopy, url, options.explain, checkpoint);
  } catch (error) {
    if (error instanceof OverBudget) return refuse('too-slow', error.message, options.explain);
    return { ok: false, reason: 'parse-error', message: error instanceof Error ? error.message : String(error) };
  }
}

/** Thrown at a stage boundary once the budget is spent; `extractArticle` turns it into `too-slow`. */
class OverBudget extends Error {}

/** Called between stages with the name of the next one; throws `OverBudget` once the budget is spent. */
export type Checkpoint = (nextStage: string) => void;

function watchdog(budget: ExtractOptions['budget']): Checkpoint {
  if (!budget) return () => {};
  const now = budget.now ?? (() => performance.now());
  const start = now();
  return (nextStage) => {
    const spent = now() - start;
    if (spent > budget.ms)
      throw new OverBudget(
        `This page took too long to read (stopped after ${Math.round(spent)} ms, before ${nextStage}; the budget is ${budget.ms} ms).`,
      );
  };
}

/** A page Loa does not read, said in the explain trace under the reason's name as well. */
function refuse(reason: ExtractFailure, message: string, explain?: Explain): Refusal {
  explain?.(decision(reason, 'rejected', null, message));
  return { ok: false, reason, message };
}

function tooLarge(measure: string, explain?: Explain): Refusal {
  return refuse('too-large', `This page is too large to read (${measure}).`, explain);
}

/**
 * What the untouched page says of itself, read before anything changes it (it may be `clone`
 * itself: then preparing it changes whether it is readerable, so that is asked at once). Whether
 * it is readerable matters to a short article only, so a page apart from its clone is asked then,
 * if ever: extraction is synchronous, so the page cannot change in between. It could between two
 * awaits (the live tab runs its scripts): if extraction ever yields, ask at once here too. Asked
 * late, the check runs after the budget's last checkpoint, so its time is not counted there.
 */
function pageFacts(original: Document, clone: Document) {
  const readerable = original === clone ? isProbablyReaderable(original) : undefined;
  return {
    readerable: () => readerable ?? isProbablyReaderable(original),
    documentTitle: collapse(original.title),
    headlines: headlineCandidates(original),
    declaredLanguage: declaredLanguage(original),
    dates: pageDates(original),
  };
}

function extractFromClone(
  original: Document,
  clone: Document,
  untouchedCopy: () => Document,
  url: string,
  explain: Explain | undefined,
  checkpoint: Checkpoint,
): PageResult {
  const notArticle = (message: string): Refusal => refuse('not-article', message, explain);
  if (!clone.body) return notArticle('The page has no body.');
  if (isGarbled(clone.body))
    return notArticle('This is not a readable page: its text is mostly binary or garbled characters.');
  const facts = pageFacts(original, clone);

  const preparation = prepareClone(clone, url, explain, checkpoint);
  const { related, photoStory } = preparation;
  checkpoint('lead');
  let lead = findLead(clone, explain);
  checkpoint('Readability');

  // Measured before Readability, which moves what it picks out of the clone. The lengths measured
  // while preparing are reused: nothing may change the text or links of the clone's paragraphs
  // between `prepareClone` and here, or they are stale.
  const prose = proseContainer(clone.body, preparation.proseLengths);
  let parsed = readArticle(clone, READABILITY_CHAR_THRESHOLD);
  // Measured as Readability measures it (white space collapsed): its `length` counts the
  // indentation of the page's source too.
  if (parsed?.content && collapse(parsed.textContent).length < READABILITY_DEFAULT_CHARS) {
    // A short first pick may be a box (a cookie notice, a paywall, a pop-up) where plain
    // Readability would look on with looser rules: ask it that on a second prepared clone.
    checkpoint('Readability again');
    const second = prepareAgain(untouchedCopy(), preparation, url, checkpoint);
    const looser = readArticle(second, READABILITY_DEFAULT_CHARS);
    if (looser?.content && ownText(looser.content) >= RETRY_GAIN * ownText(parsed.content)) {
      explain?.(decision('readability:short-pick', 'rejected', parsed.content));
      parsed = looser;
    }
  }
  // Readability moved the container's paragraphs into its pick when it took them.
  if (
    prose &&
    prose.chars >= MIN_PROSE_SWITCH &&
    !parsed?.content?.contains(prose.first) &&
    prose.chars >= PROSE_SWITCH_GAIN * (parsed?.content ? proseChars(parsed.content) : 0)
  ) {
    // Readability scored commas and length (a table, a list of names, a disclosure box) over the
    // paragraphs of sentences under the headline: it is asked about those paragraphs alone.
    checkpoint('Readability on the prose container');
    const second = prepareAgain(untouchedCopy(), preparation, url, checkpoint);
    const container = proseContainer(second.body)?.element;
    if (container) {
      second.body.replaceChildren(container);
      const proseParsed = readArticle(second, READABILITY_CHAR_THRESHOLD);
      if (proseParsed?.content) {
        explain?.(decision('readability:prose-container', 'chosen', proseParsed.content));
        parsed = proseParsed;
      }
    }
  }
  if (!parsed?.content) return notArticle('No article text was found on this page.');
  explain?.(decision('readability', 'chosen', parsed.content));
  checkpoint('furniture in the article');
  const first = attempt(explain);
  let body = readBody(parsed.content, lead, photoStory, first.explain);
  let retry: ReturnType<typeof readUntouchedPage> = null;
  try {
    // Furniture cut before Readability can move its pick from a short article to a list beside
    // it (a news ticker): then Readability's pick on the page as it is gets its chance.
    if (body.listOfLinks || body.teaserList) {
      checkpoint('Readability on the page as it is');
      retry = readUntouchedPage(untouchedCopy(), lead, photoStory, explain);
    }
  } finally {
    // Also when the budget runs out before the retry: the first body's removals were made.
    first.settle(retry?.chosen ?? false);
  }
  if (retry) {
    explain?.(decision('readability:untouched-page', retry.chosen ? 'chosen' : 'rejected', retry.content));
    retry.trace.settle(!retry.chosen);
    if (retry.chosen) {
      parsed = retry.article;
      body = retry.body;
    }
  }
  const { listOfLinks, teaserList } = body;
  let { paragraphs, text } = body;
  if (text.length === 0 && lead) {
    // A page whose only text is its lead (the rest was a date line, a repeat of the lead) is a
    // short article: the lead is its text.
    paragraphs = [lead.text];
    text = lead.text;
    lead = null;
  }

  checkpoint('the not-article checks');
  // The lead is article text too: a short notice with its lead is still an article.
  const articleChars = text.length + (lead?.text.length ?? 0);
  if (articleChars < MIN_ARTICLE_CHARS && !facts.readerable() && !paragraphs.some(isSentence))
    return notArticle(`This page has no article to read (${articleChars} characters, not readerable).`);
  if (listOfLinks) return notArticle('This page is a list of links, not an article.');
  if (teaserList) return notArticle('This page is a list of story teasers, not an article.');
  if (text.length === 0) return notArticle('This page has no article to read.');
  if (articleChars > MAX_ARTICLE_CHARS)
    return tooLarge(`${articleChars} characters of text, at most ${MAX_ARTICLE_CHARS}`, explain);

  const lang = detectLanguage(facts.declaredLanguage, `${lead?.text ?? ''} ${text}`);
  checkpoint('sentences');
  const sentences = splitSentences(text, lang);
  const title = findHeadline(facts.headlines, collapse(parsed.title) || facts.documentTitle);
  const page: ArticlePage = {
    url,
    title,
    byline: collapse(parsed.byline) || null,
    published: publishedDate(parsed.publishedTime, facts.dates),
    siteName: collapse(parsed.siteName) || hostOf(url),
    lang,
    lead: lead?.text ?? null,
    text,
    paragraphs,
    sentences,
    related: related.stories,
    wordCount: countWords(`${lead?.text ?? ''} ${text}`),
  };
  return { ok: true, page };
}

/** Readability's pick as paragraphs, with what the not-article checks ask of it. */
function readBody(content: Element, lead: Lead | null, photoStory: boolean, explain: Explain | undefined) {
  removeFurniture(content, explain);
  // Whether Readability picked a list is a question about its pick, asked before anything of it
  // is cut: a paywalled article whose subscription offers are cut is not a list of links.
  const listOfLinks = linkTextShare(content) > MAX_LINK_SHARE && !hasProseParagraph(content);
  const teaserList = isTeaserList(content);
  cutMarkedBoxes(content, explain);
  // A photo story's captions are its text, the short ones beside those read as paragraphs too.
  if (!photoStory) cutPhotoCaptions(content, explain);
  cutCreditLines(content, explain);
  cutEmbedBlockers(content, explain);
  // Before the headings: a heading over a notice that goes ends the text then.
  cutTrailingNotices(content, explain);
  cutTrailingHeadings(content, explain);
  let paragraphs = paragraphsOf(content);
  if (lead) {
    paragraphs = paragraphs.filter((paragraph) => {
      const repeated = repeatsLead(paragraph, lead.text);
      if (repeated) explain?.(decision('lead-repeated', 'removed', null, paragraph));
      return !repeated;
    });
  }
  return { paragraphs, text: paragraphs.join('\n\n'), listOfLinks, teaserList };
}

/** What `prepareClone` did to a clone, to do it again on another clone of the same page. */
export interface Preparation {
  related: RelatedResult;
  /** The snapshot of the clone as it was before anything was removed. */
  page: Page;
  /** Elements furniture removed, in the order it removed them. */
  furniture: Element[];
  /** Whether its captions became paragraphs (a photo story). */
  photoStory: boolean;
  /** Its paragraphs' prose lengths measured so far, for `proseContainer` on the same clone. */
  proseLengths: ProseLengths;
}

/** Readability's pick on the page as it is (`page`, an untouched copy), read as a body; chosen when it is not a list either. */
function readUntouchedPage(page: Document, lead: Lead | null, photoStory: boolean, explain: Explain | undefined) {
  const article = readArticle(page, READABILITY_DEFAULT_CHARS);
  if (!article?.content) return null;
  const trace = attempt(explain);
  const body = readBody(article.content, lead, photoStory, trace.explain);
  const chosen = !body.listOfLinks && !body.teaserList && body.text.length > 0;
  return { article, content: article.content, body, trace, chosen };
}

/**
 * Prepares a clone for Readability and returns the page's related stories. Related blocks are
 * found before anything else touches the clone, then cut out so none of their titles (or the
 * figures in them) reach the text. (Marking them and cutting them from Readability's output
 * instead measured 0.898 vs 0.899 pooled F1 on extraction-990.)
 */
export function prepareClone(
  clone: Document,
  url: string,
  explain: Explain | undefined,
  checkpoint: Checkpoint,
): Preparation {
  checkpoint('related blocks');
  // The snapshot is kept: a second prepared clone finds the same elements through it.
  const page = new Page(clone, url);
  const related = relatedOn(page);
  for (const block of related.blocks) {
    explain?.(decision('related-block', 'removed', block));
    block.remove();
  }
  markBoxes(clone.body);
  checkpoint('furniture');
  const furniture: Element[] = [];
  removeFurniture(clone.body, explain, furniture);
  const proseLengths: ProseLengths = new Map();
  const photoStory = !hasOwnProseBody(clone.body, proseLengths) && promoteProseCaptions(clone.body);
  return { related, page, furniture, photoStory, proseLengths };
}

/**
 * `clone`, a fresh untouched copy of the page, prepared as `first` was: the same elements removed
 * and the same boxes marked, found through the first clone's snapshot instead of running related
 * detection and the furniture rules again (they would decide the same on the same tree).
 */
export function prepareAgain(clone: Document, first: Preparation, url: string, checkpoint: Checkpoint): Document {
  const counterpart = first.page.counterparts(clone);
  const blocks = first.related.blocks.map(counterpart);
  const furniture = first.furniture.map(counterpart);
  if ([...blocks, ...furniture].some((element) => element === null)) {
    prepareClone(clone, url, undefined, checkpoint);
    return clone;
  }
  for (const block of blocks) block!.remove();
  markBoxes(clone.body);
  checkpoint('furniture');
  for (const element of furniture) element!.remove();
  if (first.photoStory) promoteProseCaptions(clone.body);
  return clone;
}

/** Text that is not link text: what an article has and a menu has not. */
function ownText(content: Element): number {
  return collapse(content.textContent).length * (1 - linkTextShare(content));
}

function readArticle(clone: Document, charThreshold: number) {
  return new Readability<Element>(clone, { serializer: (node) => node as Element, charThreshold }).parse();
}

function isSentence(paragraph: string): boolean {
  return countWords(paragraph) >= MIN_SENTENCE_WORDS && /[.!?…。！？]["'”’»)]*(\s|$)/u.test(paragraph);
}

function hasProseParagraph(content: Element): boolean {
  return Array.from(content.querySelectorAll('p')).some(
    (paragraph) =>
      collapse(paragraph.textContent).length >= PROSE_PARAGRAPH_CHARS && linkTextShare(paragraph) < MAX_LINK_SHARE,
  );
}

/** A teaser opens with its story's headline as a link of at least this many characters. */
const TEASER_HEADLINE_CHARS = 15;
/** ...and goes on with at least this much text of its own (a sentence, not a date or a count). */
const TEASER_SENTENCE_CHARS = 40;
/** Fewer teasers to different stories than this are a "read more" block inside an article. */
const MIN_TEASERS = 4;
/** A section page: more than this share of its text blocks are teasers. */
const MAX_TEASER_SHARE = 0.5;
/**
 * Readability keeps its pick only above this many characters, else retries with looser rules
 * (its default is 500): government notices are often shorter, and their first pick is the right one.
 */
const READABILITY_CHAR_THRESHOLD = 300;
/**
 * Readability's own threshold. A first pick shorter than this is asked again with it, and the
 * looser pick is taken when it holds at least `RETRY_GAIN` times the text outside links (a menu
 * is not more article): a cookie notice or a paywall box beside a short article is what the
 * lower threshold lets through.
 */
const READABILITY_DEFAULT_CHARS = 500;
const RETRY_GAIN = 2;
/**
 * Readability's pick gives way to the prose container (see `proseContainer`) when that holds at
 * least this many characters of prose paragraphs and this many times the pick's.
 */
const MIN_PROSE_SWITCH = 500;
const PROSE_SWITCH_GAIN = 2;

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
/** A replacement character (an undecodable byte), a control character or a NUL: never white space. */
const GARBLED = /[\ufffd\u0000-\u0008\u000e-\u001f\u007f-\u009f]/;
/** Every such character of a text, counted once the text has one. */
const GARBLED_ALL = new RegExp(GARBLED.source, 'g');
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
  // Almost every page has no bad character at all: then it is not garbled, whatever its length.
  if (!GARBLED.test(sample)) return false;
  const visible = sample.replace(/[\s\u00a0]+/g, '');
  if (visible.length === 0) return false;
  const bad = visible.match(GARBLED_ALL)?.length ?? 0;
  return bad / visible.length > MAX_GARBLED_SHARE;
}

/** The dates the page gives for itself, in the order `publishedDate` trusts them after Readability's. */
function pageDates(doc: Document): (string | null | undefined)[] {
  return [
    doc.querySelector('meta[property="article:published_time"]')?.getAttribute('content'),
    doc.querySelector('meta[itemprop="datePublished"]')?.getAttribute('content'),
    doc.querySelector('time[datetime]')?.getAttribute('datetime'),
  ];
}

function publishedDate(
  fromReadability: string | null | undefined,
  pageDates: (string | null | undefined)[],
): string | null {
  for (const candidate of [fromReadability, ...pageDates]) {
    const time = candidate ? Date.parse(candidate) : NaN;
    if (!Number.isNaN(time)) return new Date(time).toISOString();
  }
  return null;
}

function hostOf(url: string): string | null {
  try {
    return hostWithoutWww(new URL(url).hostname) || null;
  } catch {
    return null;
  }
}

/**
 * From a run's first letter or digit to its end: one match per run of non-space characters that
 * holds one, which is what a word is.
 */
const WORD = /[\p{L}\p{N}]\S*/gu;

/** Words with a letter or a digit, counted in one pass (splitting the whole text copied every word). */
export function countWords(text: string): number {
  let words = 0;
  WORD.lastIndex = 0;
  while (WORD.test(text)) words += 1;
  return words;
}
