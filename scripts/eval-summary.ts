/**
 * Summary quality on the labeled corpus. On every page with a lead ("sapo"), the body without the
 * lead is summarized and the summary is scored against the lead, which the site's editors wrote
 * as the article's summary: ROUGE-1 and ROUGE-2 F1 over lower-cased syllable (word) tokens.
 * Loa's summarizer runs against Lead-3 and plain TextRank on the same sentences.
 *   npm run -s eval:summary
 */
import { parseHtml } from '../cli/html';
import type { Sentence } from '../lib/article';
import { extractArticle } from '../lib/extract';
import { extractFigures } from '../lib/figures';
import { lead3, textRank } from '../lib/summarize/baselines';
import { summarize, summaryLength } from '../lib/summarize';
import { rouge } from '../lib/summarize/rouge';
import { tokenize } from '../lib/text/tokens';
import { labeledPages, normalizeText } from '../tests/support/corpus';

type System = 'lead3' | 'textrank' | 'loa';
const SYSTEMS: System[] = ['lead3', 'textrank', 'loa'];
const NAMES: Record<System, string> = { lead3: 'Lead-3', textrank: 'TextRank', loa: 'Loa' };

interface Row {
  page: string;
  lang: string;
  sentences: number;
  scores: Record<System, { r1: number; r2: number }>;
}

function evaluate(k: (sentences: Sentence[]) => number) {
  const rows: Row[] = [];
  const skipped: string[] = [];
  let milliseconds = 0;
  for (const page of labeledPages()) {
    const reference = page.labels.lead;
    if (!reference) continue;
    const result = extractArticle(parseHtml(page.html, page.labels.url), { url: page.labels.url });
    if (!result.ok) {
      skipped.push(`${page.name} (${result.message})`);
      continue;
    }
    const { article } = result;
    // The extractor's lead can differ from the labeled one; then the labeled lead must not stay in the body.
    const lead = normalizeText(reference);
    const sentences = article.sentences.filter((sentence) => !lead.includes(normalizeText(sentence.text)) || tokenize(sentence.text).length < 5);
    const figures = extractFigures({ text: article.text, lead: null, lang: article.lang, sentences });
    const n = k(sentences);
    const started = performance.now();
    const loa = summarize({ text: article.text, sentences, lead: null, lang: article.lang, figures }, { minSentences: n, maxSentences: n });
    milliseconds += performance.now() - started;
    const summaries: Record<System, string[]> = { lead3: lead3(sentences, n), textrank: textRank(sentences, n), loa };
    const scores = {} as Row['scores'];
    for (const system of SYSTEMS) {
      const summary = summaries[system].join(' ');
      scores[system] = { r1: rouge(summary, reference, 1).f1, r2: rouge(summary, reference, 2).f1 };
    }
    rows.push({ page: page.name, lang: article.lang, sentences: sentences.length, scores });
  }
  return { rows, skipped, milliseconds };
}

const pct = (value: number) => (100 * value).toFixed(1).padStart(5);
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);

function report(title: string, { rows, skipped, milliseconds }: ReturnType<typeof evaluate>, perPage: boolean) {
  console.log(`\n${title}`);
  const header = SYSTEMS.map((system) => `${NAMES[system]} R1/R2`.padStart(16)).join('');
  if (perPage) {
    console.log(`${'page'.padEnd(44)}${'lang'.padEnd(5)}${'sent'.padStart(5)}${header}`);
    for (const row of rows) {
      const cells = SYSTEMS.map((system) => `${pct(row.scores[system].r1)} /${pct(row.scores[system].r2)}`.padStart(16)).join('');
      console.log(`${row.page.padEnd(44)}${row.lang.padEnd(5)}${String(row.sentences).padStart(5)}${cells}`);
    }
  }
  const averages = SYSTEMS.map((system) => ({
    system,
    r1: mean(rows.map((row) => row.scores[system].r1)),
    r2: mean(rows.map((row) => row.scores[system].r2)),
  }));
  const cells = averages.map(({ r1, r2 }) => `${pct(r1)} /${pct(r2)}`.padStart(16)).join('');
  console.log(`${`mean over ${rows.length} pages (ROUGE F1, %)`.padEnd(54)}${cells}`);
  const wins = (other: System) => rows.filter((row) => row.scores.loa.r2 > row.scores[other].r2).length;
  const ties = (other: System) => rows.filter((row) => row.scores.loa.r2 === row.scores[other].r2).length;
  console.log(
    `Loa ROUGE-2 better/tied on ${wins('lead3')}/${ties('lead3')} pages vs Lead-3, ${wins('textrank')}/${ties('textrank')} vs TextRank; ` +
      `Loa summarizer ${(milliseconds / Math.max(1, rows.length)).toFixed(1)} ms per page`,
  );
  if (skipped.length) console.log(`skipped: ${skipped.join('; ')}`);
  return averages;
}

const fixed = report('Three sentences each (Lead-3, TextRank top-3, Loa with 3 sentences)', evaluate(() => 3), true);
report(
  "Loa's own length (3-5 sentences by article length); Lead-k and TextRank top-k get the same k",
  evaluate((sentences) => summaryLength(sentences.reduce((sum, sentence) => sum + tokenize(sentence.text).length, 0), 3, 5)),
  false,
);

const [lead, textrank, loa] = fixed;
const beats = loa!.r2 > lead!.r2 && loa!.r2 > textrank!.r2;
console.log(`\nLoa ${beats ? 'beats' : 'does NOT beat'} both baselines on mean ROUGE-2 (three sentences each).`);
process.exitCode = beats ? 0 : 1;
