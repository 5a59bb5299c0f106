/**
 * npm run bench:pipeline — where extraction's time goes, and what it costs beside Readability.
 *
 * Loa's pipeline (`extractArticle`: clone, related, furniture, lead, Readability, paragraphs,
 * sentences, figures, summary) against `Readability.parse` alone on the same page in the same run,
 * on the corpus pages and the first 60 pages of the 300-page extraction-990 slice: in Node on
 * the CLI's parser (parse5 into linkedom) and linkedom's own, and in Chromium on the live page (the probe is the same
 * lib code, bundled). A CPU profile of the pipeline splits its time into stages (by the outermost
 * stage function on each sampled stack). Also: popup open → summary painted with the built
 * extension, first opening and cached (bundle sizes are `npm run -s bench -- --only bundle`).
 *
 * The stage table gives each stage as a multiple of `Readability.parse` alone (clone included), profiled
 * in the same tab after a warm-up run: what each feature adds to the baseline.
 *
 * Options: --no-browser (Node only), --no-node (Chromium only), --before DIR (Chromium: another
 * checkout's pipeline, e.g. a detached worktree of the commit before a change, bundled beside this
 * one and timed in the same tab and rounds, the two alternating; prints both ratios, after ÷ before
 * per page, and whether their results are identical). The browser part needs the E2E build
 * (`LOA_E2E=1 wxt build`, which the npm script runs) and the E2E lock
 * (`flock /tmp/loa-e2e.lock npm run bench:pipeline`). Writes bench/results/pipeline.json (BenchRows).
 */
import { Session } from 'node:inspector/promises';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { parseHTML } from 'linkedom';
import type { Page } from 'playwright-core';
import { parseHtml } from '../cli/html';
import { launchExtension, ROOT, startPageServer, type LoadedExtension } from './lib/browser-harness';
import { type BenchRow, writeBenchRows } from './lib/bench-report';
import { quantile } from './lib/stats';
import { corpusPages } from './lib/corpus';
import { DEVSETS_MISSING, devsetsAvailable } from './lib/devsets';
import { devPages, devSlice, pageHtml } from './lib/extraction-990';
import { readabilityAlone, runPipeline, timePage, type PageTiming, type PairTiming } from './lib/pipeline-probe';

const TIMED_REPETITIONS = 3;
/** With --before: an even number, so each pipeline runs first in half the rounds. */
const PAIRED_REPETITIONS = 6;
const PROFILED_REPETITIONS = 2;
const DEV_PAGES = 60;
const POPUP_PAGES = 10;
const GOAL_RATIO = 1.5;

interface BenchPage {
  name: string;
  html: string;
  url: string;
}

/** A stage is the outermost of these functions on a sampled stack (bundlers may add a digit to a name). */
const STAGES: [stage: string, functionName: RegExp][] = [
  ['clone', /^(boundedClone|cloneNode)\d*$/],
  ['garbled check', /^isGarbled\d*$/],
  ['readerable check', /^isProbablyReaderable\d*$/],
  // prepareClone takes the related snapshot (Page) itself, to keep it for a second prepared clone.
  ['related', /^(findRelated|relatedOn|Page)\d*$/],
  ['furniture', /^(removeFurniture|promoteProseCaptions|linkTextShare)\d*$/],
  ['lead, headline', /^(findLead|headlineCandidates|findHeadline|repeatsLead)\d*$/],
  ['Readability', /^parse$/],
  ['paragraphs', /^paragraphsOf\d*$/],
  // The extraction rules outside furniture, one stage each (else they are "other").
  ['boxes: marked', /^markBoxes\d*$/],
  ['boxes: cut', /^cutMarkedBoxes\d*$/],
  ['prose container', /^(proseContainer|hasOwnProseBody)\d*$/],
  ['prose paragraph check', /^hasProseParagraph\d*$/],
  ['teaser check', /^isTeaserList\d*$/],
  ['captions cut', /^cutPhotoCaptions\d*$/],
  ['credit lines', /^cutCreditLines\d*$/],
  ['embed blockers', /^cutEmbedBlockers\d*$/],
  ['trailing notices', /^cutTrailingNotices\d*$/],
  ['trailing headings', /^cutTrailingHeadings\d*$/],
  ['second prepared clone', /^prepareAgain\d*$/],
  ['language', /^(declaredLanguage|detectLanguage)\d*$/],
  ['sentences', /^splitSentences\d*$/],
  ['figures', /^extractFigures\d*$/],
  ['summary', /^summarize\d*$/],
];
const PIPELINE_ROOT = /^extractArticle\d*$/;
/** The baseline's run in the profile (`readabilityAlone` in the probe). */
const BASELINE_ROOT = /^readabilityAlone\d*$/;

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

interface StageProfile {
  /** Sampled milliseconds per stage of the pipeline, all pages. */
  stages: Map<string, number>;
  /** Sampled milliseconds of `Readability.parse` alone (with its clone), the same pages and repetitions. */
  baselineMs: number;
}

/**
 * Milliseconds of sampled CPU per stage, inside `extractArticle` only ("other": its own code and
 * small helpers), and of the baseline run beside it.
 */
function stageTimes(profile: CpuProfile, into: StageProfile): void {
  const parent = new Map<number, number>();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const stageOf = new Map<number, string | typeof BASELINE | null>();
  const resolve = (id: number): string | typeof BASELINE | null => {
    if (stageOf.has(id)) return stageOf.get(id)!;
    // Walk up to the root, remembering the outermost stage below extractArticle.
    let stage: string | null = null;
    let result: string | typeof BASELINE | null = null;
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = byId.get(at)!.callFrame.functionName;
      if (PIPELINE_ROOT.test(name)) {
        result = stage ?? 'other';
        break;
      }
      if (BASELINE_ROOT.test(name)) {
        result = BASELINE;
        break;
      }
      const found = STAGES.find(([, pattern]) => pattern.test(name));
      if (found) stage = found[0];
    }
    stageOf.set(id, result);
    return result;
  };
  profile.samples.forEach((id, index) => {
    const stage = resolve(id);
    const ms = (profile.timeDeltas[index + 1] ?? 0) / 1000;
    if (stage === BASELINE) into.baselineMs += ms;
    else if (stage) into.stages.set(stage, (into.stages.get(stage) ?? 0) + ms);
  });
}

const BASELINE = Symbol('Readability.parse alone');

interface EnvironmentResult {
  environment: string;
  timings: PageTiming[];
  profile: StageProfile;
  /** With --before: that tree's median ratio in the same run, the row's baseline. */
  before?: BenchRow['baseline'] & { perPage: number };
}

function report({ environment, timings, profile, before }: EnvironmentResult): BenchRow {
  const { stages, baselineMs } = profile;
  const ratios = timings.map((timing) => timing.pipelineMs / timing.readabilityMs);
  const total = [...stages.values()].reduce((sum, value) => sum + value, 0);
  console.log(`\n## ${environment}: ${timings.length} pages`);
  console.log(
    `pipeline ÷ Readability.parse, same page: median ${quantile(ratios, 0.5).toFixed(2)}×, p95 ${quantile(ratios, 0.95).toFixed(2)}×` +
      ` (medians per page: pipeline ${quantile(
        timings.map((t) => t.pipelineMs),
        0.5,
      ).toFixed(1)} ms,` +
      ` Readability ${quantile(
        timings.map((t) => t.readabilityMs),
        0.5,
      ).toFixed(1)} ms)`,
  );
  const perPage = (ms: number) => (ms / timings.length / PROFILED_REPETITIONS).toFixed(2);
  console.log(
    `Stages, warm, sampled CPU; × Readability.parse alone (clone and parse, ${perPage(baselineMs)} ms a page, same profile):`,
  );
  console.log('| stage | CPU share | ms per page | × Readability.parse alone |\n|---|---|---|---|');
  for (const [stage, ms] of [...stages, ['whole pipeline', total] as const].sort((a, b) => b[1] - a[1]))
    console.log(
      `| ${stage} | ${((100 * ms) / total).toFixed(1)}% | ${perPage(ms)} | ${(ms / baselineMs).toFixed(3)}× |`,
    );
  const median = quantile(ratios, 0.5);
  return {
    what: `pipeline ÷ Readability.parse, ${environment}`,
    goal: `≤ ${GOAL_RATIO}×`,
    value: Number(median.toFixed(2)),
    unit: '×',
    meets: median <= GOAL_RATIO,
    ...(before && { baseline: { what: before.what, value: before.value } }),
    note: `${timings.length} pages;${before ? ` after ÷ before per page: median ${before.perPage.toFixed(3)};` : ''} Readability.parse alone, same page, same run: median ${quantile(
      timings.map((t) => t.readabilityMs),
      0.5,
    ).toFixed(2)} ms; p95 ${quantile(ratios, 0.95).toFixed(2)}×; biggest stages: ${[...stages]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([stage, ms]) => `${stage} ${((100 * ms) / total).toFixed(0)}%`)
      .join(', ')}`,
  };
}

async function inNode(environment: string, pages: BenchPage[], parse: (page: BenchPage) => Document) {
  console.error(`${environment}: timing…`);
  const timings = pages.map((page) => timePage(parse(page), page.url, TIMED_REPETITIONS));
  console.error(`${environment}: profiling…`);
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  const profile: StageProfile = { stages: new Map(), baselineMs: 0 };
  for (const page of pages) {
    const doc = parse(page);
    runPipeline(doc, page.url, 1);
    await session.post('Profiler.start');
    runPipeline(doc, page.url, PROFILED_REPETITIONS);
    readabilityAlone(doc, PROFILED_REPETITIONS);
    stageTimes((await session.post('Profiler.stop')).profile as CpuProfile, profile);
  }
  session.disconnect();
  return { environment, timings, profile };
}

/** A module as one script for the page's main world, its exports in the global `name`. */
async function pageBundle(name: string, entry: { file: string } | { source: string; resolveDir: string }) {
  const result = await build({
    ...('file' in entry
      ? { entryPoints: [entry.file] }
      : { stdin: { contents: entry.source, resolveDir: entry.resolveDir, loader: 'ts' as const } }),
    bundle: true,
    format: 'iife',
    globalName: name,
    write: false,
    logLevel: 'error',
  });
  // Playwright evaluates a string inside a function: the global is set explicitly.
  return `${result.outputFiles[0]!.text}\nglobalThis.${name} = ${name};`;
}

declare const loaPipelineProbe: typeof import('./lib/pipeline-probe');
declare const loaPipelineBefore: { extractArticle: import('./lib/pipeline-probe').Extractor };
declare const loaPipelineAfter: { extractArticle: import('./lib/pipeline-probe').Extractor };

async function inChromium(extension: LoadedExtension, pages: BenchPage[], origin: string, beforeDir: string | null) {
  // The probe is the same lib code the content script bundles.
  const probe = await pageBundle('loaPipelineProbe', { file: join(ROOT, 'scripts/lib/pipeline-probe.ts') });
  const pipelineOf = (name: string, resolveDir: string) =>
    pageBundle(name, { source: "export { extractArticle } from './lib/extract';", resolveDir });
  const pair = beforeDir && [
    await pipelineOf('loaPipelineBefore', beforeDir),
    await pipelineOf('loaPipelineAfter', ROOT),
  ];
  const timings: PageTiming[] = [];
  const paired: PairTiming[] = [];
  const profile: StageProfile = { stages: new Map(), baselineMs: 0 };
  for (const page of pages) {
    const tab = await openPage(extension, origin, page);
    await tab.evaluate(probe);
    for (const bundle of pair || []) await tab.evaluate(bundle);
    await tab.evaluate((url) => loaPipelineProbe.runPipeline(document, url, 1), page.url);
    const cdp = await extension.context.newCDPSession(tab);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await tab.evaluate(
      ([url, repetitions]) => {
        loaPipelineProbe.runPipeline(document, url, repetitions);
        loaPipelineProbe.readabilityAlone(document, repetitions);
      },
      [page.url, PROFILED_REPETITIONS] as const,
    );
    stageTimes((await cdp.send('Profiler.stop')).profile as CpuProfile, profile);
    if (pair) {
      const timing = await tab.evaluate(
        ([url, repetitions]) =>
          loaPipelineProbe.timeAgainst(
            document,
            url,
            repetitions,
            loaPipelineAfter.extractArticle,
            loaPipelineBefore.extractArticle,
          ),
        [page.url, PAIRED_REPETITIONS] as const,
      );
      paired.push(timing);
      timings.push(timing);
    } else {
      timings.push(
        await tab.evaluate(([url, repetitions]) => loaPipelineProbe.timePage(document, url, repetitions), [
          page.url,
          TIMED_REPETITIONS,
        ] as const),
      );
    }
    await cdp.detach();
    await tab.close();
  }
  const before = beforeDir ? compareTrees(beforeDir, paired) : undefined;
  return { environment: 'Chromium (live page)', timings, profile, before };
}

/** This tree against the `--before` one, from the same rounds in the same tabs. */
function compareTrees(beforeDir: string, timings: PairTiming[]): EnvironmentResult['before'] {
  const ratio = (ms: (timing: PairTiming) => number) => timings.map((timing) => ms(timing) / timing.readabilityMs);
  const summary = (ratios: number[]) =>
    `median ${quantile(ratios, 0.5).toFixed(2)}×, p95 ${quantile(ratios, 0.95).toFixed(2)}×`;
  const sum = (ms: (timing: PairTiming) => number) => timings.reduce((total, timing) => total + ms(timing), 0);
  const perPage = timings.map((timing) => timing.pipelineMs / timing.beforeMs);
  console.log(`\n## this tree against ${beforeDir}, same tabs and rounds (the two pipelines alternate)`);
  console.log(`pipeline ÷ Readability.parse: before ${summary(ratio((t) => t.beforeMs))}`);
  console.log(`pipeline ÷ Readability.parse: after  ${summary(ratio((t) => t.pipelineMs))}`);
  console.log(
    `after ÷ before per page: median ${quantile(perPage, 0.5).toFixed(3)} (p5 ${quantile(perPage, 0.05).toFixed(3)},` +
      ` p95 ${quantile(perPage, 0.95).toFixed(3)}); sum after ÷ sum before ${(sum((t) => t.pipelineMs) / sum((t) => t.beforeMs)).toFixed(3)}`,
  );
  console.log(
    `results identical (JSON, in the page) on ${timings.filter((timing) => timing.identical).length}/${timings.length} pages`,
  );
  const commit = execFileSync('git', ['-C', beforeDir, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  return {
    what: `the pipeline at ${commit} (--before), same tabs and rounds`,
    value: Number(
      quantile(
        ratio((t) => t.beforeMs),
        0.5,
      ).toFixed(2),
    ),
    perPage: quantile(perPage, 0.5),
  };
}

/** Every bench page is served from the test server's origin, dev-set pages through a route. */
async function openPage(extension: LoadedExtension, origin: string, page: BenchPage): Promise<Page> {
  const tab = await extension.context.newPage();
  const address = `${origin}/bench-pipeline/${encodeURIComponent(page.name)}`;
  await tab.route(address, (route) => route.fulfill({ body: page.html, contentType: 'text/html; charset=utf-8' }));
  await tab.goto(address, { waitUntil: 'load' });
  return tab;
}

/**
 * Popup open → summary painted, as a user meets it: the popup page opened for a tab showing the
 * article, until the summary list is in a painted frame. First opening (inject + extract) and
 * again (content script cached). Baseline: the same popup's first contentful paint.
 */
async function popupPaint(extension: LoadedExtension, pages: BenchPage[], origin: string): Promise<BenchRow[]> {
  const first: number[] = [];
  const cached: number[] = [];
  const shell: number[] = [];
  for (const page of pages) {
    const tab = await openPage(extension, origin, page);
    const tabId = await extension.tabIdOf(tab);
    for (const times of [first, cached]) {
      const popup = await extension.context.newPage();
      await popup.goto(`chrome-extension://${extension.extensionId}/popup.html?tab=${tabId}`, { waitUntil: 'commit' });
      const painted = await popup.waitForFunction(
        () =>
          document.querySelector('.summary li') &&
          new Promise<number>((done) => requestAnimationFrame(() => done(performance.now()))),
        undefined,
        { polling: 'raf', timeout: 15_000 },
      );
      times.push(Number(await painted.jsonValue()));
      if (times === first)
        shell.push(
          // Paint entries are queued once the frame is presented, which can be after the summary's
          // animation frame: wait for it rather than read the timeline once.
          await popup.evaluate(
            () =>
              new Promise<number>((done) => {
                new PerformanceObserver((entries, observer) => {
                  const paint = entries.getEntriesByName('first-contentful-paint')[0];
                  if (paint) {
                    observer.disconnect();
                    done(paint.startTime);
                  }
                }).observe({ type: 'paint', buffered: true });
                setTimeout(() => done(Number.NaN), 5_000);
              }),
          ),
        );
      await popup.close();
    }
    await tab.close();
  }
  const median = (values: number[]) => Number(quantile(values, 0.5).toFixed(0));
  console.log(
    `\n## popup open → summary painted (${pages.length} pages): first ${median(first)} ms (max ${Math.max(...first).toFixed(0)}),` +
      ` cached ${median(cached)} ms (max ${Math.max(...cached).toFixed(0)}), popup first paint ${median(shell)} ms`,
  );
  const baseline = { what: 'the popup’s first contentful paint, same openings', value: median(shell) };
  return [
    {
      what: 'popup open → summary painted, first time',
      goal: '≤ 600 ms',
      value: median(first),
      unit: 'ms',
      meets: median(first) <= 600,
      baseline,
      note: `${pages.length} corpus pages, Chromium, built extension; max ${Math.max(...first).toFixed(0)} ms`,
    },
    {
      what: 'popup open → summary painted, cached',
      goal: '≤ 300 ms',
      value: median(cached),
      unit: 'ms',
      meets: median(cached) <= 300,
      baseline,
      note: `${pages.length} corpus pages, second opening on the same tab; max ${Math.max(...cached).toFixed(0)} ms`,
    },
  ];
}

async function main(): Promise<void> {
  const browser = !process.argv.includes('--no-browser');
  const beforeAt = process.argv.indexOf('--before');
  const beforeDir = beforeAt >= 0 ? resolve(process.argv[beforeAt + 1] ?? '') : null;
  if (beforeDir && !existsSync(join(beforeDir, 'lib/extract/index.ts')))
    throw new Error(`--before ${beforeDir}: no lib/extract/index.ts there (give a checkout of Loa)`);
  const corpus: BenchPage[] = corpusPages().map((page) => ({
    name: page.name,
    html: page.html,
    url: page.labels?.url ?? `https://example.invalid/${page.name}`,
  }));
  const dev: BenchPage[] = devsetsAvailable()
    ? devSlice(devPages(), 300)
        .slice(0, DEV_PAGES)
        .map((page) => ({ name: page.file, html: pageHtml(page), url: page.url }))
    : [];
  if (!dev.length) console.log(`extraction-990 pages skipped: ${DEVSETS_MISSING}`);
  const pages = [...corpus, ...dev];
  console.log(`# pipeline bench: ${corpus.length} corpus + ${dev.length} extraction-990 pages`);

  const rows: BenchRow[] = [];
  if (!process.argv.includes('--no-node')) {
    rows.push(report(await inNode('Node, CLI parser', pages, (page) => parseHtml(page.html, page.url))));
    rows.push(
      report(await inNode('Node, linkedom', pages, (page) => parseHTML(page.html).document as unknown as Document)),
    );
  }
  if (browser) {
    const server = await startPageServer();
    const extension = await launchExtension();
    try {
      rows.push(report(await inChromium(extension, pages, server.origin, beforeDir)));
      rows.push(...(await popupPaint(extension, corpus.slice(0, POPUP_PAGES), server.origin)));
    } finally {
      await extension.close();
      await server.close();
    }
  }
  writeBenchRows('pipeline', rows);
}

await main();
