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
 * Options: --no-browser (Node only), --no-node (Chromium only). The browser part needs the E2E build (`LOA_E2E=1 wxt build`,
 * which the npm script runs) and the E2E lock (`flock /tmp/loa-e2e.lock npm run bench:pipeline`).
 * Writes bench/results/pipeline.json (BenchRows).
 */
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
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
import { runPipeline, timePage, type PageTiming } from './lib/pipeline-probe';

const TIMED_REPETITIONS = 3;
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
  ['paragraphs, teaser check', /^(paragraphsOf|isTeaserList)\d*$/],
  ['language', /^(declaredLanguage|detectLanguage)\d*$/],
  ['sentences', /^splitSentences\d*$/],
  ['figures', /^extractFigures\d*$/],
  ['summary', /^summarize\d*$/],
];
const PIPELINE_ROOT = /^extractArticle\d*$/;

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** Milliseconds of sampled CPU per stage, inside `extractArticle` only ("other": its own code and small helpers). */
function stageTimes(profile: CpuProfile, into: Map<string, number>): void {
  const parent = new Map<number, number>();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const stageOf = new Map<number, string | null>();
  const resolve = (id: number): string | null => {
    if (stageOf.has(id)) return stageOf.get(id)!;
    // Walk up to the root, remembering the outermost stage below extractArticle.
    let stage: string | null = null;
    let inPipeline = false;
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = byId.get(at)!.callFrame.functionName;
      if (PIPELINE_ROOT.test(name)) {
        inPipeline = true;
        break;
      }
      const found = STAGES.find(([, pattern]) => pattern.test(name));
      if (found) stage = found[0];
    }
    const result = inPipeline ? (stage ?? 'other') : null;
    stageOf.set(id, result);
    return result;
  };
  profile.samples.forEach((id, index) => {
    const stage = resolve(id);
    if (stage) into.set(stage, (into.get(stage) ?? 0) + (profile.timeDeltas[index + 1] ?? 0) / 1000);
  });
}

interface EnvironmentResult {
  environment: string;
  timings: PageTiming[];
  stages: Map<string, number>;
}

function report({ environment, timings, stages }: EnvironmentResult): BenchRow {
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
  console.log('| stage | CPU share | ms per page |\n|---|---|---|');
  for (const [stage, ms] of [...stages].sort((a, b) => b[1] - a[1]))
    console.log(
      `| ${stage} | ${((100 * ms) / total).toFixed(1)}% | ${(ms / timings.length / PROFILED_REPETITIONS).toFixed(2)} |`,
    );
  const median = quantile(ratios, 0.5);
  return {
    what: `pipeline ÷ Readability.parse, ${environment}`,
    goal: `≤ ${GOAL_RATIO}×`,
    value: Number(median.toFixed(2)),
    unit: '×',
    meets: median <= GOAL_RATIO,
    note: `${timings.length} pages; Readability.parse alone, same page, same run: median ${quantile(
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
  const stages = new Map<string, number>();
  for (const page of pages) {
    const doc = parse(page);
    await session.post('Profiler.start');
    runPipeline(doc, page.url, PROFILED_REPETITIONS);
    stageTimes((await session.post('Profiler.stop')).profile as CpuProfile, stages);
  }
  session.disconnect();
  return { environment, timings, stages };
}

/** The probe as one script for the page's main world (the same lib code the content script bundles). */
async function probeBundle(): Promise<string> {
  const result = await build({
    entryPoints: [join(ROOT, 'scripts/lib/pipeline-probe.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'loaPipelineProbe',
    write: false,
    logLevel: 'error',
  });
  // Playwright evaluates a string inside a function: the global is set explicitly.
  return `${result.outputFiles[0]!.text}\nglobalThis.loaPipelineProbe = loaPipelineProbe;`;
}

declare const loaPipelineProbe: typeof import('./lib/pipeline-probe');

async function inChromium(extension: LoadedExtension, pages: BenchPage[], origin: string) {
  const probe = await probeBundle();
  const timings: PageTiming[] = [];
  const stages = new Map<string, number>();
  for (const page of pages) {
    const tab = await openPage(extension, origin, page);
    await tab.evaluate(probe);
    const cdp = await extension.context.newCDPSession(tab);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await tab.evaluate(([url, repetitions]) => loaPipelineProbe.runPipeline(document, url, repetitions), [
      page.url,
      PROFILED_REPETITIONS,
    ] as const);
    stageTimes((await cdp.send('Profiler.stop')).profile as CpuProfile, stages);
    timings.push(
      await tab.evaluate(([url, repetitions]) => loaPipelineProbe.timePage(document, url, repetitions), [
        page.url,
        TIMED_REPETITIONS,
      ] as const),
    );
    await cdp.detach();
    await tab.close();
  }
  return { environment: 'Chromium (live page)', timings, stages };
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
      rows.push(report(await inChromium(extension, pages, server.origin)));
      rows.push(...(await popupPaint(extension, corpus.slice(0, POPUP_PAGES), server.origin)));
    } finally {
      await extension.close();
      await server.close();
    }
  }
  writeBenchRows('pipeline', rows);
}

await main();
