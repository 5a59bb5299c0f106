/**
 * What a popup opening and a first shortcut cost since the reader became a script of its own, in
 * Chromium with the built extension. With `--before DIR` (the E2E build of an earlier commit) both
 * builds run in the same process, one browser each, alternating page by page, and each row reports
 * the before build as its baseline:
 * - bytes a popup opening injects into the tab (gzip -9 of the extraction script, and of the reader
 *   when the opening injected it; the popup waits for its player before closing);
 * - popup open → summary painted, first opening of a tab and the cached second one, and popup
 *   open → player ready (its voice slots shown);
 * - Alt+Shift+Q in a fresh tab where the popup never opened → first sound (chrome.tts `start`),
 *   voices already listed by a read in another tab, and key → badge "preparing".
 *
 *   LOA_E2E=1 npx wxt build && npx tsx scripts/bench-popup.ts [--before ../player-before/.output/e2e/chrome-mv3] [--key-only]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { CONTENT_SCRIPT_FILE, READER_SCRIPT_FILE } from '../lib/tabs';
import { writeBenchRows, type BenchRow } from './lib/bench-report';
import {
  dispatchCommand,
  EXTENSION_DIR,
  launchExtension,
  readerInTab,
  startPageServer,
  startSpeechSink,
  watchSpeech,
  type LoadedExtension,
  type SpeechDispatcher,
} from './lib/browser-harness';
import { corpusPages } from './lib/corpus';
import { describe, keyToFirstSound, medians, round } from './lib/speech-marks';
import { median, quantile } from './lib/stats';

const POPUP_PAGES = 10;
const KEY_RUNS = 12;
/** Browsers started per build to time the popup's voice listing in a fresh browser and after a worker restart. */
const LISTING_RUNS = 3;
/** How long speech-dispatcher's CPU is counted after the slots show (its listing may go on), and before the popup as the baseline. */
const CPU_WINDOW_MS = 3000;
const ARTICLE = 'vn-baolaocai-seed-reconstructed';
/** After the player is ready, how long a popup stays open: what it injects after paint counts too. */
const LINGER_MS = 500;

interface Build {
  name: 'before' | 'after';
  dir: string;
  extension: LoadedExtension;
  /** gzip -9 bytes of each file the popup or a key may inject. */
  bytes: { content: number; reader: number };
  injected: number[];
  first: number[];
  cached: number[];
  ready: number[];
  key: Array<ReturnType<typeof medians>>;
  probes: Probe[];
  listing: ListingRun[];
}

/**
 * The popup's voice slots come from the background's voice listing. Popup open → summary and →
 * slots (ms): in a browser just started, then with the service worker up (its listing kept), then
 * in a new worker (Chrome stops an idle one after 30 s, so a popup opened now and then meets a new
 * one, which lists again). `cpu`: speech-dispatcher's CPU (ms) over the fresh opening, and over
 * an equal window before it with nothing asked (the baseline).
 */
interface ListingRun {
  fresh: { summary: number; ready: number };
  alive: { summary: number; ready: number };
  restarted: { summary: number; ready: number } | null;
  cpu: { opening: number; idle: number };
}

type Probe = { injection: number; func: number; background: number };

const gzipBytes = (dir: string, file: string) => gzipSync(readFileSync(join(dir, file)), { level: 9 }).length;

/** Opens the popup on `tabId`; times (popup's own clock) until the summary, then the voice slots, are painted. */
async function openPopupTimed(
  extension: LoadedExtension,
  tabId: number,
): Promise<{ summary: number; ready: number; popup: Page }> {
  const popup = await extension.context.newPage();
  await popup.goto(`chrome-extension://${extension.extensionId}/popup.html?tab=${tabId}`, { waitUntil: 'commit' });
  const paintedWhen = (selector: string, count: number) =>
    popup
      .waitForFunction(
        ([css, n]) =>
          document.querySelectorAll(css).length >= n
            ? new Promise<number>((done) => requestAnimationFrame(() => done(performance.now())))
            : 0,
        [selector, count] as const,
        { polling: 'raf', timeout: 60_000 },
      )
      .then(async (handle) => Number(await handle.jsonValue()));
  const summary = await paintedWhen('.summary li', 1);
  // Up to four slots: a language with fewer voices shows fewer.
  const ready = await paintedWhen('fieldset.voices label', 1);
  return { summary, ready, popup };
}

/**
 * From the popup, the round trips that could tell it whether the page has the reader, each timed
 * once: the extraction script's injection it makes anyway (which answers it), an `executeScript`
 * of a function reading the reader's mark, and a message to the background (where a list of live
 * sessions would be kept). A string: tsx would wrap a function's inner callbacks in helpers the popup lacks.
 */
const probeCosts = (tabId: number) => `(async () => {
  const target = { tabId: ${tabId} };
  const timed = async (run) => { const start = performance.now(); await run(); return performance.now() - start; };
  return {
    injection: await timed(() => chrome.scripting.executeScript({ target, files: [${JSON.stringify(CONTENT_SCRIPT_FILE)}] })),
    func: await timed(() => chrome.scripting.executeScript({ target, func: () => Symbol.for('loa.reader') in globalThis })),
    background: await timed(() =>
      chrome.runtime.sendMessage({ to: 'loa-background', message: { type: 'same-site', pageUrl: '', urls: [] } })),
  };
})()`;

async function popupRound(build: Build, origin: string, page: string): Promise<void> {
  const tab = await build.extension.context.newPage();
  await tab.goto(`${origin}/corpus/${page}/`);
  const tabId = await build.extension.tabIdOf(tab);
  for (const times of [build.first, build.cached]) {
    const { summary, ready, popup } = await openPopupTimed(build.extension, tabId);
    times.push(summary);
    if (times === build.cached) build.probes.push(await popup.evaluate<Probe>(probeCosts(tabId)));
    if (times === build.first) {
      build.ready.push(ready);
      await new Promise((done) => setTimeout(done, LINGER_MS));
    }
    await popup.close();
    if (times === build.first)
      build.injected.push(build.bytes.content + ((await readerInTab(build.extension, tabId)) ? build.bytes.reader : 0));
  }
  await tab.close();
}

/** A key press in a tab nothing was injected into yet, to chrome.tts's first `start`. */
async function keyRound(build: Build, url: string, speech: Awaited<ReturnType<typeof watchSpeech>>): Promise<void> {
  const tab = await build.extension.context.newPage();
  await tab.goto(url);
  await tab.bringToFront();
  const steps = await keyToFirstSound(build.extension, tab, 60_000);
  build.key.push(steps);
  console.log(`  ${build.name}, key on a fresh tab: ${describe(steps)}`);
  await dispatchCommand(build.extension, 'stop');
  await speech.waitFor((status) => status.state.status === 'idle');
  await tab.close();
}

/** CPU time (ms) of a process and its descendants, from /proc. */
function treeCpuMs(root: number): number {
  const stats = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map((pid) => {
      try {
        // After the command name in parentheses: state, ppid, … utime (14th field), stime (15th).
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
          .replace(/^.*\) /s, '')
          .split(' ');
        return { pid: Number(pid), ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
      } catch {
        return null;
      }
    })
    .filter((stat) => stat !== null);
  const inTree = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const stat of stats)
      if (!inTree.has(stat.pid) && inTree.has(stat.ppid)) {
        inTree.add(stat.pid);
        grew = true;
      }
  }
  // Clock ticks are 1/100 s on Linux.
  return stats.filter((stat) => inTree.has(stat.pid)).reduce((sum, stat) => sum + stat.ticks * 10, 0);
}

/** The speech-dispatcher a sink started: the process listening on its socket. */
function speechDispatcherPid(sink: SpeechDispatcher): number {
  const socket = sink.env.SPEECHD_ADDRESS?.replace(/^unix_socket:/, '') ?? '';
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').includes(socket)) return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  throw new Error(`no speech-dispatcher on ${socket}`);
}

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Stops the extension's service worker, as Chrome does an idle one; the next message starts a new
 * one. Answers whether it stopped. The ServiceWorker domain sees only the workers of its page's
 * origin, so it is asked from a page of the extension's own: its manifest, which runs no script and
 * so wakes nothing.
 */
async function stopServiceWorker(extension: LoadedExtension): Promise<boolean> {
  const page = await extension.context.newPage();
  try {
    await page.goto(`chrome-extension://${extension.extensionId}/manifest.json`);
    const cdp = await extension.context.newCDPSession(page);
    const stopped = new Promise<boolean>((settle) => {
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        if (versions.some((version) => version.runningStatus === 'stopped')) settle(true);
      });
      setTimeout(() => settle(false), 10_000);
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    return await stopped;
  } finally {
    await page.close();
  }
}

/** One browser of `build` started with a speech-dispatcher of its own that has listed nothing (see ListingRun). */
async function listingRound(build: Build, server: Awaited<ReturnType<typeof startPageServer>>): Promise<void> {
  const sink = startSpeechSink('instant');
  const extension = await launchExtension({ speech: sink, extensionDir: build.dir });
  try {
    const speechd = speechDispatcherPid(sink);
    // Tab ids are asked of the worker, so all before it is stopped.
    const tabs = [];
    for (const page of corpusPages().slice(0, 3)) {
      const tab = await extension.context.newPage();
      await tab.goto(`${server.origin}/corpus/${page.name}/`);
      tabs.push({ tab, id: await extension.tabIdOf(tab) });
    }
    const [first, second, third] = tabs;
    const opened = async ({ tab, id }: { tab: Page; id: number }) => {
      await tab.bringToFront();
      const { summary, ready, popup } = await openPopupTimed(extension, id);
      await popup.close();
      return { summary, ready };
    };
    const idleFrom = treeCpuMs(speechd);
    await pause(CPU_WINDOW_MS);
    const idleWindow = treeCpuMs(speechd) - idleFrom;
    const openingFrom = treeCpuMs(speechd);
    const fresh = await opened(first!);
    await pause(CPU_WINDOW_MS);
    const opening = treeCpuMs(speechd) - openingFrom;
    const alive = await opened(second!);
    const workerStopped = await stopServiceWorker(extension);
    const restarted = await opened(third!);
    build.listing.push({
      fresh,
      alive,
      // Only an opening that really met a new worker counts.
      restarted: workerStopped ? restarted : null,
      cpu: { opening, idle: idleWindow },
    });
    console.log(`  ${build.name}, voice listing: ${JSON.stringify(build.listing.at(-1))}`);
  } finally {
    await extension.close();
    sink.stop();
  }
}

async function main(): Promise<void> {
  const beforeAt = process.argv.indexOf('--before');
  const dirs: Array<[Build['name'], string]> = [['after', EXTENSION_DIR]];
  if (beforeAt > 0) dirs.unshift(['before', resolve(process.argv[beforeAt + 1] ?? '')]);
  // The key rows alone, printed and not written: a quicker look while changing the key's path.
  const keyOnly = process.argv.includes('--key-only');
  const loadAtStart = loadavg()[0]!;
  const server = await startPageServer();
  const sink = startSpeechSink('realtime');
  const builds: Build[] = [];
  for (const [name, dir] of dirs)
    builds.push({
      name,
      dir,
      extension: await launchExtension({ speech: sink, extensionDir: dir }),
      bytes: { content: gzipBytes(dir, CONTENT_SCRIPT_FILE), reader: gzipBytes(dir, READER_SCRIPT_FILE) },
      injected: [],
      first: [],
      cached: [],
      ready: [],
      key: [],
      probes: [],
      listing: [],
    });
  try {
    const speeches = new Map<Build, Awaited<ReturnType<typeof watchSpeech>>>();
    for (const build of builds) {
      const speech = await watchSpeech(build.extension);
      speeches.set(build, speech);
      // Voices listed and the platform up: the key rows measure Loa's path, not speech-dispatcher's start.
      const tab = await build.extension.context.newPage();
      await tab.goto(server.corpusUrl(ARTICLE));
      await tab.bringToFront();
      await dispatchCommand(build.extension, 'play-pause');
      await speech.waitFor((status) => status.sentence !== null && !status.preparing, 60_000);
      await dispatchCommand(build.extension, 'stop');
      await speech.waitFor((status) => status.state.status === 'idle');
      await tab.close();
    }
    if (!keyOnly)
      for (const page of corpusPages().slice(0, POPUP_PAGES))
        for (const build of builds) await popupRound(build, server.origin, page.name);
    for (let run = 0; run < KEY_RUNS; run++)
      for (const build of builds) await keyRound(build, server.corpusUrl(ARTICLE), speeches.get(build)!);
    for (let run = 0; run < (keyOnly ? 0 : LISTING_RUNS); run++)
      for (const build of builds)
        // The rows above are kept when a listing round fails (a worker that would not stop, a slow start).
        await listingRound(build, server).catch((error: unknown) =>
          console.log(`  ${build.name}, listing round failed: ${String(error)}`),
        );
  } finally {
    for (const build of builds) await build.extension.close();
    sink.stop();
    await server.close();
  }

  const summaryOf = (build: Build) => {
    const key = medians(build.key);
    return {
      injected: median(build.injected),
      first: round(median(build.first)),
      cached: round(median(build.cached)),
      ready: round(median(build.ready)),
      key,
      sound: key.get('total') ?? Number.NaN,
      badge: key.get('badge') ?? Number.NaN,
      silent: build.key.filter((steps) => !steps.has('total')).length,
      probe: (kind: keyof Probe) => round(median(build.probes.map((probe) => probe[kind]))),
      listing: (pick: (run: ListingRun) => number | undefined) =>
        round(median(build.listing.map(pick).filter((value): value is number => value !== undefined))),
    };
  };
  const load = `load at start → end ${loadAtStart.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`;
  const after = builds.find((build) => build.name === 'after')!;
  const before = builds.find((build) => build.name === 'before');
  // Rounds alternate the builds key by key: round i of one beside round i of the other.
  const keyRatios = before
    ? after.key.flatMap((steps, round) => {
        const now = steps.get('total');
        const then = before.key[round]?.get('total');
        return now !== undefined && then !== undefined ? [now / then] : [];
      })
    : [];
  const ratioNote = keyRatios.length
    ? `; paired per-round ratios after/before: ${keyRatios.map((ratio) => ratio.toFixed(2)).join(', ')} (median ${median(keyRatios).toFixed(2)}, IQR ${quantile(keyRatios, 0.25).toFixed(2)}–${quantile(keyRatios, 0.75).toFixed(2)})`
    : '';
  const now = summaryOf(after);
  const then = before && summaryOf(before);
  console.log(load + ratioNote);
  for (const build of builds) {
    const s = summaryOf(build);
    console.log(
      `${build.name}: popup injects ${s.injected} B; summary first ${s.first} ms, cached ${s.cached} ms; player ready ${s.ready} ms; ` +
        `key on a fresh tab → first sound ${s.sound} ms (${s.silent} silent), badge ${s.badge} ms; stages: ${describe(s.key)}`,
    );
  }
  const baseline = (what: string, value: number | undefined) =>
    value === undefined ? {} : { baseline: { what: `${what}, before build in the same run`, value } };
  const kb = (bytes: number) => round(bytes / 1024);
  const rows: BenchRow[] = [
    {
      what: 'bytes injected into the tab when the popup opens (min+gzip)',
      goal: '≤ 40 KB',
      value: kb(now.injected),
      unit: 'KB',
      meets: kb(now.injected) <= 40,
      ...baseline('the same opening', then && kb(then.injected)),
      note:
        `median of ${POPUP_PAGES} first openings, popup kept open ${LINGER_MS} ms after its voice slots showed; content.js ${after.bytes.content} B, reader.js ${after.bytes.reader} B gzip -9; ` +
        `knowing whether the page has the reader, from the popup (median ms): the extraction script's injection, which answers it ${now.probe('injection')}, ` +
        `an executeScript of a function reading the mark ${now.probe('func')}, a background round trip ${now.probe('background')}`,
    },
    {
      what: 'popup open → summary painted, first time',
      goal: '≤ 600 ms',
      value: now.first,
      unit: 'ms',
      meets: now.first <= 600,
      ...baseline('the same pages', then?.first),
      note: `${POPUP_PAGES} corpus pages, builds alternating page by page; popup open → voice slots shown ${now.ready} ms${then ? ` (before ${then.ready} ms)` : ''}`,
    },
    {
      what: 'popup open → summary painted, cached',
      goal: '≤ 300 ms',
      value: now.cached,
      unit: 'ms',
      meets: now.cached <= 300,
      ...baseline('the same pages', then?.cached),
      note: `${POPUP_PAGES} corpus pages, second opening on the same tab`,
    },
    {
      what: 'Alt+Shift+Q → first sound in a fresh tab where the popup never opened, voices already listed',
      goal: '≤ 150 ms',
      value: now.sound,
      unit: 'ms',
      meets: now.sound <= 150,
      ...baseline('the same key', then?.sound),
      note: `median of ${KEY_RUNS}, builds alternating (silent runs: ${now.silent}${then ? `, before ${then.silent}` : ''}), ${load}${ratioNote}; stages (ms, median of each): ${describe(now.key)}${then ? `; before build: ${describe(then.key)}` : ''}`,
    },
    {
      what: 'Alt+Shift+Q in a fresh tab → badge "preparing"',
      goal: '≤ 100 ms',
      value: now.badge,
      unit: 'ms',
      meets: now.badge <= 100,
      ...baseline('the same key', then?.badge),
      note: `median of ${KEY_RUNS}`,
    },
  ];
  const listingNote = (s: ReturnType<typeof summaryOf>, build: Build) =>
    `fresh browser: summary ${s.listing((run) => run.fresh.summary)} ms, slots ${s.listing((run) => run.fresh.ready)} ms, ` +
    `speech-dispatcher CPU ${s.listing((run) => run.cpu.opening)} ms over the opening + ${CPU_WINDOW_MS} ms (${s.listing((run) => run.cpu.idle)} ms over ${CPU_WINDOW_MS} ms before it); ` +
    `worker up: summary ${s.listing((run) => run.alive.summary)} ms, slots ${s.listing((run) => run.alive.ready)} ms; ` +
    `new worker: summary ${s.listing((run) => run.restarted?.summary)} ms, slots ${s.listing((run) => run.restarted?.ready)} ms ` +
    `(${build.listing.filter((run) => run.restarted).length}/${build.listing.length} openings met a new worker)`;
  rows.push({
    what: "popup open → voice slots shown, in a new service worker (the background's voice listing for the player)",
    goal: 'no cost beyond the summary',
    value: now.listing((run) => run.restarted?.ready),
    unit: 'ms',
    meets: now.listing((run) => run.restarted?.ready) <= now.listing((run) => run.restarted?.summary),
    ...baseline(
      'the same openings',
      then?.listing((run) => run.restarted?.ready),
    ),
    note: `median of ${LISTING_RUNS} browsers a build, each with a speech-dispatcher of its own; ${listingNote(now, after)}${then && before ? `; before: ${listingNote(then, before)}` : ''}`,
  });
  if (!keyOnly) writeBenchRows('popup', rows);
}

await main();
