import { describe, expect, it } from 'vitest';
import { isOwnContentScript, isOwnExtensionPage, type OwnExtension } from '../../lib/sender';

const SELF: OwnExtension = { id: 'loaloaloa', base: 'chrome-extension://loaloaloa/' };
const POPUP = { id: SELF.id, url: 'chrome-extension://loaloaloa/popup.html' };
const CLIPS_TAB = { id: SELF.id, url: 'chrome-extension://loaloaloa/clips.html', tab: { id: 4 } };
const CONTENT_SCRIPT = { id: SELF.id, url: 'https://baochinhphu.vn/tin.htm', tab: { id: 7 } };

describe('who may ask the background', () => {
  it('lets Loa’s own pages save and open clips, and nobody else', () => {
    expect(isOwnExtensionPage(POPUP, SELF)).toBe(true);
    expect(isOwnExtensionPage(CLIPS_TAB, SELF)).toBe(true);
    expect(isOwnExtensionPage(CONTENT_SCRIPT, SELF)).toBe(false);
    expect(isOwnExtensionPage({ ...POPUP, id: 'other-extension' }, SELF)).toBe(false);
    expect(isOwnExtensionPage({ id: SELF.id, url: 'chrome-extension://loaloaloa.evil/popup.html' }, SELF)).toBe(false);
    expect(isOwnExtensionPage({ id: SELF.id }, SELF)).toBe(false);
    expect(isOwnExtensionPage(undefined, SELF)).toBe(false);
  });

  it('lets only Loa’s content script in a tab speak through the background', () => {
    expect(isOwnContentScript(CONTENT_SCRIPT, SELF)).toBe(true);
    expect(isOwnContentScript({ ...CONTENT_SCRIPT, id: 'other-extension' }, SELF)).toBe(false);
    expect(isOwnContentScript({ id: SELF.id, url: CONTENT_SCRIPT.url }, SELF)).toBe(false);
    expect(isOwnContentScript(POPUP, SELF)).toBe(false);
    expect(isOwnContentScript(CLIPS_TAB, SELF)).toBe(false);
    expect(isOwnContentScript(undefined, SELF)).toBe(false);
  });
});
