/**
 * The extraction script runs on the browser's own messaging (no webextension-polyfill), while the
 * popup and the background keep the polyfill. Chrome's own runtime is modelled here as it behaves
 * without the polyfill: a listener answers only through sendResponse (synchronously, or later
 * after returning true); a returned promise is not an answer, and no answer closes the port.
 */
import { beforeAll, describe, expect, it } from 'vitest';

type Listener = (message: unknown, sender: object, sendResponse: (response: unknown) => void) => unknown;

const NO_ANSWER = 'The message port closed before a response was received.';

function chromeRuntime() {
  const listeners = new Set<Listener>();
  const dispatch = (message: unknown, sender: object) =>
    new Promise<unknown>((resolve, reject) => {
      let answered = false;
      let keptOpen = false;
      const sendResponse = (response: unknown) => {
        if (answered) return;
        answered = true;
        resolve(structuredClone(response));
      };
      for (const listener of listeners)
        if (listener(structuredClone(message), sender, sendResponse) === true) keptOpen = true;
      if (!keptOpen && !answered) reject(new Error(NO_ANSWER));
    });
  const runtime = {
    id: 'loaloaloa',
    lastError: undefined as { message: string } | undefined,
    onMessage: {
      addListener: (listener: Listener) => void listeners.add(listener),
      removeListener: (listener: Listener) => void listeners.delete(listener),
      hasListener: (listener: Listener) => listeners.has(listener),
    },
  };
  // The polyfill passes a callback and reads runtime.lastError; native callers take the promise.
  const withCallback = (reply: Promise<unknown>, callback?: (response?: unknown) => void) => {
    if (!callback) return reply;
    reply.then(
      (response) => callback(response),
      (error: Error) => {
        runtime.lastError = { message: error.message };
        callback();
        runtime.lastError = undefined;
      },
    );
    return undefined;
  };
  const fromTab = { id: 'loaloaloa', url: 'https://example.org/story', tab: { id: 7 } };
  return {
    runtime: Object.assign(runtime, {
      sendMessage: (message: unknown, callback?: (response?: unknown) => void) =>
        withCallback(dispatch(message, { id: 'loaloaloa', url: 'chrome-extension://loaloaloa/popup.html' }), callback),
    }),
    tabs: {
      sendMessage: (_tabId: number, message: unknown, ...rest: unknown[]) =>
        withCallback(dispatch(message, fromTab), rest.find((arg) => typeof arg === 'function') as never),
    },
  };
}

let messages: typeof import('../../lib/messages');
let polyfilled: {
  tabs: { sendMessage(tabId: number, message: unknown): Promise<unknown> };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
};

beforeAll(async () => {
  // Both read the global when imported, as in an extension page or a content script.
  (globalThis as { chrome?: unknown }).chrome = chromeRuntime();
  messages = await import('../../lib/messages');
  polyfilled = (await import('webextension-polyfill')).default as unknown as typeof polyfilled;
});

describe('messages between polyfilled pages and the unpolyfilled extraction script', () => {
  it("answers the popup's request through sendResponse, which Chrome's own runtime delivers", async () => {
    const stop = messages.onContentRequest({ reveal: async ({ sentence }) => sentence === 'Câu thứ hai.' });
    try {
      const envelope = { to: 'loa-content', message: { type: 'reveal', sentence: 'Câu thứ hai.' } };
      await expect(polyfilled.tabs.sendMessage(7, envelope)).resolves.toBe(true);
      await expect(messages.sendToTab(7, { type: 'reveal', sentence: 'Câu khác.' })).resolves.toBe(false);
    } finally {
      stop();
    }
  });

  it('fails the sender with the handler’s own message, polyfilled or not', async () => {
    const stop = messages.onContentRequest({
      extract: () => Promise.reject(new Error('Loa could not complete the article.')),
    });
    try {
      const envelope = { to: 'loa-content', message: { type: 'extract' } };
      await expect(polyfilled.tabs.sendMessage(7, envelope)).rejects.toThrow('Loa could not complete the article.');
      await expect(messages.sendToTab(7, { type: 'extract' })).rejects.toThrow('Loa could not complete the article.');
    } finally {
      stop();
    }
  });

  it("gives the background's failure to the unpolyfilled content script as a rejection", async () => {
    const stop = messages.onBackgroundRequest({
      'save-clip': () => Promise.reject(new Error('quota')),
      'open-clips': () => undefined,
      'same-site': ({ urls }) => urls.map((url) => url.startsWith('https://example.org/')),
      'complete-article': () => null,
      'idle-speech-status': () => null,
      'voice-options': () => ({ sameLanguage: [], otherLanguages: [] }),
    });
    try {
      const verdicts = messages.sendToBackground({
        type: 'same-site',
        pageUrl: 'https://example.org/story',
        urls: ['https://example.org/other', 'https://elsewhere.test/'],
      });
      await expect(verdicts).resolves.toEqual([true, false]);
      await expect(messages.sendToBackground({ type: 'open-clips' })).resolves.toBeUndefined();
      await expect(messages.sendToBackground({ type: 'save-clip', clip: {} as never })).rejects.toThrow('quota');
    } finally {
      stop();
    }
  });

  it("leaves a request it has no handler for to the page's other script", async () => {
    const stop = messages.onContentRequest({ reveal: () => true });
    try {
      // Nobody answers: the polyfill, like Firefox, resolves to nothing.
      await expect(
        polyfilled.tabs.sendMessage(7, { to: 'loa-content', message: { type: 'voice-options' } }),
      ).resolves.toBeUndefined();
      await expect(messages.sendToTab(7, { type: 'voice-options' })).rejects.toThrow(NO_ANSWER);
    } finally {
      stop();
    }
  });
});
