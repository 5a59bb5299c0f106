import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The labels of a corpus page (see tests/corpus/README.md). */
export interface CorpusLabels {
  url: string;
  lang: string;
  title: string;
  lead: string | null;
  mustInclude: string[];
  mustExclude: string[];
  related: { heading: string | null; items: { title: string; url: string }[] };
  figures: { text: string; value: number; unit: string }[];
  notFigures: string[];
}

export interface CorpusPage {
  name: string;
  file: string;
  html: string;
  labels: CorpusLabels | null;
}

export const CORPUS_DIR = resolve(import.meta.dirname, '../../tests/corpus');

export function corpusPages(): CorpusPage[] {
  return readdirSync(CORPUS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      const dir = join(CORPUS_DIR, entry.name);
      const labelsFile = join(dir, 'expected.json');
      const file = join(dir, 'source.html');
      return {
        name: entry.name,
        file,
        html: readFileSync(file, 'utf8'),
        labels: existsSync(labelsFile) ? (JSON.parse(readFileSync(labelsFile, 'utf8')) as CorpusLabels) : null,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function labeledPages(): (CorpusPage & { labels: CorpusLabels })[] {
  return corpusPages().filter((page): page is CorpusPage & { labels: CorpusLabels } => page.labels !== null);
}

/** The corpus's fair text comparison: NFC, soft hyphens removed, white space collapsed, lower case. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\u00ad/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** URLs compare without query and fragment. */
export function normalizeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return url;
  }
}
