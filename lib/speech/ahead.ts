/**
 * The first utterance a reader just injected into a tab would send through the chrome.tts bridge
 * for "read the article" (the key, the menu): the background speaks it while the reader is still
 * being injected, and the reader's own first request takes it over (see the bridge host's
 * `speakAhead`). It is built by the reader's own steps: its session's voice before the engine
 * listed any (the bridge takes it by name), and its speaker's first item and utterance.
 */
import type { Readable } from './session';
import { voiceBeforeListing } from './session';
import { articleSentences } from './queue';
import { clampRate, type SpeechSettings } from './settings';
import { speechItems, utteranceFields } from './speaker';
import { bridgeUtterance } from './tts-bridge/client';
import type { BridgeUtterance } from './tts-bridge/protocol';
import type { SpeechStatus } from '../messages';

export function firstArticleUtterance(article: Readable, settings: SpeechSettings): BridgeUtterance | null {
  const rate = clampRate(settings.rate);
  const first = speechItems(articleSentences(article), article.lang, rate)[0];
  if (!first) return null;
  const { voice, pitch } = voiceBeforeListing(settings, article.lang);
  return bridgeUtterance(utteranceFields(first, voice ?? undefined, { lang: article.lang, rate, pitch }));
}

/**
 * Whether a reader's answer to a `speech` request says it took the sentence spoken ahead over: a
 * session made for that request which is not idle sent its first sentence to the bridge, even if a
 * second key already paused it (dropping the sentence then would make the reader send it again).
 */
export function tookAhead(spokenAhead: boolean, sessionMadeForRequest: boolean, status: SpeechStatus): boolean {
  return spokenAhead && sessionMadeForRequest && status.state.status !== 'idle';
}
