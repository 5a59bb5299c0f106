/**
 * The reader's remembered settings, loaded and validated in one place for every page that reads
 * (the content script and the clips page): storage holds whatever an older or newer Loa wrote.
 */
import type { SlotId } from './voices';

export const MIN_RATE = 0.5;
export const MAX_RATE = 2;

export interface SpeechSettings {
  rate: number;
  /** The slot last chosen, per page language. */
  slotByLang: Record<string, SlotId>;
  /** Voices the user pinned to slots, per page language: slot id → voiceURI. */
  pinsByLang: Record<string, Partial<Record<SlotId, string>>>;
}

/** Where the reader's settings live in `storage.local`. */
export const SPEECH_SETTINGS_KEY = 'loa-speech';

export const DEFAULT_SETTINGS: SpeechSettings = { rate: 1, slotByLang: {}, pinsByLang: {} };

const SLOT_ID = /^(north-male|north-female|south-female|south-male|voice-\d+)$/;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function clampRate(rate: number): number {
  return Math.min(MAX_RATE, Math.max(MIN_RATE, Number.isFinite(rate) ? rate : DEFAULT_SETTINGS.rate));
}

/** The settings in `stored` (the value under SPEECH_SETTINGS_KEY), with anything malformed dropped. */
export function parseSpeechSettings(stored: unknown): SpeechSettings {
  if (!isRecord(stored)) return DEFAULT_SETTINGS;
  const slotByLang: Record<string, SlotId> = {};
  if (isRecord(stored.slotByLang)) {
    for (const [lang, slot] of Object.entries(stored.slotByLang)) if (typeof slot === 'string' && SLOT_ID.test(slot)) slotByLang[lang] = slot as SlotId;
  }
  const pinsByLang: SpeechSettings['pinsByLang'] = {};
  if (isRecord(stored.pinsByLang)) {
    for (const [lang, pins] of Object.entries(stored.pinsByLang)) {
      if (!isRecord(pins)) continue;
      const valid: Partial<Record<SlotId, string>> = {};
      for (const [slot, voiceURI] of Object.entries(pins)) if (SLOT_ID.test(slot) && typeof voiceURI === 'string') valid[slot as SlotId] = voiceURI;
      pinsByLang[lang] = valid;
    }
  }
  const rate = typeof stored.rate === 'number' ? clampRate(stored.rate) : DEFAULT_SETTINGS.rate;
  return { rate, slotByLang, pinsByLang };
}
