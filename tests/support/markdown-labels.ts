import type { MarkdownLabels } from '../../lib/clips';

/** The Markdown export's English labels, as the clips page passes them, with dates as ISO days so output is stable. */
export const ENGLISH_MARKDOWN_LABELS: MarkdownLabels = {
  heading: 'Loa — saved clips',
  exportedAt: 'Exported',
  source: 'Source',
  savedAt: 'Saved',
  kind: 'Kind',
  kinds: { article: 'Article', selection: 'Selection', summary: 'Summary' },
  tags: 'Tags',
  summary: 'Summary',
  figures: 'Key figures',
  related: 'Related',
  note: 'Note',
  formatDate: (ms) => new Date(ms).toISOString().slice(0, 10),
};
