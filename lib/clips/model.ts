/** The clip record, how it is built from what the user saved, validated, and merged. */
import type { Article, Figure, RelatedStory } from '../article';
import { ClipsError } from './errors';
import { wordKeys } from './fold';
import { cleanUrl, siteOf, urlIdentity } from './url';

export const CLIP_KINDS = ['article', 'selection', 'summary'] as const;
export type ClipKind = (typeof CLIP_KINDS)[number];

export interface Clip {
  id: number;
  /** Identity for "saving again updates it": kind + URL identity (+ text hash for selections). */
  key: string;
  url: string;
  title: string;
  /** Host without "www.", used for filtering. */
  site: string;
  /** The name the page gives itself ("Báo Chính phủ"), or the host when it gives none. */
  siteName: string;
  /** BCP 47 primary language of the text. */
  lang: string;
  /** Milliseconds since the epoch of the latest save. */
  savedAt: number;
  kind: ClipKind;
  text: string;
  summary: string[];
  lead: string | null;
  /** Offsets point into the source article's lead/text, which only an "article" clip stores. */
  figures: Figure[];
  related: RelatedStory[];
  note: string;
  tags: string[];
}

/** The stored row: a clip plus the folded words the search index is built on. */
export interface StoredClip extends Clip {
  words: string[];
}

/** What a caller hands to `saveClip`; everything derived (key, site, words, time) is filled in. */
export interface ClipInput {
  url: string;
  title: string;
  siteName?: string | null;
  lang: string;
  kind: ClipKind;
  text: string;
  summary?: string[];
  lead?: string | null;
  figures?: Figure[];
  related?: RelatedStory[];
  note?: string;
  tags?: string[];
}

/** What to save when the user saves a whole article, or only its summary. */
export function clipFromArticle(article: Article, kind: 'article' | 'summary'): ClipInput {
  return {
    url: article.url,
    title: article.title,
    siteName: article.siteName,
    lang: article.lang,
    kind,
    text: kind === 'article' ? article.text : article.summary.join(' '),
    summary: article.summary,
    lead: article.lead,
    figures: article.figures,
    related: article.related,
  };
}

/** What to save for "Lưu đoạn này" / "Save selection as clip". */
export function clipFromSelection(
  page: { url: string; title: string; lang: string; siteName?: string | null },
  selection: string,
): ClipInput {
  return { url: page.url, title: page.title, siteName: page.siteName, lang: page.lang, kind: 'selection', text: selection };
}

/** Builds the record for `input`, or explains what is missing. */
export function buildClip(input: ClipInput, savedAt: number): Omit<StoredClip, 'id'> {
  const url = typeof input.url === 'string' ? cleanUrl(input.url) : null;
  if (!url) throw new ClipsError('invalid-input', `Not a web address: ${String(input.url)}`);
  const text = typeof input.text === 'string' ? input.text.trim() : '';
  if (!text) throw new ClipsError('invalid-input', 'Nothing to save: the text is empty');
  if (!(CLIP_KINDS as readonly unknown[]).includes(input.kind)) {
    throw new ClipsError('invalid-input', `Unknown clip kind: ${String(input.kind)}`);
  }
  const site = siteOf(url);
  return withWords({
    key: clipKey(input.kind, url, text),
    url,
    title: input.title?.trim() || url,
    site,
    siteName: input.siteName?.trim() || site,
    lang: input.lang || 'und',
    savedAt,
    kind: input.kind,
    text,
    summary: input.summary ?? [],
    lead: input.lead?.trim() || null,
    figures: input.figures ?? [],
    related: input.related ?? [],
    note: (input.note ?? '').trim(),
    tags: normalizeTags(input.tags ?? []),
  });
}

/** Adds the search words: title, lead, text and the user's own note. */
export function withWords<T extends Omit<Clip, 'id'>>(clip: T): T & { words: string[] } {
  return { ...clip, words: wordKeys(clip.title, clip.lead, clip.text, clip.note) };
}

/** Selections of one page are separate clips, told apart by their text. */
export function clipKey(kind: ClipKind, cleanedUrl: string, text: string): string {
  const identity = urlIdentity(cleanedUrl);
  if (kind !== 'selection') return `${kind}|${identity}`;
  return `selection|${identity}|${hash53(text.normalize('NFC').replace(/\s+/g, ' ').trim())}`;
}

/** cyrb53: a fast 53-bit string hash; collisions between one user's selections of one page are negligible. */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

const MAX_TAG_LENGTH = 40;

/** Tags are compared as typed by a person: case, spacing and a leading "#" do not make a new tag. */
export function normalizeTags(tags: readonly string[]): string[] {
  const result = new Set<string>();
  for (const tag of tags) {
    const clean = tag
      .normalize('NFC')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^#+\s*/, '')
      .toLocaleLowerCase('vi')
      .slice(0, MAX_TAG_LENGTH)
      .trim();
    if (clean) result.add(clean);
  }
  return [...result];
}

/** "kinh tế, #Chính sách; đầu tư" → ["kinh tế", "chính sách", "đầu tư"]. */
export function parseTags(input: string): string[] {
  return normalizeTags(input.split(/[,;\n]/));
}

/**
 * Combines two versions of the same clip (a re-save, an import, an undo after a re-save) so that
 * nothing the user wrote is lost: the content comes from the later save, tags are united and notes
 * are kept both when they differ.
 */
export function mergeClips<T extends Omit<Clip, 'id'>>(existing: T, incoming: Omit<Clip, 'id'>): T & { words: string[] } {
  const newer = incoming.savedAt >= existing.savedAt ? incoming : existing;
  const older = newer === incoming ? existing : incoming;
  return withWords({
    ...existing,
    url: newer.url,
    title: newer.title,
    site: newer.site,
    siteName: newer.siteName,
    lang: newer.lang,
    savedAt: newer.savedAt,
    text: newer.text,
    summary: newer.summary,
    lead: newer.lead,
    figures: newer.figures,
    related: newer.related,
    note: mergeNotes(older.note, newer.note),
    tags: normalizeTags([...existing.tags, ...incoming.tags]),
  });
}

function mergeNotes(older: string, newer: string): string {
  const a = older.trim();
  const b = newer.trim();
  if (!a || b.includes(a)) return b;
  if (!b || a.includes(b)) return a;
  return `${a}\n\n${b}`;
}

/* ---------------------------------------------------------------------------------------------- */
/* Validation: the same checks guard imported files and records read back from the database.      */

/** Checks a stored row; returns the problems found (empty when the row is a complete clip). */
export function storedClipProblems(value: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(value)) return ['not an object'];
  if (!Number.isInteger(value.id)) problems.push('id');
  if (!isString(value.key)) problems.push('key');
  if (!isFiniteNumber(value.savedAt)) problems.push('savedAt');
  if (!isStringArray(value.words)) problems.push('words');
  contentProblems(value, problems);
  return problems;
}

/** Checks the fields a stored row and an exported clip share, adding the names of bad ones to `problems`. */
export function contentProblems(value: Record<string, unknown>, problems: string[]): void {
  for (const field of ['url', 'title', 'site', 'siteName', 'lang', 'text', 'note'] as const) {
    if (!isString(value[field])) problems.push(field);
  }
  // The clips page turns `url` into a link: only http(s) may get there.
  if (isString(value.url) && !cleanUrl(value.url)) problems.push('url');
  if (!(CLIP_KINDS as readonly unknown[]).includes(value.kind)) problems.push('kind');
  if (!isStringArray(value.summary)) problems.push('summary');
  if (value.lead !== null && !isString(value.lead)) problems.push('lead');
  if (!isStringArray(value.tags)) problems.push('tags');
  if (!Array.isArray(value.figures) || !value.figures.every(isFigure)) problems.push('figures');
  if (!Array.isArray(value.related) || !value.related.every(isRelatedStory)) problems.push('related');
}

function isFigure(value: unknown): value is Figure {
  return (
    isObject(value) &&
    isString(value.text) &&
    isFiniteNumber(value.value) &&
    isString(value.unit) &&
    isString(value.sentence) &&
    (value.where === 'lead' || value.where === 'text') &&
    Number.isInteger(value.start) &&
    Number.isInteger(value.end) &&
    Number.isInteger(value.sentenceIndex)
  );
}

function isRelatedStory(value: unknown): value is RelatedStory {
  return (
    isObject(value) &&
    isString(value.title) &&
    isString(value.url) &&
    (value.summary === undefined || isString(value.summary)) &&
    (value.image === undefined || isString(value.image)) &&
    (value.heading === undefined || isString(value.heading))
  );
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every(isString);
}
