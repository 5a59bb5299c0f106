/**
 * The player's status where nothing is being read, for a view with no reading session to ask (the
 * popup of a tab whose reader was never injected): the same slots, slot and rate a fresh session
 * would report for the page's language over the same voices.
 */
import type { SpeechStatus } from '../messages';
import type { SpeakerState } from './speaker-ports';
import type { SpeechSettings } from './settings';
import type { VoiceLike } from './voice-catalogue';
import { assignVoiceSlots, type SlotId, type VoiceSlots } from './voices';

/** The slots of `lang` over `voices`, with the user's pins for that language. */
export function slotsFor(voices: readonly VoiceLike[], lang: string, settings: SpeechSettings): VoiceSlots {
  return assignVoiceSlots(voices, lang, settings.pinsByLang[lang]);
}

/** The slot the user chose for the language when it has a voice, else the first slot that has one. */
export function slotInUse(slots: VoiceSlots | null, chosen: SlotId | undefined): SlotId | null {
  const all = slots?.slots ?? [];
  return (all.find((slot) => slot.id === chosen && slot.voice) ?? all.find((slot) => slot.voice))?.id ?? null;
}

/** A speaker that has loaded nothing, at the remembered rate (Speaker's own starting state). */
export function idleSpeakerState(rate: number): SpeakerState {
  return { status: 'idle', index: 0, total: 0, source: null, voice: null, pitch: 1, rate, lang: 'vi' };
}

/** What a reading session just made for `lang` reports once the voices are listed. */
export function idleSpeechStatus(voices: readonly VoiceLike[], lang: string, settings: SpeechSettings): SpeechStatus {
  const slots = slotsFor(voices, lang, settings);
  return {
    state: idleSpeakerState(settings.rate),
    slots,
    slot: slotInUse(slots, settings.slotByLang[lang]),
    error: null,
    sentence: null,
    what: null,
    upNext: [],
    preparing: false,
    following: true,
  };
}
