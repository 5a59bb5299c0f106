/** The clips file formats: versioned JSON (complete, re-importable) and Markdown (for reading). */
import { ClipsError } from './errors';
import { type Clip, type ClipKind, type NewClip, clipKey, contentProblems, isObject, isString, metaProblems, normalizeTags } from './model';
import { cleanUrl, siteOf } from './url';

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

/**
 * Reads an export file completely before anything is written, so a bad file changes nothing.
 * Returns clips ready to merge (keys and sites derived here, not trusted from the file).
 */
export function parseImport(text: string): NewClip[] {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new ClipsError('invalid-import', 'The file is not JSON', { messageKey: 'clips_import_error_not_json', cause: error });
  }
  if (!isObject(document) || document.format !== EXPORT_FORMAT || !Array.isArray(document.clips)) {
    throw new ClipsError('invalid-import', 'The file is not a Loa clips export', { messageKey: 'clips_import_error_foreign' });
  }
  const version = document.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new ClipsError('invalid-import', `Unknown export version ${String(version)}`, { messageKey: 'clips_import_error_foreign' });
  }
  if (version > EXPORT_VERSION) {
    throw new ClipsError('invalid-import', `The file comes from a newer Loa (format version ${version})`, {
      messageKey: 'clips_import_error_newer',
      substitutions: [String(version)],
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
  return (document.clips as ExportedClip[]).map(fromExported);
}

function exportedClipProblems(value: unknown): string[] {
  if (!isObject(value)) return ['not an object'];
  const problems: string[] = [];
  if (!isString(value.savedAt) || !Number.isFinite(Date.parse(value.savedAt))) problems.push('savedAt');
  metaProblems(value, problems);
  contentProblems(value, problems);
  return problems;
}

function fromExported(clip: ExportedClip): NewClip {
  const url = cleanUrl(clip.url)!;
  const text = clip.text.trim();
  return {
    key: clipKey(clip.kind, url, text),
    url,
    title: clip.title.trim() || url,
    site: siteOf(url),
    siteName: clip.siteName.trim() || siteOf(url),
    lang: clip.lang || 'und',
    savedAt: Date.parse(clip.savedAt),
    kind: clip.kind,
    text,
    summary: clip.summary,
    lead: clip.lead,
    figures: clip.figures,
    related: clip.related,
    note: clip.note.trim(),
    tags: normalizeTags(clip.tags),
  };
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
  const out: string[] = [`# ${escapeInline(labels.heading)}`, '', `${escapeInline(labels.exportedAt)}: ${labels.formatDate(exportedAt)}`];
  for (const clip of clips) {
    out.push('', '---', '', `## ${escapeInline(clip.title)}`, '');
    out.push(`- ${escapeInline(labels.source)}: ${link(clip.siteName, clip.url)}`);
    out.push(`- ${escapeInline(labels.savedAt)}: ${labels.formatDate(clip.savedAt)}`);
    out.push(`- ${escapeInline(labels.kind)}: ${escapeInline(labels.kinds[clip.kind])}`);
    if (clip.tags.length > 0) out.push(`- ${escapeInline(labels.tags)}: ${clip.tags.map((tag) => escapeInline(`#${tag}`)).join(', ')}`);
    if (clip.lead) out.push('', `**${escapeInline(clip.lead)}**`);
    out.push('', ...paragraphs(clip.text));
    // A summary clip's text already is the summary.
    if (clip.kind !== 'summary' && clip.summary.length > 0) {
      out.push('', `### ${escapeInline(labels.summary)}`, '', ...clip.summary.map((sentence) => `- ${escapeInline(sentence)}`));
    }
    if (clip.figures.length > 0) {
      out.push('', `### ${escapeInline(labels.figures)}`, '', ...clip.figures.map((figure) => `- ${escapeInline(figure.text)}`));
    }
    if (clip.related.length > 0) {
      out.push('', `### ${escapeInline(labels.related)}`, '', ...clip.related.map((story) => `- ${link(story.title, story.url)}`));
    }
    if (clip.note) {
      out.push('', `### ${escapeInline(labels.note)}`, '', ...clip.note.split('\n').map((line) => `> ${escapeInline(line)}`.trimEnd()));
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
