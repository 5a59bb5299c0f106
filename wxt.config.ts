import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';

// The E2E build (LOA_E2E=1) may also script the local test server: automation cannot click the
// toolbar icon, so activeTab is never granted there. It is built to its own folder, never shipped.
const e2e = process.env.LOA_E2E === '1';

// Rendered from scripts/icon.svg by scripts/make-icons.ts.
const ICONS = Object.fromEntries([16, 32, 48, 128].map((size) => [size, `icon/${size}.png`]));

/**
 * The extraction script (entrypoints/content.ts, sent into the page on every popup opening) gets
 * the browser's own `browser`/`chrome` instead of webextension-polyfill, 2.6 KB min+gzip of it: its
 * messaging (lib/messages.ts) answers through sendResponse and needs no adapting, and WXT's content
 * script context only reads runtime.id. Every other bundle keeps the polyfill.
 */
function nativeBrowserInExtractionScript(): Plugin {
  let extractionScript = false;
  return {
    name: 'loa:native-browser-in-extraction-script',
    enforce: 'pre',
    options(options) {
      const inputs = typeof options.input === 'string' ? [options.input] : Object.values(options.input ?? {});
      extractionScript = inputs.some((input) => input.endsWith('/entrypoints/content.ts'));
    },
    resolveId(source, importer, options) {
      if (!extractionScript || source !== '@wxt-dev/webextension-polyfill/browser') return null;
      return this.resolve('@wxt-dev/browser', importer, { ...options, skipSelf: true });
    },
  };
}

// Permissions are kept minimal: the content script is injected on demand (activeTab + scripting)
// instead of being declared for <all_urls>; contextMenus and storage serve the power-user features.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  outDir: e2e ? '.output/e2e' : '.output',
  vite: () => ({
    plugins: [preact(), nativeBrowserInExtractionScript()],
    // lib/ modules are pure (DOM in, data out; nothing runs on import): a module a bundle does not
    // use is dropped whole. Without this Rollup keeps the figure lexicon's word tables in the
    // extraction script, whose figures are computed by the background.
    build: { rollupOptions: { treeshake: { moduleSideEffects: (id: string) => !id.includes('/lib/') } } },
  }),
  hooks: {
    // WXT builds the toolbar button from the popup, with its <title> as the tooltip, and drops the
    // config's action in the MV2 (Firefox) build: the icon and the localized title are set here, last.
    'build:manifestGenerated': (_wxt, manifest) => {
      const action = manifest.manifest_version === 2 ? manifest.browser_action : manifest.action;
      if (action) Object.assign(action, { default_icon: ICONS, default_title: '__MSG_actionTitle__' });
    },
  },
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'vi',
    // tts: Chrome refuses the page's speechSynthesis until the user clicks the page, so reading
    // started from the popup or a shortcut goes through chrome.tts (Firefox has no such rule).
    permissions: ['activeTab', 'scripting', 'storage', 'contextMenus', ...(browser === 'firefox' ? [] : ['tts'])],
    // file:///* lets the E2E popup see a saved page's address, as the toolbar click (activeTab) does.
    ...(e2e ? { host_permissions: ['http://127.0.0.1/*', 'file:///*'] } : {}),
    icons: ICONS,
    // Chrome allows four suggested keys: the four a listener needs without looking at the screen
    // (start/pause, stop, hear that sentence again, keep the article). Each is checked to register
    // in Chromium (tests/e2e/speech.e2e.ts); the others can be set at chrome://extensions/shortcuts.
    commands: {
      // Manifest V2 (Firefox) calls the toolbar button's command _execute_browser_action.
      [manifestVersion === 2 ? '_execute_browser_action' : '_execute_action']: { description: '__MSG_cmdOpenPopup__' },
      'play-pause': { suggested_key: { default: 'Alt+Shift+Q' }, description: '__MSG_cmdPlayPause__' },
      // "." is a full stop; Chromium refuses Alt+Shift+X as a suggested key.
      stop: { suggested_key: { default: 'Alt+Shift+Period' }, description: '__MSG_cmdStop__' },
      'previous-sentence': {
        suggested_key: { default: 'Alt+Shift+Comma' },
        description: '__MSG_cmdPreviousSentence__',
      },
      'save-clip': { suggested_key: { default: 'Alt+Shift+S' }, description: '__MSG_cmdSaveClip__' },
      'next-sentence': { description: '__MSG_cmdNextSentence__' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'loa@loa.example', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
});
