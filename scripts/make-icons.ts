/**
 * Renders scripts/icon.svg into public/icon/{16,32,48,128}.png with Debian's Chromium (the same
 * browser the E2E tests use), so the PNGs are generated, never drawn by hand:
 *   npx tsx scripts/make-icons.ts
 * Deterministic for a given Chromium: a fixed viewport, device scale 1, a transparent background.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '..');
const ICON_SIZES = [16, 32, 48, 128] as const;

const svg = readFileSync(join(ROOT, 'scripts/icon.svg'), 'utf8');
const browser = await chromium.launch({
  executablePath: '/usr/lib/chromium/chromium',
  args: ['--disable-gpu', '--no-sandbox'],
});
try {
  for (const size of ICON_SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const sized = svg.replace('<svg ', `<svg width="${size}" height="${size}" `);
    await page.setContent(
      `<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block}</style>${sized}`,
    );
    writeFileSync(join(ROOT, `public/icon/${size}.png`), await page.screenshot({ omitBackground: true, type: 'png' }));
    await page.close();
  }
  console.log(`public/icon/{${ICON_SIZES.join(',')}}.png written`);
} finally {
  await browser.close();
}
