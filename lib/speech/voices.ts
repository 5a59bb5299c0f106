/**
 * Turns the browser's voice list into the voice choices Loa offers. Vietnamese pages get the four
 * regional slots Vietnamese news sites show (Nam miền Bắc, Nữ miền Bắc, Nữ miền Nam, Nam miền Nam);
 * other pages get up to four voices of their language, labelled by name. When no installed voice
 * fits a slot, the slot gets the nearest voice and says so (`approximate`), instead of pretending.
 */
import { primaryLanguage } from '../lang';
import {
  describeVoice,
  espeakBase,
  espeakVariant,
  isEspeak,
  toVoiceRef,
  variantRank,
  type DescribedVoice,
  type Gender,
  type Region,
  type VoiceLike,
  type VoiceRef,
} from './voice-catalogue';

export const VIETNAMESE_SLOTS = [
  { id: 'north-male', label: 'Nam miền Bắc', gender: 'male', region: 'north' },
  { id: 'north-female', label: 'Nữ miền Bắc', gender: 'female', region: 'north' },
  { id: 'south-female', label: 'Nữ miền Nam', gender: 'female', region: 'south' },
  { id: 'south-male', label: 'Nam miền Nam', gender: 'male', region: 'south' },
] as const satisfies ReadonlyArray<{ id: string; label: string; gender: Gender; region: Region }>;

export type VietnameseSlotId = (typeof VIETNAMESE_SLOTS)[number]['id'];
/** Vietnamese slot ids, or "voice-1" … "voice-4" for other languages. */
export type SlotId = VietnameseSlotId | `voice-${number}`;

/**
 * Why a slot holds its voice:
 * - `exact`: a voice known to have the slot's gender and accent;
 * - `pinned`: the user chose it;
 * - `unverified`: the slot's gender and accent by the only reports there are, which disagree;
 * - `other-region`: right gender, another accent;
 * - `other-gender`: right accent, the other gender's voice at another pitch;
 * - `other-region-and-gender`: neither, at another pitch;
 * - `unknown-voice`: a voice of the language whose gender and accent are not known;
 * - `named`: one of the page language's voices (non-Vietnamese pages);
 * - `none`: nothing to offer.
 */
export type SlotReason =
  | 'exact'
  | 'pinned'
  | 'unverified'
  | 'other-region'
  | 'other-gender'
  | 'other-region-and-gender'
  | 'unknown-voice'
  | 'named'
  | 'none';

export interface VoiceSlot {
  id: SlotId;
  /** What the UI shows: "Nữ miền Nam", or the voice's short name on other pages. */
  label: string;
  voice: VoiceRef | null;
  /** Utterance pitch (0–2); not 1 where pitch stands in for the missing gender. */
  pitch: number;
  approximate: boolean;
  reason: SlotReason;
  /** The user's pin for this slot, and whether that voice is still installed. */
  pin: { voiceURI: string; available: boolean } | null;
}

export interface VoiceSlots {
  /** Primary language of the page ("vi", "de"). */
  lang: string;
  kind: 'regional' | 'named';
  slots: VoiceSlot[];
  /** True when no installed voice speaks the page's language: the UI should say so. */
  missing: boolean;
  /** Voices of other languages to offer instead (one per espeak-ng language, best first). */
  others: VoiceRef[];
}

/** Pitches that stand in for a missing gender; an octave would sound like a cartoon. */
const PITCH_UP = 1.4;
const PITCH_DOWN = 0.75;
/** For a voice of unknown gender: just enough to tell the slots apart. */
const NUDGE_UP = 1.15;
const NUDGE_DOWN = 0.85;

interface Fit {
  tier: number;
  reason: SlotReason;
  pitch: number;
}

/** Farther accents are worse stand-ins; the northern accent is the broadcast standard. */
const REGION_ORDER: Record<Region, Region[]> = {
  north: ['north', 'south', 'central'],
  south: ['south', 'north', 'central'],
  central: ['central', 'north', 'south'],
};

function fit(c: DescribedVoice, gender: Gender, region: Region): Fit | null {
  const { d } = c;
  const otherPitch = gender === 'female' ? PITCH_UP : PITCH_DOWN;
  if (d.gender === undefined) {
    return { tier: 6, reason: 'unknown-voice', pitch: gender === 'female' ? NUDGE_UP : NUDGE_DOWN };
  }
  // Unknown accent counts as the standard (northern) one: it is what unnamed Vietnamese voices speak.
  const sameRegion = (d.region ?? 'north') === region;
  const regionRank = REGION_ORDER[region].indexOf(d.region ?? 'north') / 10;
  if (d.gender === gender) {
    if (sameRegion)
      return d.certain ? { tier: 0, reason: 'exact', pitch: 1 } : { tier: 1, reason: 'unverified', pitch: 1 };
    return { tier: 2 + regionRank, reason: 'other-region', pitch: 1 };
  }
  if (!d.pitchControl) return null;
  if (sameRegion) return { tier: 4, reason: 'other-gender', pitch: otherPitch };
  return { tier: 5 + regionRank, reason: 'other-region-and-gender', pitch: otherPitch };
}

/** Matches a language tag like "vi", "vi-VN" or "vi_VN" against the page's primary language. */
function speaks(v: VoiceLike, lang: string): boolean {
  return primaryLanguage(v.lang) === lang;
}

function pinFor(
  voices: readonly VoiceLike[],
  pins: Partial<Record<string, string>> | undefined,
  id: string,
): { pin: VoiceSlot['pin']; voice: VoiceLike | undefined } {
  const uri = pins?.[id];
  if (!uri) return { pin: null, voice: undefined };
  const voice = voices.find((v) => v.voiceURI === uri);
  return { pin: { voiceURI: uri, available: voice !== undefined }, voice };
}

function regionalSlots(
  voices: readonly VoiceLike[],
  candidates: DescribedVoice[],
  pins: Partial<Record<string, string>> | undefined,
): VoiceSlot[] {
  const used = new Set<string>();
  const slots: VoiceSlot[] = [];
  const bestTier = (s: (typeof VIETNAMESE_SLOTS)[number]) =>
    Math.min(99, ...candidates.map((c) => fit(c, s.gender, s.region)?.tier ?? 99));
  // Slots with an exact voice choose first, so among equal stand-ins the others prefer an unused voice.
  const order = [...VIETNAMESE_SLOTS].sort((a, b) => bestTier(a) - bestTier(b));
  for (const s of order) {
    const { pin, voice: pinned } = pinFor(voices, pins, s.id);
    if (pinned) {
      slots.push({
        id: s.id,
        label: s.label,
        voice: toVoiceRef(pinned),
        pitch: 1,
        approximate: false,
        reason: 'pinned',
        pin,
      });
      used.add(pinned.voiceURI);
      continue;
    }
    const ranked = candidates
      .map((c) => ({ c, f: fit(c, s.gender, s.region) }))
      .filter((x): x is { c: DescribedVoice; f: Fit } => x.f !== null)
      .sort(
        (a, b) =>
          a.f.tier - b.f.tier ||
          b.c.d.quality - a.c.d.quality ||
          variantRank(a.c) - variantRank(b.c) ||
          Number(used.has(a.c.voice.voiceURI)) - Number(used.has(b.c.voice.voiceURI)),
      );
    const best = ranked[0];
    if (!best) {
      slots.push({ id: s.id, label: s.label, voice: null, pitch: 1, approximate: false, reason: 'none', pin });
      continue;
    }
    used.add(best.c.voice.voiceURI);
    slots.push({
      id: s.id,
      label: s.label,
      voice: toVoiceRef(best.c.voice),
      pitch: best.f.pitch,
      approximate: best.f.reason !== 'exact',
      reason: best.f.reason,
      pin,
    });
  }
  return VIETNAMESE_SLOTS.map((s) => slots.find((x) => x.id === s.id)).filter((x): x is VoiceSlot => x !== undefined);
}

/** Of espeak-ng's hundred variants per language, only the base voice and its best female variant are offered. */
function withoutSpareVariants(candidates: DescribedVoice[]): DescribedVoice[] {
  const female = new Map<string, DescribedVoice>();
  for (const c of candidates) {
    if (c.d.family !== 'espeak-ng' || c.d.gender !== 'female') continue;
    const base = espeakBase(c.voice.name);
    const current = female.get(base);
    if (!current || variantRank(c) < variantRank(current)) female.set(base, c);
  }
  return candidates.filter(
    (c) =>
      c.d.family !== 'espeak-ng' || espeakVariant(c.voice.name) === '' || female.get(espeakBase(c.voice.name)) === c,
  );
}

/** The locales a page that only says "en" or "de" most likely means, most likely first. */
const MAIN_LOCALES: Record<string, string[]> = {
  en: ['en-us', 'en-gb'],
  de: ['de-de', 'de-at', 'de-ch'],
  fr: ['fr-fr'],
  es: ['es-es', 'es-mx'],
  pt: ['pt-br', 'pt-pt'],
  zh: ['zh-cn', 'cmn'],
  vi: ['vi-vn', 'vi'],
};

function localeRank(voiceLang: string, pageTag: string): number {
  const lang = voiceLang.toLowerCase().replace('_', '-');
  const tag = pageTag.toLowerCase().replace('_', '-');
  if (lang === tag) return 0;
  const main = MAIN_LOCALES[primaryLanguage(tag)] ?? [];
  const i = main.indexOf(lang);
  return i < 0 ? main.length + 1 : i + 1;
}

/** Best first: quality, then the page's locale; an espeak-ng voice is followed by its female variant. */
function rankNamed(candidates: DescribedVoice[], pageTag: string): DescribedVoice[] {
  return [...candidates].sort(
    (a, b) =>
      b.d.quality - a.d.quality ||
      localeRank(a.voice.lang, pageTag) - localeRank(b.voice.lang, pageTag) ||
      espeakBase(a.voice.name).localeCompare(espeakBase(b.voice.name)) ||
      variantRank(a) - variantRank(b),
  );
}

const NAMED_SLOTS = 4;

function namedSlots(
  voices: readonly VoiceLike[],
  candidates: DescribedVoice[],
  pageTag: string,
  pins: Partial<Record<string, string>> | undefined,
): VoiceSlot[] {
  const ranked = rankNamed(withoutSpareVariants(candidates), pageTag);
  const namedPins = Object.entries(pins ?? {}).filter(([id, uri]) => /^voice-\d+$/.test(id) && uri);
  const count = Math.max(
    Math.min(NAMED_SLOTS, ranked.length),
    ...namedPins.map(([id]) => Number(id.slice('voice-'.length))),
  );
  const pinnedURIs = new Set(namedPins.map(([, uri]) => uri));
  const free = ranked.filter((c) => !pinnedURIs.has(c.voice.voiceURI));
  const slots: VoiceSlot[] = [];
  for (let i = 1; i <= count; i++) {
    const id: SlotId = `voice-${i}`;
    const { pin, voice: pinned } = pinFor(voices, pins, id);
    const chosen = pinned ?? free.shift()?.voice;
    slots.push({
      id,
      label: chosen ? describeVoice(chosen).label : '',
      voice: chosen ? toVoiceRef(chosen) : null,
      pitch: 1,
      approximate: false,
      reason: pinned ? 'pinned' : chosen ? 'named' : 'none',
      pin,
    });
  }
  return slots;
}

/**
 * Languages nearest to a page's language, nearest first: the same family or a shared vocabulary
 * (Vietnamese: Khmer and Mường's Austroasiatic kin, then the Chinese its Sino-Vietnamese words come
 * from), so a listener browsing "other voices" meets the least foreign ones before the rest.
 */
const RELATED_LANGUAGES: Record<string, string[]> = {
  vi: ['km', 'cmn', 'zh', 'yue', 'hak', 'th', 'lo'],
  de: ['lb', 'nl', 'af', 'fy', 'en', 'da', 'sv', 'nb', 'no', 'is'],
  en: ['sco', 'fy', 'nl', 'de', 'af', 'da', 'sv', 'nb', 'no'],
  fr: ['ca', 'it', 'es', 'pt', 'ro', 'oc'],
  zh: ['cmn', 'yue', 'hak', 'vi'],
};

/** 0 for the page's own language, 1… for its related languages in order, then the rest. */
function languageDistance(voiceLang: string, lang: string): number {
  const primary = primaryLanguage(voiceLang);
  if (primary === lang) return 0;
  const related = RELATED_LANGUAGES[lang] ?? [];
  const i = related.indexOf(primary);
  return i < 0 ? related.length + 1 : i + 1;
}

/** Voices of other languages: one per language and engine, nearest language first, then best first. */
function otherVoices(voices: readonly VoiceLike[], lang: string): VoiceRef[] {
  const candidates = voices
    .filter((v) => !speaks(v, lang) && !(isEspeak(v) && espeakVariant(v.name) !== ''))
    .map((voice) => ({ voice, d: describeVoice(voice), distance: languageDistance(voice.lang, lang) }));
  return candidates
    .sort((a, b) => a.distance - b.distance || b.d.quality - a.d.quality || a.voice.name.localeCompare(b.voice.name))
    .map((c) => toVoiceRef(c.voice));
}

/**
 * The voice slots for a page in `lang` (a BCP 47 tag: "vi", "de-AT"). `pins` maps slot ids to the
 * `voiceURI` the user chose; a pin whose voice is gone is reported and the slot falls back.
 */
export function assignVoiceSlots(
  voices: readonly VoiceLike[],
  lang: string,
  pins?: Partial<Record<SlotId, string>>,
): VoiceSlots {
  const primary = primaryLanguage(lang);
  const candidates = voices.filter((v) => speaks(v, primary)).map((voice) => ({ voice, d: describeVoice(voice) }));
  const missing = candidates.length === 0;
  const kind = primary === 'vi' ? 'regional' : 'named';
  const slots =
    kind === 'regional' ? regionalSlots(voices, candidates, pins) : namedSlots(voices, candidates, lang, pins);
  return { lang: primary, kind, slots, missing, others: missing ? otherVoices(voices, primary) : [] };
}

/**
 * Every voice a user may pin, page language first. espeak-ng's variants are cut to the base voice
 * and one female variant per language: Chromium lists 13,362 of them.
 */
export function voiceOptions(
  voices: readonly VoiceLike[],
  lang: string,
): { sameLanguage: VoiceRef[]; otherLanguages: VoiceRef[] } {
  const primary = primaryLanguage(lang);
  const same = voices.filter((v) => speaks(v, primary)).map((voice) => ({ voice, d: describeVoice(voice) }));
  return {
    sameLanguage: rankNamed(withoutSpareVariants(same), lang).map((c) => toVoiceRef(c.voice)),
    otherLanguages: otherVoices(voices, primary),
  };
}
