/**
 * What Loa knows about a voice from its name and language tag: family, gender, accent, quality.
 *
 * Voices are recognised by language tag and name, never by `lang` alone: espeak-ng voices have no
 * `vi-VN` at all (Northern is `vi`, Central `vi-VN-X-CENTRAL`, Southern `vi-VN-X-SOUTH`) and
 * `utterance.lang = 'vi-VN'` makes Chromium pick Central. The same espeak-ng voices are named
 * "Vietnamese (Southern)+Annie espeak-ng" in Chromium and "Vietnamese (Southern)+Annie" (voiceURI
 * `urn:moz-tts:speechd:…`) in Firefox, which lists speech-dispatcher's voices under their own names.
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

export function isEspeak(v: VoiceLike): boolean {
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

export function espeakVariant(name: string): string {
  return /\+([^ +]+)(?: espeak-ng)?$/.exec(name)?.[1] ?? '';
}
export function espeakBase(name: string): string {
  return name.replace(/(\+[^ +]+)?(?: espeak-ng)?$/, '');
}

/** Among espeak-ng voices of one accent: the base voice, then the variants in the order listed above. */
export function variantRank(c: DescribedVoice): number {
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

/** A voice with what Loa knows about it. */
export interface DescribedVoice {
  voice: VoiceLike;
  d: VoiceDescription;
}
