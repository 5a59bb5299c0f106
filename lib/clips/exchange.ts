/** The clips file formats: versioned JSON (complete, re-importable) and Markdown (for reading). */
import { ClipsError } from './errors';
import {
  type Clip,
  type ClipKind,
  type NewClip,
  buildClip,
  contentProblems,
  isObject,
  isString,
  metaProblems,
} from './model';
import { cleanUrl } from './url';

export const EXPORT_FORMAT = 'loa-clips';
/** Bump when the exported clip shape changes, and teach `parseImport` to read the older versions. */
export const EXPORT_VERSION = 1;

/** A clip in a file: no database id or derived keys, and the date as ISO 8601 for people and other tools. */
export type ExportedClip = Omit<Clip, 'id' | 'key' | 'savedAt'> & { savedAt: string };

export interface ExportDocument {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  clips: ExportedClip[];
}

export function toExportDocument(clips: readonly Clip[], exportedAt: number): ExportDocument {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date(exportedAt).toISOString(),
    clips: clips.map((clip) => ({
      url: clip.url,
      title: clip.title,
      site: clip.site,
      siteName: clip.siteName,
      lang: clip.lang,
      savedAt: new Date(clip.savedAt).toISOString(),
      kind: clip.kind,
      text: clip.text,
      summary: clip.summary,
      lead: clip.lead,
      figures: clip.figures,
      related: clip.related,
      note: clip.note,
      tags: clip.tags,
    })),
  };
}

/** Larger files are refused before they are parsed: a 50 MB file would freeze the page while it is read. */
export const MAX_IMPORT_BYTES = 40 * 1024 * 1024;
/** More clips than anyone saves by hand; 100,000 took five minutes to write. */
export const MAX_IMPORT_CLIPS = 50_000;
/** Keys that mean something to JavaScript objects; a Loa export never contains them. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Reads an export file completely before anything is written, so a bad file changes nothing.
 * Returns clips ready to merge, built by `buildClip` as a save is (keys and sites derived here, not
 * trusted from the file; lengths capped; non-http related links dropped).
 */
export function parseImport(text: string): NewClip[] {
  const bytes = utf8Length(text);
  if (bytes > MAX_IMPORT_BYTES) {
    throw new ClipsError('invalid-import', `The file is too large (${megabytes(bytes)} MB)`, {
      messageKey: 'clips_import_error_too_large',
      substitutions: [megabytes(bytes), megabytes(MAX_IMPORT_BYTES)],
    });
  }
  let document: unknown;
  let unsafeKey: string | null = null;
  try {
    document = JSON.parse(text, function (key, value: unknown) {
      if (UNSAFE_KEYS.has(key)) unsafeKey = key;
      return value;
    });
  } catch (error) {
    throw new ClipsError('invalid-import', 'The file is not JSON', {
      messageKey: 'clips_import_error_not_json',
      cause: error,
    });
  }
  if (unsafeKey !== null) {
    throw new ClipsError('invalid-import', `The file contains the key "${unsafeKey}", which no Loa export has`, {
      messageKey: 'clips_import_error_edited',
      substitutions: [unsafeKey],
    });
  }
  if (!isObject(document) || document.format !== EXPORT_FORMAT || !Array.isArray(document.clips)) {
    throw new ClipsError('invalid-import', 'The file is not a Loa clips export', {
      messageKey: 'clips_import_error_foreign',
    });
  }
  const version = document.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new ClipsError('invalid-import', `Unknown export version ${String(version)}`, {
      messageKey: 'clips_import_error_foreign',
    });
  }
  if (version > EXPORT_VERSION) {
    throw new ClipsError('invalid-import', `The file comes from a newer Loa (format version ${version})`, {
      messageKey: 'clips_import_error_newer',
      substitutions: [String(version)],
    });
  }
  if (document.clips.length > MAX_IMPORT_CLIPS) {
    throw new ClipsError('invalid-import', `The file holds ${document.clips.length} clips`, {
      messageKey: 'clips_import_error_too_many',
      substitutions: [String(document.clips.length), String(MAX_IMPORT_CLIPS)],
    });
  }
  const damaged: { position: number; problems: string[] }[] = [];
  document.clips.forEach((entry: unknown, index: number) => {
    const problems = exportedClipProblems(entry);
    if (problems.length > 0) damaged.push({ position: index + 1, problems });
  });
  if (damaged.length > 0) {
    const first = damaged[0]!;
    throw new ClipsError(
      'invalid-import',
      `${damaged.length} damaged clip(s); clip ${first.position}: ${first.problems.join(', ')}`,
      { substitutions: [String(first.position), first.problems.join(', '), String(damaged.length)] },
    );
  }
  const clips = (document.clips as ExportedClip[]).map((clip) => buildClip(clip, Date.parse(clip.savedAt)));
  // An export holds each clip once (the store keeps keys unique): a repeat means the file was edited.
  const positions = new Map<string, number>();
  clips.forEach((clip, index) => {
    const earlier = positions.get(clip.key);
    if (earlier !== undefined) {
      throw new ClipsError('invalid-import', `Clips ${earlier + 1} and ${index + 1} are the same clip`, {
        messageKey: 'clips_import_error_duplicate',
        substitutions: [String(earlier + 1), String(index + 1)],
      });
    }
    positions.set(clip.key, index);
  });
  return clips;
}

function exportedClipProblems(value: unknown): string[] {
  if (!isObject(value)) return ['not an object'];
  const problems: string[] = [];
  if (!isString(value.savedAt) || !Number.isFinite(Date.parse(value.savedAt))) problems.push('savedAt');
  metaProblems(value, problems);
  contentProblems(value, problems);
  return problems;
}

/**
 * UTF-8 size of `text` without encoding it; exact only when it is near the limit, since a UTF-16
 * unit is one to three bytes: below a third of the limit the length is returned (a lower bound that
 * passes), above the limit too (a lower bound that fails).
 */
function utf8Length(text: string): number {
  if (text.length > MAX_IMPORT_BYTES || text.length * 3 <= MAX_IMPORT_BYTES) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code < 0xdc00 ? (i++, 4) : 3;
  }
  return bytes;
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

/* ---------------------------------------------------------------------------------------------- */

/** The words of a Markdown export, in the reader's language (the clips page takes them from `_locales`). */
export interface MarkdownLabels {
  heading: string;
  exportedAt: string;
  source: string;
  savedAt: string;
  kind: string;
  kinds: Record<ClipKind, string>;
  tags: string;
  summary: string;
  figures: string;
  related: string;
  note: string;
  formatDate: (epochMs: number) => string;
}

export function renderMarkdown(clips: readonly Clip[], labels: MarkdownLabels, exportedAt: number): string {
  const out: string[] = [
    `# ${escapeInline(labels.heading)}`,
    '',
    `${escapeInline(labels.exportedAt)}: ${labels.formatDate(exportedAt)}`,
  ];
  for (const clip of clips) {
    out.push('', '---', '', `## ${escapeInline(clip.title)}`, '');
    out.push(`- ${escapeInline(labels.source)}: ${link(clip.siteName, clip.url)}`);
    out.push(`- ${escapeInline(labels.savedAt)}: ${labels.formatDate(clip.savedAt)}`);
    out.push(`- ${escapeInline(labels.kind)}: ${escapeInline(labels.kinds[clip.kind])}`);
    if (clip.tags.length > 0)
      out.push(`- ${escapeInline(labels.tags)}: ${clip.tags.map((tag) => escapeInline(`#${tag}`)).join(', ')}`);
    if (clip.lead) out.push('', `**${escapeInline(clip.lead)}**`);
    out.push('', ...paragraphs(clip.text));
    // A summary clip's text already is the summary.
    if (clip.kind !== 'summary' && clip.summary.length > 0) {
      out.push(
        '',
        `### ${escapeInline(labels.summary)}`,
        '',
        ...clip.summary.map((sentence) => `- ${escapeInline(sentence)}`),
      );
    }
    if (clip.figures.length > 0) {
      out.push(
        '',
        `### ${escapeInline(labels.figures)}`,
        '',
        ...clip.figures.map((figure) => `- ${escapeInline(figure.text)}`),
      );
    }
    if (clip.related.length > 0) {
      out.push(
        '',
        `### ${escapeInline(labels.related)}`,
        '',
        ...clip.related.map((story) => `- ${link(story.title, story.url)}`),
      );
    }
    if (clip.note) {
      out.push(
        '',
        `### ${escapeInline(labels.note)}`,
        '',
        ...clip.note.split('\n').map((line) => `> ${escapeInline(line)}`.trimEnd()),
      );
    }
  }
  return `${out.join('\n')}\n`;
}

function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => escapeBlock(paragraph.trim()))
    .filter(Boolean)
    .flatMap((paragraph, index) => (index === 0 ? [paragraph] : ['', paragraph]));
}

/**
 * What Markdown reads as formatting, a link, an image or HTML: emphasis and code marks, brackets
 * and parentheses (a viewer may take "![x](url)" in a link's text for an image even when a
 * bracket is escaped), "!", "<" and ">" (HTML and autolinks), "&" (entities), table pipes and
 * strike-through.
 */
const MARKDOWN_SYNTAX = /[\\`*_[\]()!<>&|~]/g;

/** Page text is data: characters Markdown would read as formatting are escaped. */
function escapeInline(text: string): string {
  return text.replace(MARKDOWN_SYNTAX, '\\$&').replace(/\s*\n\s*/g, ' ');
}

/** Like escapeInline, but keeps line breaks and escapes what would start a heading, quote or list. */
function escapeBlock(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line
        .replace(MARKDOWN_SYNTAX, '\\$&')
        .replace(/^(\s*)(#|[-+]\s)/, '$1\\$2')
        .replace(/^(\s*\d+)([.)]\s)/, '$1\\$2'),
    )
    .join('\n');
}

function link(text: string, url: string): string {
  // Only http(s) links: a javascript: URL in a file must not become clickable in a Markdown viewer.
  // Nor one with userinfo: "http://gov.vn@other.example/" reads as one site and opens another.
  const safe = cleanUrl(url);
  const { username, password } = safe ? new URL(safe) : { username: '', password: '' };
  return safe && !username && !password ? `[${escapeInline(text)}](<${safe}>)` : escapeInline(text);
}
