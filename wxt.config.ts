import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Permissions are kept minimal: the content script is injected on demand (activeTab + scripting)
// instead of being declared for <all_urls>; contextMenus and storage serve the power-user features.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'vi',
    permissions: ['activeTab', 'scripting', 'storage', 'contextMenus'],
    action: { default_title: '__MSG_actionTitle__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'loa@loa.example', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
});
