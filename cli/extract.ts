/**
 * loa extract: prints what Loa extracts from saved HTML pages, one JSON object per line.
 *   npm run -s extract -- [--url URL] [--explain] FILE...     (FILE "-" reads standard input)
 * --explain adds `explain`: each decision (rule, action, element path, text start) in order;
 * `discarded: true` marks a removal made on a body that was then set aside for another attempt's.
 * Exit status 1 when any file could not be read or parsed; the others are still printed.
 */
import { readFile } from 'node:fs/promises';
import type { Decision } from '../lib/extract';
import { decodeHtml, extractHtml } from './html';

const USAGE = 'usage: npm run -s extract -- [--url URL] [--explain] FILE...   (FILE "-" reads standard input)';

interface Arguments {
  url?: string;
  explain: boolean;
  files: string[];
}

function parseArguments(argv: string[]): Arguments | string {
  const files: string[] = [];
  let url: string | undefined;
  let explain = false;
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i]!;
    if (argument === '--url') {
      url = argv[++i];
      if (!url) return '--url needs an address';
    } else if (argument.startsWith('--url=')) url = argument.slice('--url='.length);
    else if (argument === '--explain') explain = true;
    else if (argument === '-h' || argument === '--help') return USAGE;
    else if (argument.startsWith('--')) return `unknown option ${argument}`;
    else files.push(argument);
  }
  return files.length ? { url, explain, files } : 'no input file';
}

/** The page's bytes: the parser decodes them as a browser does (BOM, <meta charset>, UTF-8). */
async function readInput(file: string): Promise<Uint8Array> {
  if (file !== '-') return readFile(file);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function main(): Promise<number> {
  const parsed = parseArguments(process.argv.slice(2));
  if (typeof parsed === 'string') {
    console.error(parsed === USAGE ? USAGE : `${parsed}\n${USAGE}`);
    return parsed === USAGE ? 0 : 2;
  }
  let failed = false;
  for (const file of parsed.files) {
    let line: Record<string, unknown>;
    try {
      const decisions: Decision[] = [];
      const result = extractHtml(decodeHtml(await readInput(file)), {
        url: parsed.url,
        explain: parsed.explain ? (decision) => decisions.push(decision) : undefined,
      });
      if (result.ok) {
        const { article } = result;
        line = {
          file,
          url: article.url,
          title: article.title,
          lang: article.lang,
          lead: article.lead,
          byline: article.byline,
          published: article.published,
          siteName: article.siteName,
          wordCount: article.wordCount,
          text: article.text,
          figures: article.figures,
          related: article.related,
          summary: article.summary,
        };
        if (parsed.explain) line.explain = decisions;
      } else {
        line = { file, url: parsed.url ?? null, error: result.reason, message: result.message };
        if (parsed.explain) line.explain = decisions;
        if (result.reason === 'parse-error') failed = true;
      }
    } catch (error) {
      failed = true;
      line = { file, error: 'unreadable', message: error instanceof Error ? error.message : String(error) };
    }
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
  return failed ? 1 : 0;
}

process.exitCode = await main();
