/**
 * Screenshots of the popup and the clips page, light and dark, Vietnamese and English, into
 * docs/screenshots/ (the README shows them). Builds the E2E variant first (it may read the local
 * page server):  npm run screenshots
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchExtension, ROOT, startPageServer, startSpeechSink } from './lib/browser-harness';

const OUT = join(ROOT, 'docs/screenshots');
const ARTICLE = 'vn-baolaocai-seed-reconstructed';
/** Saved before the clips page is shot, so it shows a real list. */
const SAVED = [ARTICLE, 'vn-baochinhphu-chinh-sach-moi-thang3-2026', 'de-bmz-schulze-wfp'];

mkdirSync(OUT, { recursive: true });
const server = await startPageServer();
const sink = startSpeechSink('instant');
try {
  for (const locale of ['vi', 'en'] as const) {
    const extension = await launchExtension({ speech: sink, locale });
    try {
      for (const name of SAVED) {
        const page = await extension.context.newPage();
        await page.goto(server.corpusUrl(name));
        const popup = await extension.openPopup(await extension.tabIdOf(page));
        await popup.locator('.save-bar button.primary').click();
        await popup.locator('.save-bar .status:not(:empty)').waitFor();
        await popup.close();
        await page.close();
      }
      const page = await extension.context.newPage();
      await page.goto(server.corpusUrl(ARTICLE));
      const tabId = await extension.tabIdOf(page);
      for (const scheme of ['light', 'dark'] as const) {
        const popup = await extension.openPopup(tabId);
        await popup.emulateMedia({ colorScheme: scheme });
        await popup.setViewportSize({ width: 420, height: 600 });
        await popup.locator('fieldset.voices, .player .problem').first().waitFor({ timeout: 60_000 });
        await popup.screenshot({ path: join(OUT, `popup-${locale}-${scheme}.png`) });
        await popup.close();

        const clips = await extension.context.newPage();
        await clips.emulateMedia({ colorScheme: scheme });
        await clips.setViewportSize({ width: 1000, height: 760 });
        await clips.goto(`chrome-extension://${extension.extensionId}/clips.html`);
        await clips.getByRole('heading', { level: 2 }).first().waitFor();
        await clips.screenshot({ path: join(OUT, `clips-${locale}-${scheme}.png`) });
        await clips.close();
      }
      await page.close();
    } finally {
      await extension.close();
    }
  }
} finally {
  sink.stop();
  await server.close();
}
console.log(`screenshots in ${OUT}`);
