/**
 * The real-browser harness every E2E test builds on: a static server for corpus pages on
 * 127.0.0.1, Debian's Chromium with the built extension (recipe: shared/e2e.md), and a
 * speech sink so speechSynthesis really speaks through speech-dispatcher and espeak-ng.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { ExtractResult } from '../../lib/article';
import type { SpeechStatus } from '../../lib/messages';

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = join(ROOT, '.output/e2e/chrome-mv3');
const CHROMIUM = '/usr/lib/chromium/chromium';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.json': 'application/json', '.css': 'text/css', '.js': 'text/javascript' };

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
export async function launchExtension(options: { profileDir?: string; speech?: SpeechDispatcher; locale?: string } = {}): Promise<LoadedExtension> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No E2E build at ${EXTENSION_DIR}: run "LOA_E2E=1 npx wxt build" (npm run test:e2e does).`);
  }
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'loa-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    headless: true,
    executablePath: CHROMIUM,
    env: { ...process.env, ...(options.speech?.env ?? {}), ...(options.locale ? { LANGUAGE: options.locale } : {}) } as Record<string, string>,
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--enable-speech-dispatcher',
      ...(options.locale ? [`--lang=${options.locale}`] : []),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
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
      const id = await worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? -1);
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
export async function extractInBrowser(extension: LoadedExtension, tabId: number): Promise<ExtractResult> {
  const popup = await extension.context.newPage();
  await popup.goto(`chrome-extension://${extension.extensionId}/popup.html?tab=${tabId}`);
  const result = await popup.evaluate(async (id) => {
    await chrome.scripting.executeScript({ target: { tabId: id }, files: ['/content-scripts/content.js'] });
    return chrome.tabs.sendMessage(id, { to: 'loa-content', message: { type: 'extract' } });
  }, tabId);
  await popup.close();
  return result as ExtractResult;
}


/**
 * Collects the reading statuses the content script broadcasts, as seen by the service worker
 * (a listener like the popup's), so tests can follow sentence-by-sentence progress.
 */
export async function watchSpeech(extension: LoadedExtension) {
  await extension.worker.evaluate(() => {
    const scope = globalThis as unknown as { __loaStatuses?: unknown[] };
    if (scope.__loaStatuses) return;
    scope.__loaStatuses = [];
    chrome.runtime.onMessage.addListener((message: { to?: string; message?: unknown }) => {
      if (message?.to === 'loa-speech-status') scope.__loaStatuses!.push(message.message);
    });
  });
  const statuses = () =>
    extension.worker.evaluate(() => (globalThis as unknown as { __loaStatuses: SpeechStatus[] }).__loaStatuses);
  return {
    statuses,
    clear: () => extension.worker.evaluate(() => void ((globalThis as unknown as { __loaStatuses: unknown[] }).__loaStatuses.length = 0)),
    /** Waits until `predicate` holds for the latest status. */
    async waitFor(predicate: (status: SpeechStatus) => boolean, timeoutMs = 30_000): Promise<SpeechStatus> {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const all = await statuses();
        const last = all[all.length - 1];
        if (last && predicate(last)) return last;
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
      const all = await statuses();
      throw new Error(`speech status never matched; last: ${JSON.stringify(all[all.length - 1] ?? null).slice(0, 400)}`);
    },
  };
}

/** Runs a keyboard command's real listener, as Chrome does on the shortcut. */
export async function dispatchCommand(extension: LoadedExtension, name: string): Promise<void> {
  await extension.worker.evaluate((command) => {
    (chrome.commands.onCommand as unknown as { dispatch(name: string): void }).dispatch(command);
  }, name);
}
