/**
 * The first utterance a reader just injected into a tab would send through the chrome.tts bridge
 * for "read the article" (the key, the menu): the background speaks it while the reader is still
 * being injected, and the reader's own first request takes it over (see the bridge host's
 * `speakAhead`). It must be that request exactly, or the reader speaks it again: a fresh reader
 * knows no voices yet, so it speaks with the voice remembered for the language, from the first sentence.
 */
import type { Readable } from './session';
import { articleSentences, buildQueue, chunkLimit } from './queue';
import { clampRate, rememberedVoiceOf, type SpeechSettings } from './settings';
import type { BridgeUtterance } from './tts-bridge/protocol';

export function firstArticleUtterance(article: Readable, settings: SpeechSettings): BridgeUtterance | null {
  const rate = clampRate(settings.rate);
  const first = buildQueue(articleSentences(article), article.lang, chunkLimit(rate))[0];
  if (!first) return null;
  const remembered = rememberedVoiceOf(settings, article.lang);
  return {
    text: first.speak,
    voiceName: remembered?.voice.name,
    lang: remembered?.voice.lang || article.lang,
    rate,
    pitch: remembered?.pitch ?? 1,
    volume: 1,
  };
}
