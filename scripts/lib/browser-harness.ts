/**
 * The real-browser harness every E2E test builds on: a static server for corpus pages on
 * 127.0.0.1, Debian's Chromium (playwright-core) or Firefox ESR (puppeteer-core over WebDriver
 * BiDi) with the built extension, and a speech sink so speechSynthesis really speaks through
 * speech-dispatcher and espeak-ng. `launchExtension` is Chromium with
 * Playwright's full API; `launchBrowser` gives either browser behind one small interface, for
 * scenarios that run in both.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import puppeteer, { type Browser as PuppeteerBrowser, type Page as PuppeteerPage } from 'puppeteer-core';
import type { ExtractResult } from '../../lib/article';
import type { SpeechStatus } from '../../lib/messages';

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = join(ROOT, '.output/e2e/chrome-mv3');
export const FIREFOX_EXTENSION_DIR = join(ROOT, '.output/e2e/firefox-mv2');
const CHROMIUM = '/usr/lib/chromium/chromium';
const FIREFOX = '/usr/bin/firefox-esr';
/** The Gecko id in wxt.config.ts, and a fixed internal UUID so moz-extension:// addresses are known. */
const GECKO_ID = 'loa@loa.example';
const FIREFOX_UUID = '3f2b9c1e-6a4d-4e8b-9c0f-1d2e3f4a5b6c';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.css': 'text/css',
  '.js': 'text/javascript',
};

export interface PageServer {
  origin: string;
  /** Address of a corpus page: /corpus/<name>/ serves tests/corpus/<name>/source.html. */
  corpusUrl(name: string): string;
  close(): Promise<void>;
}

/** Serves tests/ read-only on 127.0.0.1 (never another address). */
export async function startPageServer(): Promise<PageServer> {
  const base = join(ROOT, 'tests');
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    let file = normalize(join(base, path));
    if (!file.startsWith(base)) return void response.writeHead(403).end();
    if (path.endsWith('/')) file = join(file, path.startsWith('/corpus/') ? 'source.html' : 'index.html');
    if (!existsSync(file)) return void response.writeHead(404).end('not found');
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    origin,
    corpusUrl: (name) => `${origin}/corpus/${name}/`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

export type SpeechSink = 'none' | 'instant' | 'realtime';

export interface SpeechDispatcher {
  env: Record<string, string>;
  stop(): void;
}

/**
 * 'instant': a private speech-dispatcher writing to ALSA's null device, so `end` fires at once
 * (ordering tests). 'realtime': a PulseAudio null sink, so speech takes its real duration.
 */
export function startSpeechSink(kind: SpeechSink): SpeechDispatcher {
  if (kind === 'none') return { env: {}, stop: () => {} };
  if (kind === 'realtime') {
    spawn('pulseaudio', ['--start', '--exit-idle-time=-1'], { stdio: 'ignore' }).unref();
    return { env: {}, stop: () => {} };
  }
  const dir = mkdtempSync(join(tmpdir(), 'loa-speechd-'));
  const config = join(dir, 'conf');
  cpSync('/etc/speech-dispatcher', config, { recursive: true });
  appendFileSync(join(config, 'speechd.conf'), '\nAudioOutputMethod "alsa"\nAudioALSADevice "null"\n');
  const socket = join(dir, 'speechd.sock');
  const pidFile = join(dir, 'speechd.pid');
  const child: ChildProcess = spawn(
    'speech-dispatcher',
    ['-s', '-t', '0', '-C', config, '-S', socket, '-P', pidFile, '-c', 'unix_socket'],
    { stdio: 'ignore' },
  );
  return {
    env: { SPEECHD_ADDRESS: `unix_socket:${socket}` },
    stop: () => {
      child.kill();
      try {
        process.kill(Number(readFileSync(pidFile, 'utf8')));
      } catch {
        // already gone
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface LoadedExtension {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  profileDir: string;
  /** Opens the popup in a tab, working on `tabId` as the toolbar popup would on the active tab. */
  openPopup(tabId: number): Promise<Page>;
  /** The browser's id for the tab showing `page`. */
  tabIdOf(page: Page): Promise<number>;
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

/** `locale`: the browser's UI language ("vi", "en"), which chooses the extension's strings. */
export async function launchExtension(
  options: {
    profileDir?: string;
    speech?: SpeechDispatcher;
    locale?: string;
    /** Another build of Loa (a bench's "before" tree); this tree's E2E build by default. */
    extensionDir?: string;
  } = {},
): Promise<LoadedExtension> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No E2E build at ${extensionDir}: run "LOA_E2E=1 npx wxt build" (npm run test:e2e does).`);
  }
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'loa-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    headless: true,
    executablePath: CHROMIUM,
    env: {
      ...process.env,
      ...(options.speech?.env ?? {}),
      ...(options.locale ? { LANGUAGE: options.locale } : {}),
    } as Record<string, string>,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--enable-speech-dispatcher',
      ...(options.locale ? [`--lang=${options.locale}`] : []),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Test pages reach 127.0.0.1 only; their CDN and ad hosts fail at once instead of stalling each load.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    profileDir,
    async openPopup(tabId) {
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
      return popup;
    },
    async tabIdOf(page) {
      // Without the "tabs" permission tab URLs are hidden where Loa has no access (chrome://),
      // so the tab is found as the active one once the page is brought to the front.
      await page.bringToFront();
      const id = await worker.evaluate(
        async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? -1,
      );
      if (id < 0) throw new Error(`no tab shows ${page.url()}`);
      return id;
    },
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (!keepProfile && !options.profileDir) rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** Asks the tab's content script for its article exactly as the popup does (inject, then message). */
export function extractInBrowser(extension: LoadedExtension, tabId: number): Promise<ExtractResult> {
  return extractIn(chromiumBrowser(extension), tabId);
}

/** Whether Loa's reader runs in the tab (see hasReader). */
export function readerInTab(extension: LoadedExtension, tabId: number): Promise<boolean> {
  return hasReader(chromiumBrowser(extension), tabId);
}

/**
 * Collects the reading statuses the content script broadcasts, as seen by the service worker
 * (a listener like the popup's), so tests can follow sentence-by-sentence progress.
 */
export function watchSpeech(extension: LoadedExtension) {
  return watchStatuses(chromiumBrowser(extension));
}

/** Runs a keyboard command's real listener, as Chrome does on the shortcut. */
export async function dispatchCommand(extension: LoadedExtension, name: string): Promise<void> {
  await extension.worker.evaluate((command) => {
    (chrome.commands.onCommand as unknown as { dispatch(name: string): void }).dispatch(command);
  }, name);
}

export type BrowserName = 'chromium' | 'firefox';
export const BROWSERS: BrowserName[] = ['chromium', 'firefox'];

/** A page of either browser, reduced to what both-browser scenarios use. */
export interface ScriptablePage {
  /** Runs `fn` in the page; it must be self-contained (it is serialized), like Playwright's evaluate. */
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /**
   * Loads `url` (a web page or an extension page) in this same tab and resolves once it has loaded;
   * `url` must differ from the current address, by which Firefox's load is recognised.
   */
  goto(url: string): Promise<void>;
  /** Calls `listener` with the text of every console message this tab logs, from now on. */
  onConsole(listener: (text: string) => void): void;
  close(): Promise<void>;
}

export interface ExtensionBrowser {
  name: BrowserName;
  /** Opens `url` in a new tab, loaded, with the browser's id for that tab. */
  openTab(url: string): Promise<{ page: ScriptablePage; tabId: number }>;
  /** Opens an extension page ("popup.html?tab=3", "clips.html") in a tab, loaded. */
  openExtensionPage(path: string): Promise<ScriptablePage>;
  /** The full address of an extension page ("popup.html?tab=3"), for `ScriptablePage.goto`. */
  extensionUrl(path: string): string;
  /**
   * Runs `fn` where the extension API is (Chromium: the service worker; Firefox: an extension page,
   * as WebDriver BiDi cannot reach the background page). Use `globalThis.browser ?? chrome` inside.
   */
  inExtension<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  close(): Promise<void>;
}

/** Polls `probe` in `page` until it returns a truthy value (Firefox's extension CSP blocks waitForFunction). */
export async function waitInPage<R, A>(
  page: ScriptablePage,
  probe: (arg: A) => R | Promise<R>,
  arg: A,
  timeoutMs = 30_000,
): Promise<NonNullable<R>> {
  const deadline = Date.now() + timeoutMs;
  let last: R | undefined;
  while (Date.now() < deadline) {
    last = await page.evaluate(probe, arg).catch(() => undefined);
    if (last) return last as NonNullable<R>;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`page never satisfied ${probe.toString().slice(0, 200)}; last: ${JSON.stringify(last ?? null)}`);
}

/** Clicks the first enabled button whose accessible name matches `name` (a regular expression source). */
export function clickButton(page: ScriptablePage, name: string): Promise<boolean> {
  return waitInPage(
    page,
    (pattern) => {
      const button = [...document.querySelectorAll('button')].find(
        (candidate) =>
          !candidate.disabled &&
          new RegExp(pattern).test((candidate.getAttribute('aria-label') ?? candidate.textContent ?? '').trim()),
      );
      button?.click();
      return button !== undefined;
    },
    name,
  );
}

/**
 * Keeps the files the page's own export code downloads (an `<a download>` it clicks), so a test can
 * read them; only the browser's save dialog is left out. `next()` waits for the next file's text.
 */
export async function interceptDownloads(page: ScriptablePage): Promise<{ next(): Promise<string> }> {
  await page.evaluate(() => {
    const scope = globalThis as unknown as { __loaDownloads: string[] };
    scope.__loaDownloads = [];
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      if (this.download)
        void fetch(this.href)
          .then((response) => response.text())
          .then((text) => scope.__loaDownloads.push(text));
    };
  }, null);
  let taken = 0;
  return {
    next: () =>
      waitInPage(
        page,
        (index) => (globalThis as unknown as { __loaDownloads: string[] }).__loaDownloads[index],
        taken++,
      ),
  };
}

/** Hands the file input matching `selector` one file, as a user picking it in the file dialog does. */
export function chooseFile(
  page: ScriptablePage,
  selector: string,
  file: { name: string; type: string; text: string },
): Promise<void> {
  return page.evaluate(
    ([target, chosen]) => {
      const input = document.querySelector<HTMLInputElement>(target)!;
      const files = new DataTransfer();
      files.items.add(new File([chosen.text], chosen.name, { type: chosen.type }));
      input.files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    [selector, file] as const,
  );
}

/** Launches `name` with the E2E build of Loa, behind the interface both-browser scenarios use. */
export async function launchBrowser(
  name: BrowserName,
  options: { speech?: SpeechDispatcher } = {},
): Promise<ExtensionBrowser> {
  return name === 'chromium' ? chromiumBrowser(await launchExtension(options)) : launchFirefox(options);
}

function chromiumBrowser(extension: LoadedExtension): ExtensionBrowser {
  const wrap = (page: Page): ScriptablePage => ({
    evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg: A) =>
      page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown),
    goto: async (url) => void (await page.goto(url)),
    onConsole: (listener) => void page.on('console', (message) => listener(message.text())),
    close: () => page.close(),
  });
  return {
    name: 'chromium',
    async openTab(url) {
      const page = await extension.context.newPage();
      await page.goto(url);
      return { page: wrap(page), tabId: await extension.tabIdOf(page) };
    },
    async openExtensionPage(path) {
      const page = await extension.context.newPage();
      await page.goto(`chrome-extension://${extension.extensionId}/${path}`);
      return wrap(page);
    },
    extensionUrl: (path) => `chrome-extension://${extension.extensionId}/${path}`,
    inExtension: <R, A>(fn: (arg: A) => R | Promise<R>, arg: A) =>
      extension.worker.evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown),
    close: () => extension.close(),
  };
}

async function launchFirefox(options: { speech?: SpeechDispatcher }): Promise<ExtensionBrowser> {
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(
      `No E2E build at ${FIREFOX_EXTENSION_DIR}: run "LOA_E2E=1 npx wxt build -b firefox" (npm run test:e2e does).`,
    );
  }
  const browser: PuppeteerBrowser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // WebDriver BiDi refuses to open moz-extension:// pages without system access.
    args: ['-remote-allow-system-access'],
    env: { ...process.env, ...(options.speech?.env ?? {}) } as Record<string, string>,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      // Test pages reach 127.0.0.1 only. Their CDN and ad addresses go to a proxy port nothing listens
      // on and fail at once; without it Firefox waits seconds per page on lookups that cannot succeed.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': 9,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': 9,
      'network.proxy.no_proxies_on': '127.0.0.1',
      'network.proxy.allow_hijacking_localhost': false,
    },
  });
  await browser.installExtension(FIREFOX_EXTENSION_DIR);
  const extensionUrl = (path: string) => `moz-extension://${FIREFOX_UUID}/${path}`;
  const wrap = (page: PuppeteerPage): ScriptablePage => {
    const scriptable: ScriptablePage = {
      evaluate: (fn, arg) => page.evaluate(fn as (arg: unknown) => unknown, arg) as never,
      async goto(url) {
        // Navigations to moz-extension:// never report their load over BiDi: start it, then poll. Firefox
        // sometimes reports a failed subresource of a web page as the navigation's failure ("Address
        // rejected"); the page itself has loaded all the same.
        const navigation = page.goto(url).catch(() => {});
        const isExtensionPage = url.startsWith('moz-extension://');
        if (!isExtensionPage) await navigation;
        await waitInPage(
          scriptable,
          ([expected, complete]) =>
            location.href === expected &&
            (complete ? document.readyState === 'complete' : document.readyState !== 'loading'),
          [url, isExtensionPage] as const,
        );
      },
      onConsole: (listener) => void page.on('console', (message) => listener(message.text())),
      close: () => page.close(),
    };
    return scriptable;
  };
  const openExtensionPage = async (path: string) => {
    const loaded = wrap(await browser.newPage());
    await loaded.goto(extensionUrl(path));
    return loaded;
  };
  // One extension page stays open as the place to call the extension API from.
  const driver = await openExtensionPage('clips.html');
  return {
    name: 'firefox',
    async openTab(url) {
      const page = wrap(await browser.newPage());
      await page.goto(url);
      // The E2E build's host permission lets the extension see this tab's address.
      const tabId = await driver.evaluate(async (address) => {
        const tabs = await (globalThis as unknown as { browser: typeof chrome }).browser.tabs.query({});
        return Math.max(-1, ...tabs.filter((tab) => tab.url === address).map((tab) => tab.id ?? -1));
      }, url);
      if (tabId < 0) throw new Error(`no tab shows ${url}`);
      return { page, tabId };
    },
    openExtensionPage,
    extensionUrl,
    inExtension: (fn, arg) => driver.evaluate(fn, arg),
    close: () => browser.close(),
  };
}

/** Injects the content script into the tab and asks for its article, as the popup does. */
export function extractIn(browser: ExtensionBrowser, tabId: number): Promise<ExtractResult> {
  return browser.inExtension(async (id) => {
    const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
    await api.scripting.executeScript({ target: { tabId: id }, files: ['/content-scripts/content.js'] });
    return (await api.tabs.sendMessage(id, { to: 'loa-content', message: { type: 'extract' } })) as ExtractResult;
  }, tabId);
}

/**
 * Whether Loa's reader runs in the tab: its mark (READER_INJECTED in lib/tabs.ts) on the global of
 * the content scripts' own world, where a script injected by the extension looks.
 */
export function hasReader(browser: ExtensionBrowser, tabId: number): Promise<boolean> {
  return browser.inExtension(async (id) => {
    const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
    const [injection] = await api.scripting.executeScript({
      target: { tabId: id },
      // Returned from a call, the function gets no inferred name, which tsx (keepNames) would wrap
      // in a helper the tab lacks.
      func: (
        () => () =>
          Symbol.for('loa.reader') in globalThis
      )(),
    });
    return injection?.result === true;
  }, tabId);
}

/** Collects the reading statuses the content script broadcasts, as an extension context receives them. */
export async function watchStatuses(browser: ExtensionBrowser) {
  await browser.inExtension(() => {
    const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
    const scope = globalThis as unknown as { __loaStatuses?: unknown[] };
    if (scope.__loaStatuses) return;
    scope.__loaStatuses = [];
    api.runtime.onMessage.addListener((message: { to?: string; message?: unknown }) => {
      if (message?.to === 'loa-speech-status') scope.__loaStatuses!.push(message.message);
    });
  }, null);
  const statuses = () =>
    browser.inExtension(() => (globalThis as unknown as { __loaStatuses: SpeechStatus[] }).__loaStatuses, null);
  return {
    statuses,
    clear: () =>
      browser.inExtension(
        () => void ((globalThis as unknown as { __loaStatuses: unknown[] }).__loaStatuses.length = 0),
        null,
      ),
    /** Waits until `predicate` holds for the latest status. */
    async waitFor(predicate: (status: SpeechStatus) => boolean, timeoutMs = 30_000): Promise<SpeechStatus> {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const last = (await statuses()).at(-1);
        if (last && predicate(last)) return last;
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
      throw new Error(
        `speech status never matched; last: ${JSON.stringify((await statuses()).at(-1) ?? null).slice(0, 400)}`,
      );
    },
  };
}
