import { afterAll, beforeAll } from 'vitest';
import {
  launchExtension,
  startPageServer,
  startSpeechSink,
  type LoadedExtension,
  type PageServer,
  type SpeechDispatcher,
  type SpeechSink,
} from '../../scripts/lib/browser-harness';

export interface BrowserFixture {
  server: PageServer;
  extension: LoadedExtension;
  sink: SpeechDispatcher;
}

/** One page server, speech sink and Chromium with Loa for a test file, torn down after it. */
export function useBrowser(options: { speech?: SpeechSink } = {}): BrowserFixture {
  const fixture = {} as BrowserFixture;
  beforeAll(async () => {
    fixture.server = await startPageServer();
    fixture.sink = startSpeechSink(options.speech ?? 'none');
    fixture.extension = await launchExtension({ speech: fixture.sink });
  });
  afterAll(async () => {
    await fixture.extension?.close();
    fixture.sink?.stop();
    await fixture.server?.close();
  });
  return fixture;
}
