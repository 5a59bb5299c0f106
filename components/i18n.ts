import { browser } from 'wxt/browser';

/** `browser.i18n.getMessage` in the extension; a lookup over `_locales` in component tests. */
export type Translate = (key: string, substitutions?: string[]) => string;

/**
 * The browser's translation of a UI string. WXT types getMessage against the keys it saw at build
 * time; views look keys up by name, and an unknown key shows as itself rather than as nothing.
 */
export const browserTranslate: Translate = (key, substitutions) =>
  (browser.i18n.getMessage as (key: string, substitutions?: string[]) => string)(key, substitutions) || key;
