/**
 * The reader's remembered settings, loaded and validated in one place for every page that reads
 * (the content script and the clips page): storage holds whatever an older or newer Loa wrote.
 */
import type { VoiceRef } from './voice-catalogue';
import type { SlotId } from './voices';

export const MIN_RATE = 0.5;
export const MAX_RATE = 2;

export interface SpeechSettings {
  rate: number;
  /** The slot last chosen, per page language. */
  slotByLang: Record<string, SlotId>;
  /** Voices the user pinned to slots, per page language: slot id → voiceURI. */
  pinsByLang: Record<string, Partial<Record<SlotId, string>>>;
  /**
   * The voice the chosen slot (`slot`, null when none was chosen) last resolved to, per page
   * language: after a browser start it speaks the first sentence before the voice list is in.
   */
  voiceByLang?: Record<string, RememberedVoice>;
}

export interface RememberedVoice {
  slot: SlotId | null;
  voice: VoiceRef;
  /** The slot's pitch (0–2): not 1 where pitch stands in for a missing gender. */
  pitch: number;
}

/** What the chosen slot of `lang` last resolved to, while that slot is still the one chosen. */
export function rememberedVoiceOf(settings: SpeechSettings, lang: string): RememberedVoice | null {
  const remembered = settings.voiceByLang?.[lang];
  return remembered && remembered.slot === (settings.slotByLang[lang] ?? null) ? remembered : null;
}

/** Where the reader's settings live in `storage.local`. */
export const SPEECH_SETTINGS_KEY = 'loa-speech';

export const DEFAULT_SETTINGS: SpeechSettings = { rate: 1, slotByLang: {}, pinsByLang: {}, voiceByLang: {} };

const SLOT_ID = /^(north-male|north-female|south-female|south-male|voice-\d+)$/;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function clampRate(rate: number): number {
  return Math.min(MAX_RATE, Math.max(MIN_RATE, Number.isFinite(rate) ? rate : DEFAULT_SETTINGS.rate));
}

/** The settings in `stored` (the value under SPEECH_SETTINGS_KEY), with anything malformed dropped. */
export function parseSpeechSettings(stored: unknown): SpeechSettings {
  if (!isRecord(stored)) return DEFAULT_SETTINGS;
  const slotByLang: Record<string, SlotId> = {};
  if (isRecord(stored.slotByLang)) {
    for (const [lang, slot] of Object.entries(stored.slotByLang))
      if (typeof slot === 'string' && SLOT_ID.test(slot)) slotByLang[lang] = slot as SlotId;
  }
  const pinsByLang: SpeechSettings['pinsByLang'] = {};
  if (isRecord(stored.pinsByLang)) {
    for (const [lang, pins] of Object.entries(stored.pinsByLang)) {
      if (!isRecord(pins)) continue;
      const valid: Partial<Record<SlotId, string>> = {};
      for (const [slot, voiceURI] of Object.entries(pins))
        if (SLOT_ID.test(slot) && typeof voiceURI === 'string') valid[slot as SlotId] = voiceURI;
      pinsByLang[lang] = valid;
    }
  }
  const voiceByLang: Record<string, RememberedVoice> = {};
  if (isRecord(stored.voiceByLang)) {
    for (const [lang, remembered] of Object.entries(stored.voiceByLang)) {
      const valid = parseRememberedVoice(remembered);
      if (valid) voiceByLang[lang] = valid;
    }
  }
  const rate = typeof stored.rate === 'number' ? clampRate(stored.rate) : DEFAULT_SETTINGS.rate;
  return { rate, slotByLang, pinsByLang, voiceByLang };
}

function parseRememberedVoice(stored: unknown): RememberedVoice | null {
  if (!isRecord(stored) || !isRecord(stored.voice)) return null;
  const { slot, voice, pitch } = stored;
  if (slot !== null && !(typeof slot === 'string' && SLOT_ID.test(slot))) return null;
  if (
    typeof voice.name !== 'string' ||
    !voice.name ||
    typeof voice.voiceURI !== 'string' ||
    typeof voice.lang !== 'string'
  )
    return null;
  const validPitch = typeof pitch === 'number' && pitch >= 0 && pitch <= 2 ? pitch : 1;
  return {
    slot: slot as SlotId | null,
    voice: { name: voice.name, voiceURI: voice.voiceURI, lang: voice.lang },
    pitch: validPitch,
  };
}
