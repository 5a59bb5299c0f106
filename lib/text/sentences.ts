import type { Sentence } from '../article';

/**
 * Splits plain text (paragraphs separated by blank lines) into sentences with their offsets.
 * Paragraph breaks always end a sentence; inside a paragraph Intl.Segmenter proposes boundaries.
 */
export function splitSentences(text: string, lang: string): Sentence[] {
  const sentences: Sentence[] = [];
  const segmenter = new Intl.Segmenter(lang || 'und', { granularity: 'sentence' });
  let paragraph = 0;
  const paragraphPattern = /[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g;
  for (const match of text.matchAll(paragraphPattern)) {
    const base = match.index ?? 0;
    for (const segment of segmenter.segment(match[0])) {
      const trimmed = segment.segment.trim();
      if (!trimmed) continue;
      const start = base + segment.index + segment.segment.indexOf(trimmed);
      sentences.push({ text: trimmed, start, end: start + trimmed.length, paragraph });
    }
    paragraph++;
  }
  return sentences;
}
