/** The clip record, how it is built from what the user saved, validated, and merged. */
import type { Article, Figure, RelatedStory } from '../article';
import { squeeze } from '../text/whitespace';
import { ClipsError } from './errors';
import { indexTerms } from './fold';
import { hash53 } from './hash';
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

/** A clip before it has a database id. */
export type NewClip = Omit<Clip, 'id'>;

/** The fields kept out of the `clips` table, so that listing and counting stay cheap. */
type BodyField = 'text' | 'summary' | 'figures' | 'related';

/**
 * A row of the `clips` table: everything the list shows. The text itself is in `ClipBody`; Chromium
 * reads whole rows when it counts or walks a table, and 10,000 full articles made the first page slow.
 */
export interface ClipRow extends Omit<Clip, BodyField> {
  /** The opening of the text, cut at a word. */
  excerpt: string;
}

/** A row of the `bodies` table, under its clip's id. */
export type ClipBody = Pick<Clip, 'id' | BodyField>;

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
  return {
    url: page.url,
    title: page.title,
    siteName: page.siteName,
    lang: page.lang,
    kind: 'selection',
    text: selection,
  };
}

/**
 * Upper bounds on what one clip may hold. A save message or an import file can carry anything: a
 * 1 MB single-word title once took 93 s to import and stopped the clips page rendering. Longer
 * strings are cut, extra list entries dropped.
 */
export const FIELD_LIMITS = {
  url: 4096,
  title: 500,
  siteName: 200,
  lang: 35,
  lead: 5_000,
  /** About 150,000 words: far beyond any news article. */
  text: 1_000_000,
  note: 20_000,
  summarySentences: 20,
  sentence: 2_000,
  figures: 50,
  related: 100,
  tags: 50,
} as const;

/**
 * Builds the clip for `input`, or explains what is missing. Saves and imports both come through
 * here, so both get the checks the store applies on read: figures of the right shape, related
 * stories with http(s) links only (a `javascript:` or `data:` link is dropped), capped lengths.
 */
export function buildClip(input: ClipInput, savedAt: number): NewClip {
  const url = isString(input.url) && input.url.length <= FIELD_LIMITS.url ? cleanUrl(input.url) : null;
  if (!url) throw new ClipsError('invalid-input', `Not a web address: ${String(input.url).slice(0, 200)}`);
  const text = isString(input.text) ? cap(input.text.trim(), FIELD_LIMITS.text) : '';
  if (!text) throw new ClipsError('invalid-input', 'Nothing to save: the text is empty');
  if (!(CLIP_KINDS as readonly unknown[]).includes(input.kind)) {
    throw new ClipsError('invalid-input', `Unknown clip kind: ${String(input.kind).slice(0, 200)}`);
  }
  const site = siteOf(url);
  return {
    key: clipKey(input.kind, url, text),
    url,
    title: cappedLine(input.title, FIELD_LIMITS.title) || url,
    site,
    siteName: cappedLine(input.siteName, FIELD_LIMITS.siteName) || site,
    lang: cappedLine(input.lang, FIELD_LIMITS.lang) || 'und',
    savedAt,
    kind: input.kind,
    text,
    summary: stringsOf(input.summary)
      .slice(0, FIELD_LIMITS.summarySentences)
      .map((sentence) => cap(sentence, FIELD_LIMITS.sentence)),
    lead: cappedLine(input.lead, FIELD_LIMITS.lead) || null,
    figures: (Array.isArray(input.figures) ? input.figures : [])
      .filter(isFigure)
      .slice(0, FIELD_LIMITS.figures)
      .map(cappedFigure),
    related: cleanRelated(input.related),
    note: isString(input.note) ? cap(input.note.trim(), FIELD_LIMITS.note) : '',
    tags: normalizeTags(stringsOf(input.tags).slice(0, FIELD_LIMITS.tags)),
  };
}

function cap(text: string, limit: number): string {
  return text.length <= limit ? text : text.slice(0, limit).trimEnd();
}

function cappedLine(value: unknown, limit: number): string {
  return isString(value) ? cap(value.trim(), limit) : '';
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter(isString) : [];
}

function cappedFigure(figure: Figure): Figure {
  return {
    ...figure,
    text: cap(figure.text, FIELD_LIMITS.sentence),
    unit: cap(figure.unit, FIELD_LIMITS.sentence),
    sentence: cap(figure.sentence, FIELD_LIMITS.sentence),
  };
}

/** Related stories of the right shape with an http(s) link, the link cleaned as the clip's own. */
function cleanRelated(value: unknown): RelatedStory[] {
  const stories: RelatedStory[] = [];
  for (const story of Array.isArray(value) ? value : []) {
    if (stories.length >= FIELD_LIMITS.related) break;
    if (!isRelatedStory(story) || story.url.length > FIELD_LIMITS.url) continue;
    const url = cleanUrl(story.url);
    if (!url) continue;
    const clean: RelatedStory = { title: cap(story.title.trim(), FIELD_LIMITS.title) || url, url };
    if (story.summary !== undefined) clean.summary = cap(story.summary, FIELD_LIMITS.sentence);
    if (story.image !== undefined) clean.image = cap(story.image, FIELD_LIMITS.url);
    if (story.heading !== undefined) clean.heading = cap(story.heading, FIELD_LIMITS.title);
    stories.push(clean);
  }
  return stories;
}

/** The two rows a clip is stored as. */
export function splitClip(clip: Clip): { row: ClipRow; body: ClipBody } {
  const { text, summary, figures, related, ...meta } = clip;
  return { row: { ...meta, excerpt: excerpt(text) }, body: { id: clip.id, text, summary, figures, related } };
}

/** The search terms of a stored clip, or none when it is too damaged to have been indexed. */
export function termsOf(row: ClipRow, body: ClipBody | undefined): string[] {
  if (!isString(row.title) || !isString(body?.text)) return [];
  return indexTerms({
    title: row.title,
    lead: isString(row.lead) ? row.lead : null,
    text: body.text,
    note: isString(row.note) ? row.note : '',
  });
}

export function joinClip(row: ClipRow, body: ClipBody): Clip {
  const { excerpt: _excerpt, ...meta } = row;
  return { ...meta, text: body.text, summary: body.summary, figures: body.figures, related: body.related };
}

const EXCERPT_LENGTH = 280;

/** The opening of `text`, cut at a word boundary. */
function excerpt(text: string): string {
  const flat = squeeze(text);
  if (flat.length <= EXCERPT_LENGTH) return flat;
  const cut = flat.slice(0, EXCERPT_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${(space > EXCERPT_LENGTH / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

/** Selections of one page are separate clips, told apart by their text. */
export function clipKey(kind: ClipKind, cleanedUrl: string, text: string): string {
  const identity = urlIdentity(cleanedUrl);
  if (kind !== 'selection') return `${kind}|${identity}`;
  // Collisions between one user's selections of one page are negligible at 53 bits.
  return `selection|${identity}|${hash53(squeeze(text.normalize('NFC'))).toString(36)}`;
}

const MAX_TAG_LENGTH = 40;

/** Tags are compared as typed by a person: case, spacing and a leading "#" do not make a new tag. */
export function normalizeTags(tags: readonly string[]): string[] {
  const result = new Set<string>();
  for (const tag of tags) {
    const clean = squeeze(tag.normalize('NFC'))
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
 * are kept both when they differ. Id and key stay those of `existing`.
 */
export function mergeClips<T extends NewClip>(existing: T, incoming: NewClip): T {
  const newer = incoming.savedAt >= existing.savedAt ? incoming : existing;
  const older = newer === incoming ? existing : incoming;
  return {
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
  };
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

/** Checks a `clips` row; returns the names of the bad fields (none for a complete row). */
export function rowProblems(value: unknown): string[] {
  if (!isObject(value)) return ['not an object'];
  const problems: string[] = [];
  if (!Number.isInteger(value.id)) problems.push('id');
  if (!isString(value.key)) problems.push('key');
  if (!isFiniteNumber(value.savedAt)) problems.push('savedAt');
  if (!isString(value.excerpt)) problems.push('excerpt');
  metaProblems(value, problems);
  return problems;
}

/** Checks a `bodies` row. */
export function bodyProblems(value: unknown): string[] {
  if (!isObject(value)) return ['body'];
  const problems: string[] = [];
  contentProblems(value, problems);
  return problems;
}

/** Checks what a clip says about its page and what the user added, adding the names of bad fields to `problems`. */
export function metaProblems(value: Record<string, unknown>, problems: string[]): void {
  for (const field of ['url', 'title', 'site', 'siteName', 'lang', 'note'] as const) {
    if (!isString(value[field])) problems.push(field);
  }
  // The clips page turns `url` into a link: only http(s) may get there.
  if (isString(value.url) && !cleanUrl(value.url)) problems.push('url');
  if (!(CLIP_KINDS as readonly unknown[]).includes(value.kind)) problems.push('kind');
  if (value.lead !== null && !isString(value.lead)) problems.push('lead');
  if (!isStringArray(value.tags)) problems.push('tags');
}

/** Checks the saved content itself. */
export function contentProblems(value: Record<string, unknown>, problems: string[]): void {
  if (!isString(value.text) || !value.text.trim()) problems.push('text');
  if (!isStringArray(value.summary)) problems.push('summary');
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
    Number.isInteger(value.sentenceIndex) &&
    (value.context === undefined || isFigureContext(value.context))
  );
}

function isFigureContext(value: unknown): boolean {
  return (
    isObject(value) &&
    isString(value.text) &&
    value.text.length <= FIELD_LIMITS.sentence &&
    Number.isInteger(value.start) &&
    Number.isInteger(value.end) &&
    (value.start as number) >= 0 &&
    (value.start as number) <= (value.end as number) &&
    (value.end as number) <= value.text.length
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
