/**
 * For scenarios that run in Chromium and in Firefox alike: one browser with Loa per describe
 * block, and the comparison of a browser's article with the CLI's.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import type { Article } from '../../lib/article';
import { normalizeText } from '../../scripts/lib/corpus';
import {
  launchBrowser,
  startPageServer,
  startSpeechSink,
  type BrowserName,
  type ExtensionBrowser,
  type PageServer,
  type SpeechDispatcher,
  type SpeechSink,
} from '../../scripts/lib/browser-harness';

export interface BothFixture {
  server: PageServer;
  browser: ExtensionBrowser;
  sink: SpeechDispatcher;
}

/** One page server, speech sink and `name` with Loa for a describe block, torn down after it. */
export function useExtensionBrowser(name: BrowserName, options: { speech?: SpeechSink } = {}): BothFixture {
  const fixture = {} as BothFixture;
  beforeAll(async () => {
    fixture.server = await startPageServer();
    fixture.sink = startSpeechSink(options.speech ?? 'none');
    fixture.browser = await launchBrowser(name, { speech: fixture.sink });
  });
  afterAll(async () => {
    await fixture.browser?.close();
    fixture.sink?.stop();
    await fixture.server?.close();
  });
  return fixture;
}

/** The same article, as far as a reader can tell: text, lead, figures, related links, no page markup. */
export function expectSameArticle(inBrowser: Article, inNode: Article): void {
  expect(inBrowser.title).toBe(inNode.title);
  expect(inBrowser.lead).toBe(inNode.lead);
  expect(normalizeText(inBrowser.text)).toBe(normalizeText(inNode.text));
  expect(inBrowser.summary).toEqual(inNode.summary);
  expect(inBrowser.figures.map((figure) => [figure.text, figure.value, figure.unit])).toEqual(
    inNode.figures.map((figure) => [figure.text, figure.value, figure.unit]),
  );
  expect(inBrowser.related.map((story) => story.url)).toEqual(inNode.related.map((story) => story.url));
  expect(JSON.stringify(inBrowser)).not.toMatch(/<script|onerror=|onclick=/i);
}
