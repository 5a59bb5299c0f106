import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ClipsApp } from '@/components/clips/ClipsApp';
import { browserTranslate } from '@/components/i18n';
import type { SpeechEngine } from '@/components/clips/reader';
import { openClipStore } from '@/lib/clips';
import { parseSpeechSettings, SPEECH_SETTINGS_KEY } from '@/lib/speech/settings';
import '@/components/theme.css';
import './style.css';

const t = browserTranslate;

// The language of the strings actually shown: the browser falls back to Vietnamese for UI
// languages Loa has no translation for, so getUILanguage() would mislabel them.
const language = t('clips_lang');
document.documentElement.lang = language;
document.title = t('clips_page_title');

// The page speaks for itself (unlike the popup, it stays open while reading), with the voice and
// rate the user chose while reading articles.
let speech: SpeechEngine | undefined =
  'speechSynthesis' in globalThis
    ? { synth: speechSynthesis, createUtterance: (text) => new SpeechSynthesisUtterance(text) }
    : undefined;

const root = document.getElementById('app')!;
let blocked = false;
const store = openClipStore({
  onBlocked: () => {
    blocked = true;
    mount();
  },
});

function mount() {
  render(<ClipsApp store={store} t={t} locale={language} blocked={blocked} speech={speech} />, root);
}

browser.storage.local.get(SPEECH_SETTINGS_KEY).then(
  (stored) => {
    if (speech) {
      speech = {
        ...speech,
        settings: parseSpeechSettings(stored[SPEECH_SETTINGS_KEY]),
        saveSettings: (settings) => void browser.storage.local.set({ [SPEECH_SETTINGS_KEY]: settings }).catch(() => {}),
      };
    }
    mount();
  },
  () => mount(),
);
