import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ClipsApp } from '@/components/clips/ClipsApp';
import type { Translate } from '@/components/clips/i18n';
import { openClipStore } from '@/lib/clips';
import '@/components/theme.css';
import './style.css';

// WXT types getMessage against the keys it saw at build time; clip keys are looked up by name.
const t: Translate = (key, substitutions) =>
  (browser.i18n.getMessage as (key: string, substitutions?: string[]) => string)(key, substitutions) || key;

const uiLanguage = browser.i18n.getUILanguage();
document.documentElement.lang = uiLanguage.startsWith('vi') ? 'vi' : uiLanguage;
document.title = t('clips_page_title');

const root = document.getElementById('app')!;
let blocked = false;
const store = openClipStore({
  onBlocked: () => {
    blocked = true;
    mount();
  },
});

function mount() {
  render(<ClipsApp store={store} t={t} locale={uiLanguage} blocked={blocked} />, root);
}

mount();
