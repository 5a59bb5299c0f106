/**
 * Extraction quality, Loa against plain Readability in one run:
 * 1. the extraction-990 dev set, pooled fragment P/R/F1 as its README defines it (a rejected page
 *    is an empty body), for each parser asked for;
 * 2. the labeled corpus: body fragments found, furniture kept out, title and lead.
 *   npm run -s eval:extract [-- --failures] [--pages N] [--parser cli|happy-dom|linkedom|jsdom]... [--before DIR]
 * --failures prints each dev-set page where Loa misses or leaks a fragment; --pages N scores a
 * fixed slice of N pages; --parser (repeatable) picks the HTML parsers to compare (default: the
 * CLI's); --before DIR adds a row for the extractor of another checkout (e.g. a worktree of the
 * commit before a change) on the same parsed pages, so before and after come from one run, and
 * lists every page whose score it changes (fragments found and leaked, before → after).
 */
import { resolve } from 'node:path';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { parseHTML } from 'linkedom';
import { Window } from 'happy-dom';
import { parseHtml } from '../cli/html';
import { extractArticle } from '../lib/extract';
import { labeledPages, normalizeText } from './lib/corpus';
import { DEVSETS_MISSING, devsetsAvailable } from './lib/devsets';
import { devPages, devSlice, pageAddress, pageHtml, pool, scorePage, type PageScore } from './lib/extraction-990';

interface Parsed {
  document: Document;
  close(): Promise<void> | void;
}
type Parser = (html: string, url: string | undefined) => Parsed;

const PARSERS: Record<string, Parser> = {
  cli: (html, url) => ({ document: parseHtml(html, url), close: () => {} }),
  'happy-dom': (html, url) => {
    const window = new Window({
      url,
      settings: {
        disableJavaScriptEvaluation: true,
        disableJavaScriptFileLoading: true,
        disableCSSFileLoading: true,
        disableIframePageLoading: true,
      },
    });
    window.document.write(html);
    return { document: window.document as unknown as Document, close: () => window.happyDOM.close() };
  },
  linkedom: (html) => ({ document: parseHTML(html).document as unknown as Document, close: () => {} }),
  jsdom: (html, url) => {
    const dom = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
    return { document: dom.window.document as unknown as Document, close: () => dom.window.close() };
  },
};

const args = process.argv.slice(2);
const showFailures = args.includes('--failures');
const pagesArgument = args.indexOf('--pages');
const pageCount = pagesArgument >= 0 ? Number(args[pagesArgument + 1]) : 0;
const parserNames = args.flatMap((argument, index) => (args[index - 1] === '--parser' ? [argument] : []));
for (const name of parserNames)
  if (!PARSERS[name]) throw new Error(`unknown parser ${name} (${Object.keys(PARSERS).join(', ')})`);
if (parserNames.length === 0) parserNames.push('cli');

const beforeArgument = args.indexOf('--before');
const before =
  beforeArgument >= 0
    ? (
        (await import(resolve(args[beforeArgument + 1]!, 'lib/extract/index.ts'))) as {
          extractArticle: typeof extractArticle;
        }
      ).extractArticle
    : null;

const f = (value: number) => value.toFixed(3);

function loaBody(document: Document, url: string | undefined, extract = extractArticle): string | null {
  const result = extract(document, { url, parseHtml });
  return result.ok ? `${result.article.lead ?? ''}\n\n${result.article.text}` : null;
}

function readabilityBody(document: Document): string | null {
  return new Readability(document).parse()?.textContent ?? null;
}

async function evalDevset(): Promise<void> {
  if (!devsetsAvailable()) {
    console.log(`extraction-990: skipped, ${DEVSETS_MISSING}`);
    return;
  }
  const all = devPages();
  const pages = pageCount ? devSlice(all, pageCount) : all;
  console.log(`extraction-990: ${pages.length} pages, pooled fragment P/R/F1 (a rejected page is an empty body)`);
  console.log('extractor'.padEnd(28), 'P'.padEnd(6), 'R'.padEnd(6), 'F1'.padEnd(7), 'empty', ' ms/page');
  const rows: { name: string; scores: { score: PageScore; empty: boolean; file: string }[]; ms: number }[] = [];
  // Loa's body per page under the first parser, to count the pages another parser changes.
  const firstBodies: (string | null)[] = [];
  const differing: Record<string, number> = {};
  for (const parserName of parserNames) {
    const parse = PARSERS[parserName]!;
    const loa: (typeof rows)[number] = { name: `Loa (${parserName})`, scores: [], ms: 0 };
    const plain: (typeof rows)[number] = { name: `Readability (${parserName})`, scores: [], ms: 0 };
    const loaBefore: (typeof rows)[number] = { name: `Loa before (${parserName})`, scores: [], ms: 0 };
    for (const page of pages) {
      const html = pageHtml(page);
      const url = pageAddress(page);
      const runs: [(typeof rows)[number], (document: Document) => string | null][] = [
        [loa, (document) => loaBody(document, url)],
        [plain, readabilityBody],
      ];
      if (before) runs.push([loaBefore, (document) => loaBody(document, url, before)]);
      for (const [row, run] of runs) {
        const start = performance.now();
        const parsed = parse(html, url);
        let body: string | null;
        try {
          body = run(parsed.document);
        } catch {
          body = null;
        }
        await parsed.close();
        // jsdom frees a closed window only once the event loop turns.
        await new Promise((resolve) => setImmediate(resolve));
        row.ms += performance.now() - start;
        row.scores.push({ score: scorePage(body ?? '', page), empty: !body?.trim(), file: page.file });
        if (row === loa) {
          const index = loa.scores.length - 1;
          if (parserName === parserNames[0]) firstBodies.push(body);
          else if (firstBodies[index] !== body) differing[parserName] = (differing[parserName] ?? 0) + 1;
        }
      }
    }
    rows.push(loa, plain);
    if (before) rows.push(loaBefore);
    if (showFailures) printFailures(loa.scores, plain.scores);
  }
  for (const row of rows) {
    const p = pool(row.scores);
    console.log(
      row.name.padEnd(28),
      f(p.precision).padEnd(6),
      f(p.recall).padEnd(6),
      // Four places: the goal is 0.93, and 0.9296 would print as 0.930.
      p.f1.toFixed(4).padEnd(7),
      String(p.empty).padEnd(5),
      (row.ms / pages.length).toFixed(0).padStart(8),
    );
  }
  for (let i = 0; i + 1 < rows.length; i += before ? 3 : 2) {
    const [loa, plain] = [rows[i]!, rows[i + 1]!];
    const lostByLoa = loa.scores.filter((entry, index) => entry.empty && !plain.scores[index]!.empty).length;
    console.log(`${loa.name}: ${lostByLoa} empty pages that plain Readability reads`);
  }
  for (const name of parserNames.slice(1))
    console.log(`Loa's body differs from ${parserNames[0]} on ${differing[name] ?? 0} pages with ${name}`);
  if (before) for (let i = 0; i + 2 < rows.length; i += 3) printChanges(rows[i + 2]!.scores, rows[i]!.scores);
}

/** Pages whose score the change moves: found and leaked fragments before → after, losses first. */
function printChanges(
  previous: { score: PageScore; file: string }[],
  current: { score: PageScore; file: string }[],
): void {
  const changes = current
    .map((entry, index) => {
      const old = previous[index]!.score;
      const gain = entry.score.truePositives - old.truePositives - (entry.score.falsePositives - old.falsePositives);
      return { file: entry.file, old, now: entry.score, gain };
    })
    .filter(({ old, now }) => old.truePositives !== now.truePositives || old.falsePositives !== now.falsePositives)
    .sort((a, b) => a.gain - b.gain);
  const lost = changes.filter((change) => change.gain < 0).length;
  console.log(
    `pages changed by the change: ${changes.length} (${changes.length - lost} better or even, ${lost} worse)`,
  );
  for (const { file, old, now } of changes)
    console.log(
      `  ${file}  found ${old.truePositives} → ${now.truePositives}, leaked ${old.falsePositives} → ${now.falsePositives}`,
    );
}

function printFailures(
  loa: { score: PageScore; empty: boolean; file: string }[],
  plain: { score: PageScore; empty: boolean }[],
): void {
  loa.forEach((entry, index) => {
    const { score } = entry;
    if (!score.missed.length && !score.leaked.length) return;
    const other = plain[index]!.score;
    console.log(
      `${entry.file}${entry.empty ? ' EMPTY' : ''}  missed ${score.missed.length} (readability ${other.missed.length}), leaked ${score.leaked.length} (readability ${other.leaked.length})`,
    );
    for (const fragment of score.missed) console.log(`  - missed: ${fragment.slice(0, 100)}`);
    for (const fragment of score.leaked) console.log(`  + leaked: ${fragment.slice(0, 100)}`);
  });
}

interface Score {
  included: number;
  includeTotal: number;
  excluded: number;
  excludeTotal: number;
}

function evalCorpus(): void {
  const total = {
    loa: { included: 0, includeTotal: 0, excluded: 0, excludeTotal: 0 },
    readability: { included: 0, includeTotal: 0, excluded: 0, excludeTotal: 0 },
  };
  const score = (text: string, include: string[], exclude: string[]): Score => {
    const haystack = normalizeText(text);
    return {
      included: include.filter((fragment) => haystack.includes(normalizeText(fragment))).length,
      includeTotal: include.length,
      excluded: exclude.filter((fragment) => !haystack.includes(normalizeText(fragment))).length,
      excludeTotal: exclude.length,
    };
  };
  const add = (into: Score, s: Score) => {
    into.included += s.included;
    into.includeTotal += s.includeTotal;
    into.excluded += s.excluded;
    into.excludeTotal += s.excludeTotal;
  };
  const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '-');
  console.log('\ncorpus page'.padEnd(45), 'loa inc/exc'.padEnd(13), 'readab. inc/exc'.padEnd(16), 'title lead');
  for (const page of labeledPages()) {
    const { labels } = page;
    const result = extractArticle(parseHtml(page.html, labels.url), { url: labels.url, parseHtml });
    const loaText = result.ok ? `${result.article.lead ?? ''}\n\n${result.article.text}` : '';
    const plainText = new Readability(parseHtml(page.html, labels.url)).parse()?.textContent ?? '';
    const loa = score(loaText, labels.mustInclude, labels.mustExclude);
    const readability = score(plainText, labels.mustInclude, labels.mustExclude);
    add(total.loa, loa);
    add(total.readability, readability);
    const titleOk = result.ok && normalizeText(result.article.title) === normalizeText(labels.title);
    const leadOk = result.ok && normalizeText(result.article.lead ?? '') === normalizeText(labels.lead ?? '');
    console.log(
      page.name.padEnd(44),
      `${loa.included}/${loa.includeTotal} ${loa.excluded}/${loa.excludeTotal}`.padEnd(13),
      `${readability.included}/${readability.includeTotal} ${readability.excluded}/${readability.excludeTotal}`.padEnd(
        16,
      ),
      titleOk ? 'ok' : 'XX',
      leadOk ? 'ok' : 'XX',
      result.ok ? '' : result.reason,
    );
  }
  for (const [name, s] of Object.entries(total)) {
    console.log(
      `${name.padEnd(12)} recall ${pct(s.included, s.includeTotal)}%  furniture kept out ${pct(s.excluded, s.excludeTotal)}%`,
    );
  }
}

await evalDevset();
evalCorpus();
