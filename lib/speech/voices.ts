/**
 * Turns the browser's voice list into the voice choices Loa offers. Vietnamese pages get the four
 * regional slots Vietnamese news sites show (Nam miền Bắc, Nữ miền Bắc, Nữ miền Nam, Nam miền Nam);
 * other pages get up to four voices of their language, labelled by name.
 *
 * Voices are recognised by language tag and name, never by `lang` alone: espeak-ng voices have no
 * `vi-VN` at all (Northern is `vi`, Central `vi-VN-X-CENTRAL`, Southern `vi-VN-X-SOUTH`) and
 * `utterance.lang = 'vi-VN'` makes Chromium pick Central. The same espeak-ng voices are named
 * "Vietnamese (Southern)+Annie espeak-ng" in Chromium and "Vietnamese (Southern)+Annie" (voiceURI
 * `urn:moz-tts:speechd:…`) in Firefox, which lists speech-dispatcher's voices under their own names. When no installed voice fits a slot, the slot
 * gets the nearest voice and says so (`approximate`), instead of pretending.
 */
import { primaryLanguage } from '../lang';

/** The fields of `SpeechSynthesisVoice` Loa uses; a real voice object satisfies it. */
export interface VoiceLike {
  readonly name: string;
  readonly lang: string;
  readonly voiceURI: string;
  readonly localService?: boolean;
  readonly default?: boolean;
}

/** A voice as stored and sent in messages: plain data, found again by `voiceURI`. */
export interface VoiceRef {
  name: string;
  voiceURI: string;
  lang: string;
}

export type Gender = 'male' | 'female';
export type Region = 'north' | 'central' | 'south';
export type Family = 'microsoft' | 'apple' | 'google' | 'android' | 'espeak-ng' | 'other';

export interface VoiceDescription {
  family: Family;
  /** A short display name: "HoaiMy", "Katja", "Vietnamese (Southern) · Annie". */
  label: string;
  gender?: Gender;
  region?: Region;
  /** False when sources disagree about gender or accent (some Android voices): fit is not promised. */
  certain: boolean;
  /** Higher is better: 5 neural, 4 network, 3 platform, 1 espeak-ng. */
  quality: number;
  /** Microsoft's online "Natural" voices ignore `pitch`, so pitch cannot fake the other gender. */
  pitchControl: boolean;
}

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

// espeak-ng variant files (espeak-ng-data/voices/!v) declare these genders; the base voice is male.
const ESPEAK_FEMALE = [
  'Annie',
  'female2',
  'Linda',
  'female1',
  'female3',
  'female4',
  'female5',
  'Andrea',
  'Alicia',
  'Belinda',
  'Steph',
  'Steph2',
  'Steph3',
  'anika',
  'Auntie',
  'grandma',
  'female_whisper',
  'anikaRobot',
];
const ESPEAK_MALE = [
  'male1',
  'male2',
  'male3',
  'male4',
  'male5',
  'male6',
  'male7',
  'male8',
  'Andy',
  'Lee',
  'Denis',
  'Diogo',
  'Henrique',
  'Hugo',
  'Marco',
  'Michel',
  'Miguel',
  'Antonio',
  'sandro',
  'travis',
  'victor',
  'Storm',
  'croak',
  'whisper',
  'UniversalRobot',
  'Demonic',
  'anxiousAndy',
];

interface KnownVoice {
  test: (v: VoiceLike) => boolean;
  describe: (v: VoiceLike) => Omit<VoiceDescription, 'label'>;
}

const isVi = (v: VoiceLike) => primaryLanguage(v.lang) === 'vi';

/** Android's Google voices by code. vic and gft are female by every report; for the others, people who
 * listened describe vid as a northern man, vie as a southern woman and vif as a southern man, while
 * Readium's voice table lists vid and vif as female and vie as male: those stay unverified. */
const ANDROID_CODES: Record<string, { gender: Gender; region: Region; certain: boolean }> = {
  vic: { gender: 'female', region: 'north', certain: true },
  gft: { gender: 'female', region: 'north', certain: true },
  vid: { gender: 'male', region: 'north', certain: false },
  vie: { gender: 'female', region: 'south', certain: false },
  vif: { gender: 'male', region: 'south', certain: false },
};

const KNOWN: KnownVoice[] = [
  {
    test: (v) => /\bHoaiMy\b/i.test(v.name),
    describe: () => ({
      family: 'microsoft',
      gender: 'female',
      region: 'north',
      certain: true,
      quality: 5,
      pitchControl: false,
    }),
  },
  {
    test: (v) => /\bNamMinh\b/i.test(v.name),
    describe: () => ({
      family: 'microsoft',
      gender: 'male',
      region: 'north',
      certain: true,
      quality: 5,
      pitchControl: false,
    }),
  },
  {
    test: (v) => /^Microsoft An\b/i.test(v.name),
    describe: () => ({
      family: 'microsoft',
      gender: 'male',
      region: 'north',
      certain: true,
      quality: 3,
      pitchControl: true,
    }),
  },
  {
    // macOS/iOS: "Linh" (Chrome), voiceURI "com.apple.voice.compact.vi-VN.Linh" (Safari).
    test: (v) => isVi(v) && (/^Linh\b/.test(v.name) || /\.vi-VN\.Linh$/.test(v.voiceURI)),
    describe: (v) => ({
      family: 'apple',
      gender: 'female',
      region: 'north',
      certain: true,
      quality: /enhanced|premium/i.test(v.voiceURI + v.name) ? 4 : 3,
      pitchControl: true,
    }),
  },
  {
    test: (v) => /^Google Tiếng Việt$/i.test(v.name.normalize('NFC')),
    describe: () => ({
      family: 'google',
      gender: 'female',
      region: 'north',
      certain: true,
      quality: 4,
      pitchControl: true,
    }),
  },
  {
    test: (v) => /\bvi-vn-x-[a-z]{3}-(?:local|network)\b/i.test(`${v.name} ${v.voiceURI}`),
    describe: (v) => {
      const code = /vi-vn-x-([a-z]{3})-(local|network)/i.exec(`${v.name} ${v.voiceURI}`);
      const known = ANDROID_CODES[code?.[1]?.toLowerCase() ?? ''];
      const network = code?.[2]?.toLowerCase() === 'network';
      // The on-device copy of a voice starts at once and works offline; the network copy is the same voice.
      return { family: 'android', certain: false, ...known, quality: network ? 3.5 : 4, pitchControl: true };
    },
  },
  {
    test: isEspeak,
    describe: (v) => {
      const variant = espeakVariant(v.name);
      const gender: Gender | undefined =
        variant === '' || ESPEAK_MALE.includes(variant)
          ? 'male'
          : ESPEAK_FEMALE.includes(variant)
            ? 'female'
            : undefined;
      const region = isVi(v) ? vietnameseRegion(v) : undefined;
      return { family: 'espeak-ng', gender, region, certain: true, quality: 1, pitchControl: true };
    },
  },
];

// Firefox on Linux speaks through speech-dispatcher, whose voices there are espeak-ng's (its default
// module on Debian, Ubuntu and Fedora), listed without Chromium's " espeak-ng" suffix.
const SPEECHD_URI = /^urn:moz-tts:speechd:/;

function isEspeak(v: VoiceLike): boolean {
  return / espeak-ng$/.test(v.name) || SPEECHD_URI.test(v.voiceURI);
}

/** The accent a Vietnamese voice's tag (`vi-VN-X-SOUTH`) or name ("Vietnamese (Southern)") states. */
function vietnameseRegion(v: VoiceLike): Region | undefined {
  const tag = /-x-(north|south|central)/i.exec(v.lang)?.[1]?.toLowerCase();
  if (tag) return tag as Region;
  const base = espeakBase(v.name);
  return /Southern/.test(base)
    ? 'south'
    : /Central/.test(base)
      ? 'central'
      : /Northern/.test(base)
        ? 'north'
        : undefined;
}

function espeakVariant(name: string): string {
  return /\+([^ +]+)(?: espeak-ng)?$/.exec(name)?.[1] ?? '';
}
function espeakBase(name: string): string {
  return name.replace(/(\+[^ +]+)?(?: espeak-ng)?$/, '');
}

/** Among espeak-ng voices of one accent: the base voice, then the variants in the order listed above. */
function variantRank(c: Candidate): number {
  if (c.d.family !== 'espeak-ng') return 0;
  const variant = espeakVariant(c.voice.name);
  if (variant === '') return 0;
  const i = c.d.gender === 'female' ? ESPEAK_FEMALE.indexOf(variant) : ESPEAK_MALE.indexOf(variant);
  return i < 0 ? 100 : i + 1;
}

function shortLabel(v: VoiceLike, family: Family): string {
  if (family === 'microsoft') return /^Microsoft (.+?)(?: Online \(Natural\))? - /.exec(v.name)?.[1] ?? v.name;
  if (family === 'espeak-ng') {
    const variant = espeakVariant(v.name);
    return variant ? `${espeakBase(v.name)} · ${variant}` : espeakBase(v.name);
  }
  // Chrome on macOS names newer Apple voices "Eddy (German (Germany))".
  if (family === 'apple' || / \(.+\(.+\)\)$/.test(v.name)) return v.name.replace(/ \(.+\)$/, '');
  return v.name;
}

/** What Loa knows about a voice from its name. Gender and accent stay undefined when unknown. */
export function describeVoice(v: VoiceLike): VoiceDescription {
  const known = KNOWN.find((k) => k.test(v));
  if (known) {
    const d = known.describe(v);
    return { ...d, label: shortLabel(v, d.family) };
  }
  const family: Family = /^Microsoft /.test(v.name) ? 'microsoft' : /^Google /.test(v.name) ? 'google' : 'other';
  const quality = family === 'microsoft' && /Online \(Natural\)/.test(v.name) ? 5 : v.localService === false ? 4 : 3;
  return {
    family,
    label: shortLabel(v, family),
    certain: false,
    quality,
    pitchControl: !(family === 'microsoft' && quality === 5),
  };
}

export function toVoiceRef(v: VoiceLike): VoiceRef {
  return { name: v.name, voiceURI: v.voiceURI, lang: v.lang };
}

/** Pitches that stand in for a missing gender; an octave would sound like a cartoon. */
const PITCH_UP = 1.4;
const PITCH_DOWN = 0.75;
/** For a voice of unknown gender: just enough to tell the slots apart. */
const NUDGE_UP = 1.15;
const NUDGE_DOWN = 0.85;

interface Candidate {
  voice: VoiceLike;
  d: VoiceDescription;
}

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

function fit(c: Candidate, gender: Gender, region: Region): Fit | null {
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
  candidates: Candidate[],
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
      .filter((x): x is { c: Candidate; f: Fit } => x.f !== null)
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
function withoutSpareVariants(candidates: Candidate[]): Candidate[] {
  const female = new Map<string, Candidate>();
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
function rankNamed(candidates: Candidate[], pageTag: string): Candidate[] {
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
  candidates: Candidate[],
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

/** Where voices come from: `window.speechSynthesis` in the page, a fake in tests. */
export interface VoiceSource {
  getVoices(): readonly VoiceLike[];
  addEventListener(type: 'voiceschanged', listener: () => void): void;
  removeEventListener(type: 'voiceschanged', listener: () => void): void;
}

/**
 * The installed voices. Chromium returns none until `voiceschanged` (about 2 s with espeak-ng),
 * and never fires it when there are none at all, hence the time limit.
 */
export function loadVoices(source: VoiceSource, timeoutMs = 5000): Promise<readonly VoiceLike[]> {
  const now = source.getVoices();
  if (now.length > 0) return Promise.resolve(now);
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      source.removeEventListener('voiceschanged', done);
      resolve(source.getVoices());
    };
    const timer = setTimeout(done, timeoutMs);
    source.addEventListener('voiceschanged', done);
  });
}
