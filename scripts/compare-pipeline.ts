/**
 * npx tsx scripts/compare-pipeline.ts [REV] — is the pipeline's output unchanged since REV?
 *
 * Speed work must leave every answer as it was. This extracts the 29 corpus pages and the 300-page
 * extraction-990 slice with the CLI's parser (parse5 into linkedom, extracted in place as the CLI does) and with linkedom's own, once with this tree's lib/ and once with REV's
 * (default HEAD; `git archive REV lib cli` into a temporary directory, node_modules linked; this
 * tree's lib/ and cli/ are copied when it starts), and
 * compares the whole ExtractResult JSON plus every explain decision, page by page.
 * Options: --no-cli (linkedom's own parser only, for a quick check while iterating).
 * Internal: `--dump LIB_ROOT OUT.json` writes one tree's answers (run in a child process per tree).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseHTML } from 'linkedom';
import { parseHtml } from '../cli/html';
import type { Decision, Explain, ExtractOptions } from '../lib/extract';
import type { ExtractResult } from '../lib/article';
import { corpusPages } from './lib/corpus';
import { DEVSETS_MISSING, devsetsAvailable } from './lib/devsets';
import { devPages, devSlice, pageHtml } from './lib/extraction-990';

const ROOT = resolve(import.meta.dirname, '..');
const DEV_PAGES = 300;

type Extract = (doc: Document, options?: ExtractOptions) => ExtractResult;
type ExtractParsed = (parse: () => Document, options?: ExtractOptions) => ExtractResult;

interface Answer {
  key: string;
  result: ExtractResult;
  decisions: Decision[];
}

function pages(): { name: string; html: string; url: string }[] {
  const corpus = corpusPages().map((page) => ({
    name: `corpus/${page.name}`,
    html: page.html,
    url: page.labels?.url ?? `https://example.invalid/${page.name}`,
  }));
  if (!devsetsAvailable()) {
    console.error(`extraction-990 pages skipped: ${DEVSETS_MISSING}`);
    return corpus;
  }
  const dev = devSlice(devPages(), DEV_PAGES).map((page) => ({
    name: `extraction-990/${page.file}`,
    html: pageHtml(page),
    url: page.url,
  }));
  return [...corpus, ...dev];
}

async function dump(libRoot: string, out: string, withCliParser: boolean): Promise<void> {
  const lib = (await import(pathToFileURL(join(libRoot, 'lib/extract/index.ts')).href)) as {
    extractArticle: Extract;
    extractParsed?: ExtractParsed;
  };
  // A tree before `extractParsed` reads a parsed page as it reads the live page (or, for a while,
  // through an `inPlace` option, which a tree that does not know it ignores).
  const extractParsed: ExtractParsed =
    lib.extractParsed ??
    ((parse, options) => lib.extractArticle(parse(), { ...options, inPlace: { freshCopy: parse } } as ExtractOptions));
  const answers: Answer[] = [];
  // linkedom's own parser on a clone, as the browser reads the live page; the CLI's parser as the
  // CLI runs it (cli/html.ts `extractHtml`, bound to this tree's lib/): from its parse, in place.
  for (const page of pages()) {
    const runs: [string, (explain: Explain) => ExtractResult][] = [
      [
        'linkedom',
        (explain) =>
          lib.extractArticle(parseHTML(page.html).document as unknown as Document, { url: page.url, explain }),
      ],
    ];
    if (withCliParser) {
      runs.push(['cli', (explain) => extractParsed(() => parseHtml(page.html, page.url), { url: page.url, explain })]);
    }
    for (const [parser, run] of runs) {
      const decisions: Decision[] = [];
      const result = run((decision) => decisions.push(decision));
      answers.push({ key: `${parser} ${page.name}`, result, decisions });
    }
  }
  writeFileSync(out, JSON.stringify(answers));
}

/** The first path at which two JSON values differ, or null when they are equal. */
function firstDifference(a: unknown, b: unknown, path = ''): string | null {
  if (typeof a !== typeof b || Array.isArray(a) !== Array.isArray(b) || (a === null) !== (b === null))
    return path || '(root)';
  if (typeof a !== 'object' || a === null) return Object.is(a, b) ? null : path || '(root)';
  const keys = new Set([...Object.keys(a), ...Object.keys(b as object)]);
  for (const key of keys) {
    const found = firstDifference(
      (a as Record<string, unknown>)[key],
      (b as Record<string, unknown>)[key],
      `${path}.${key}`,
    );
    if (found) return found;
  }
  return null;
}

function dumpIn(libRoot: string, out: string, withCliParser: boolean): Answer[] {
  const args = ['tsx', join(ROOT, 'scripts/compare-pipeline.ts'), '--dump', libRoot, out];
  if (!withCliParser) args.push('--no-cli');
  execFileSync('npx', args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], maxBuffer: 1 << 30 });
  return JSON.parse(readFileSync(out, 'utf8')) as Answer[];
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const withCliParser = !argv.includes('--no-cli');
  const positional = argv.filter((arg) => !arg.startsWith('--no-'));
  if (positional[0] === '--dump') return dump(resolve(positional[1]!), resolve(positional[2]!), withCliParser);
  const revision = positional[0] ?? 'HEAD';
  const work = mkdtempSync(join(tmpdir(), 'loa-compare-'));
  try {
    const before = join(work, 'before');
    execFileSync('sh', ['-c', `mkdir -p "${before}" && git archive "$0" lib cli | tar -x -C "${before}"`, revision], {
      cwd: ROOT,
    });
    // The working tree as it is now, so that edits made while this runs do not mix into the answer.
    const after = join(work, 'after');
    for (const part of ['lib', 'cli']) cpSync(join(ROOT, part), join(after, part), { recursive: true });
    for (const tree of [before, after]) symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'));
    const old = dumpIn(before, join(work, 'before.json'), withCliParser);
    const now = dumpIn(after, join(work, 'after.json'), withCliParser);
    const differing = now.filter((answer, index) => {
      const difference = firstDifference(old[index], answer);
      if (difference) console.log(`differs: ${answer.key} at ${difference}`);
      return difference !== null;
    });
    const same = now.length - differing.length;
    console.log(
      `identical on ${same}/${now.length} (${revision} → working tree; ${withCliParser ? 'CLI parser and ' : ''}linkedom)`,
    );
    if (differing.length > 0 || old.length !== now.length) process.exitCode = 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
