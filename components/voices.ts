/** How voice slots read in the UI language, shared by the popup's player and the clips page. */
import type { SlotReason, VietnameseSlotId, VoiceSlot } from '@/lib/speech/voices';
import type { Translate } from './i18n';

const SLOT_LABEL_KEYS: Record<VietnameseSlotId, string> = {
  'north-male': 'clips_voice_north_male',
  'north-female': 'clips_voice_north_female',
  'south-female': 'clips_voice_south_female',
  'south-male': 'clips_voice_south_male',
};

/** A Vietnamese slot's name in the UI language; other slots carry their voice's name. */
export function slotLabel(slot: Pick<VoiceSlot, 'id' | 'label'>, t: Translate): string {
  const key = SLOT_LABEL_KEYS[slot.id as VietnameseSlotId];
  return key ? t(key) : slot.label;
}

const APPROXIMATION_KEYS: Partial<Record<SlotReason, string>> = {
  'other-region': 'approxOtherRegion',
  'other-gender': 'approxOtherGender',
  'other-region-and-gender': 'approxOtherBoth',
  'unknown-voice': 'approxUnknown',
  unverified: 'approxUnverified',
};

/** In words, what an approximate slot really plays ("≈ Nữ miền Nam uses … : the same accent …"). */
export function approximation(slot: VoiceSlot, t: Translate): string | null {
  const key = APPROXIMATION_KEYS[slot.reason];
  if (!slot.approximate || !slot.voice || !key) return null;
  return t('voiceApproximateLine', [slotLabel(slot, t), slot.voice.name, t(key)]);
}
