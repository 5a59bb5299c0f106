import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchExtension,
  startPageServer,
  type LoadedExtension,
  type PageServer,
} from '../../scripts/lib/browser-harness';

const ARTICLES = ['vn-baolaocai-seed-reconstructed', 'vn-baochinhphu-co-che-gia-in-duc-tien'];

describe('clips in Chromium', () => {
  let server: PageServer;
  const profileDir = mkdtempSync(join(tmpdir(), 'loa-clips-profile-'));
  let extension: LoadedExtension;
  beforeAll(async () => {
    server = await startPageServer();
    extension = await launchExtension({ profileDir });
  });
  afterAll(async () => {
    await extension?.close();
    await server?.close();
    rmSync(profileDir, { recursive: true, force: true });
  });

  const clipsPage = async () => {
    const page = await extension.context.newPage();
    await page.goto(`chrome-extension://${extension.extensionId}/clips.html`);
    return page;
  };
  const titlesOn = (page: Page) => page.locator('.clip-list h2, .clip-list h3').allTextContents();

  it('saves from the popup, shows the clip on the clips page, and keeps it across a browser restart', async () => {
    for (const name of ARTICLES) {
      const page = await extension.context.newPage();
      await page.goto(server.corpusUrl(name));
      const popup = await extension.openPopup(await extension.tabIdOf(page));
      await popup.getByRole('button', { name: /Lưu bài|Save clip/ }).click();
      await popup.getByText(/Đã lưu|Saved to your clips/).waitFor();
      // Saving the same article again updates it rather than adding a second clip.
      await popup.getByRole('button', { name: /Lưu bài|Save clip/ }).click();
      await popup.getByText(/Đã cập nhật|Updated your saved clip/).waitFor();
      await popup.close();
      await page.close();
    }
    let clips = await clipsPage();
    await expect.poll(() => clips.locator('.clip-list > li').count()).toBe(2);
    expect((await titlesOn(clips)).join('|')).toContain(
      'Ban Chỉ đạo Cải cách hành chính của Chính phủ họp phiên thứ 7',
    );

    await extension.close({ keepProfile: true });
    extension = await launchExtension({ profileDir });
    clips = await clipsPage();
    await expect.poll(() => clips.locator('.clip-list > li').count()).toBe(2);

    // Accents are optional in search.
    await clips.getByRole('searchbox').fill('in duc tien');
    await expect.poll(() => clips.locator('.clip-list > li').count()).toBe(1);
    await clips.close();
  });

  it('saves a selection from the context menu and the article from the save-clip shortcut', async () => {
    const page = await extension.context.newPage();
    await page.goto(server.corpusUrl('de-bmz-schulze-wfp'));
    const tab = await extension.worker.evaluate(async (id) => chrome.tabs.get(id), await extension.tabIdOf(page));
    await extension.worker.evaluate(
      ([info, target]) =>
        (chrome.contextMenus.onClicked as unknown as { dispatch(...args: unknown[]): void }).dispatch(info, target),
      [
        {
          menuItemId: 'save-selection',
          selectionText: 'Die künftige Zusammenarbeit mit dem UN-Welternährungsprogramm',
          editable: false,
          pageUrl: tab.url,
        },
        tab,
      ] as const,
    );
    await extension.worker.evaluate(() =>
      (chrome.commands.onCommand as unknown as { dispatch(name: string): void }).dispatch('save-clip'),
    );
    const clips = await clipsPage();
    await expect.poll(() => clips.locator('.clip-list > li').count()).toBe(4);
    await clips.getByRole('searchbox').fill('kunftige Zusammenarbeit');
    await expect.poll(() => clips.locator('.clip-list > li').count()).toBe(2);
    await clips.close();
    await page.close();
  });

  it('exports all, deletes all, imports the file, and every clip is back', async () => {
    const clips = await clipsPage();
    await expect.poll(() => clips.locator('.clip-list > li').count()).toBe(4);
    const before = (await titlesOn(clips)).sort();

    const [download] = await Promise.all([
      clips.waitForEvent('download'),
      clips
        .getByRole('button', { name: /Export all \(JSON\)|JSON/ })
        .first()
        .click(),
    ]);
    const exported = join(profileDir, 'export.json');
    await download.saveAs(exported);
    expect(JSON.parse(readFileSync(exported, 'utf8')).clips).toHaveLength(4);

    await clips.getByLabel(/Select all shown clips|Chọn tất cả/).check();
    await clips
      .getByRole('button', { name: /Delete selected|Xoá|Xóa/ })
      .first()
      .click();
    await expect.poll(() => clips.locator('.clip-list > li').count()).toBe(0);

    await clips.getByTestId('import-file').setInputFiles(exported);
    await expect.poll(() => clips.locator('.clip-list > li').count()).toBe(4);
    expect((await titlesOn(clips)).sort()).toEqual(before);
    await clips.close();
  });

  it('rejects a foreign file with a clear message and changes nothing', async () => {
    const clips = await clipsPage();
    await expect.poll(() => clips.locator('.clip-list > li').count()).toBe(4);
    await clips
      .getByTestId('import-file')
      .setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": "world"}') });
    await clips.getByRole('alert').first().waitFor();
    expect(await clips.getByRole('alert').first().textContent()).toMatch(/Loa/);
    expect(await clips.locator('.clip-list > li').count()).toBe(4);
    await clips.close();
  });
});
