/**
 * The chrome.tts bridge's wire: the content script and the background talk over a long-lived
 * runtime port named `loa-tts`. The content script asks (`speak`, `cancel`, `pause`, `resume`,
 * `voices`), the background answers with the utterance's `start`/`end`/`interrupted`/`cancelled`/
 * `error` events tagged with the request's id, or with its voices. Each side parses what it gets:
 * the other end may be an older or newer Loa, or a page's script.
 */
import type { VoiceLike } from '../voice-catalogue';

export const TTS_PORT = 'loa-tts';

/** The part of `runtime.Port` the bridge uses; a real port satisfies it. */
export interface PortLike {
  readonly name: string;
  /** Which tab opened the port (a real port's sender). */
  readonly sender?: { tab?: { id?: number } };
  postMessage(message: unknown): void;
  disconnect(): void;
  readonly onMessage: { addListener(listener: (message: unknown) => void): void };
  readonly onDisconnect: { addListener(listener: () => void): void };
}

export const FORWARDED = ['start', 'end', 'interrupted', 'cancelled', 'error'] as const;
export type ForwardedEvent = (typeof FORWARDED)[number];

/** What an utterance says and how: the part of a speak request chrome.tts hears. */
export type BridgeUtterance = {
  text: string;
  voiceName?: string;
  lang?: string;
  rate: number;
  pitch: number;
  volume: number;
};
export type SpeakRequest = { type: 'speak'; id: number } & BridgeUtterance;
export type BridgeRequest = SpeakRequest | { type: 'cancel' | 'pause' | 'resume'; id: number } | { type: 'voices' };
export type BridgeReply =
  { type: 'event'; id: number; event: ForwardedEvent } | { type: 'voices'; voices: VoiceLike[] };

export function parseReply(message: unknown): BridgeReply | null {
  if (typeof message !== 'object' || message === null) return null;
  const m = message as Record<string, unknown>;
  if (m.type === 'voices' && Array.isArray(m.voices)) {
    return { type: 'voices', voices: m.voices.filter(isVoice) };
  }
  if (m.type === 'event' && typeof m.id === 'number' && isForwarded(m.event)) {
    return { type: 'event', id: m.id, event: m.event };
  }
  return null;
}

function isVoice(value: unknown): value is VoiceLike {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.name === 'string' && typeof v.lang === 'string' && typeof v.voiceURI === 'string';
}

export function isForwarded(type: unknown): type is ForwardedEvent {
  return (FORWARDED as readonly unknown[]).includes(type);
}

/** chrome.tts rejects the whole utterance when a number is out of its range. */
function clamp(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
}

export function parseRequest(message: unknown): BridgeRequest | null {
  if (typeof message !== 'object' || message === null) return null;
  const m = message as Record<string, unknown>;
  switch (m.type) {
    case 'voices':
      return { type: 'voices' };
    case 'cancel':
    case 'pause':
    case 'resume':
      return typeof m.id === 'number' ? { type: m.type, id: m.id } : null;
    case 'speak':
      if (typeof m.id !== 'number' || typeof m.text !== 'string') return null;
      return {
        type: 'speak',
        id: m.id,
        text: m.text,
        voiceName: typeof m.voiceName === 'string' ? m.voiceName : undefined,
        lang: typeof m.lang === 'string' ? m.lang : undefined,
        rate: clamp(m.rate, 0.1, 10, 1),
        pitch: clamp(m.pitch, 0, 2, 1),
        volume: clamp(m.volume, 0, 1, 1),
      };
    default:
      return null;
  }
}
