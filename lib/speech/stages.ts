/**
 * Marks on the way from a "read aloud" key to the first sound, on each context's own performance
 * timeline (the service worker's, the page's: a content script shares its page's timeline).
 * `npm run bench:speech` reads them to say where the time goes; a browser keeps them for free.
 */
export const SPEECH_STAGES = [
  /** The background got the command (the key, a menu). */
  'command',
  /** The toolbar badge says "preparing". */
  'badge',
  /**
   * In a tab without a reader (chrome.tts): the background has the page's article, and speaks its
   * first sentence ahead of the reader, which is injected meanwhile.
   */
  'ahead',
  /** The reader is in the tab (injected now, or found already there): the background sends it the command. */
  'injected',
  /** The content script got the request. */
  'request',
  /** The article is at hand (extracted now, or prepared ahead). */
  'article',
  /** The voice to speak with is chosen. */
  'voice',
  /** The utterances are built. */
  'queue',
  /** The first utterance (its text normalized) went to the engine (speechSynthesis, or the chrome.tts bridge's port). */
  'speak',
  /** The highlighter found the article's container on the page: beside the path, after `speak`. */
  'highlight',
  /** The background's chrome.tts got the utterance. */
  'tts-speak',
  /** chrome.tts reports that it started speaking: the first sound. */
  'tts-start',
] as const;

export type SpeechStage = (typeof SPEECH_STAGES)[number];

export const STAGE_MARK_PREFIX = 'loa:';

/**
 * On the background's timeline when chrome.tts says its voices changed: the speech platform has
 * started (or voices were installed or removed). `npm run bench:speech` times a first read against it.
 */
export const VOICES_CHANGED_MARK = `${STAGE_MARK_PREFIX}voices-changed`;

/** Marks `stage`; the first stage of a context's path forgets that context's marks of earlier runs. */
export function markStage(stage: SpeechStage, { first = false }: { first?: boolean } = {}): void {
  if (typeof performance === 'undefined') return;
  if (first) for (const name of SPEECH_STAGES) performance.clearMarks(STAGE_MARK_PREFIX + name);
  performance.mark(STAGE_MARK_PREFIX + stage);
}
