import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeVoice, type VoiceLike } from '../../lib/speech/voice-catalogue';
import { loadVoices } from '../../lib/speech/voice-loading';
import { assignVoiceSlots, voiceOptions, type VoiceSlots } from '../../lib/speech/voices';
import { FakeSynth } from '../support/fake-speech';

function fixture(name: string): VoiceLike[] {
  const url = new URL(`../fixtures/voices/${name}.json`, import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { voices: VoiceLike[] }).voices;
}

const espeak = fixture('espeak-ng-chromium');
const firefox = fixture('espeak-ng-firefox');
const edge = fixture('edge-windows-like');
const mac = fixture('macos-chrome-like');
const androidIds = fixture('android-voice-ids-like');
const androidChrome = fixture('android-chrome-like');
const empty = fixture('empty');

/** slot id → [voice name, pitch, approximate, reason], for compact expectations. */
function summary(result: VoiceSlots): Record<string, [string | null, number, boolean, string]> {
  return Object.fromEntries(result.slots.map((s) => [s.id, [s.voice?.name ?? null, s.pitch, s.approximate, s.reason]]));
}

describe('the recorded espeak-ng list', () => {
  it('is what Chromium reports: three Vietnamese accents and no voice tagged vi-VN', () => {
    const vi = espeak.filter((v) => v.lang.toLowerCase().startsWith('vi'));
    expect(new Set(vi.map((v) => v.lang))).toEqual(new Set(['vi', 'vi-VN-X-CENTRAL', 'vi-VN-X-SOUTH']));
    expect(vi.map((v) => v.name)).toContain('Vietnamese (Southern)+Annie espeak-ng');
  });
});

describe('the recorded Firefox list', () => {
  it('is what Firefox reports: the espeak-ng voices through speech-dispatcher, without the engine suffix', () => {
    const vi = firefox.filter((v) => v.lang.toLowerCase().startsWith('vi'));
    expect(new Set(vi.map((v) => v.lang))).toEqual(new Set(['vi', 'vi-VN-X-CENTRAL', 'vi-VN-X-SOUTH']));
    expect(vi.filter((v) => v.lang === 'vi')).toHaveLength(102);
    expect(vi.map((v) => v.name)).toContain('Vietnamese (Southern)+Iven3');
    expect(vi.every((v) => v.voiceURI.startsWith('urn:moz-tts:speechd:') && !v.name.includes('espeak'))).toBe(true);
  });
});

describe('voices in Firefox naming', () => {
  it('fills the four slots with northern and southern voices of the right gender', () => {
    expect(summary(assignVoiceSlots(firefox, 'vi'))).toEqual({
      'north-male': ['Vietnamese (Northern)', 1, false, 'exact'],
      'north-female': ['Vietnamese (Northern)+Annie', 1, false, 'exact'],
      'south-female': ['Vietnamese (Southern)+Annie', 1, false, 'exact'],
      'south-male': ['Vietnamese (Southern)', 1, false, 'exact'],
    });
  });

  it('describes a voice the same way in Chromium and Firefox naming', () => {
    for (const name of ['Vietnamese (Southern)+Annie', 'Vietnamese (Central)', 'German+male1']) {
      const inFirefox = firefox.find((v) => v.name === name)!;
      const inChromium = espeak.find((v) => v.name === `${name} espeak-ng`)!;
      expect(describeVoice(inFirefox)).toEqual(describeVoice(inChromium));
    }
  });

  it('takes the accent from the language tag when the name does not give it', () => {
    const southern: VoiceLike = {
      name: 'Vietnamese+Annie',
      lang: 'vi-VN-X-SOUTH',
      voiceURI: 'urn:moz-tts:speechd:Vietnamese+Annie?vi-VN-X-SOUTH',
    };
    expect(describeVoice(southern)).toMatchObject({ family: 'espeak-ng', gender: 'female', region: 'south' });
  });

  it('offers the same pinnable voices as Chromium does for the same engine', () => {
    const names = (refs: { name: string }[]) => refs.map((v) => v.name.replace(/ espeak-ng$/, ''));
    const [inFirefox, inChromium] = [voiceOptions(firefox, 'vi'), voiceOptions(espeak, 'vi')];
    expect(names(inFirefox.sameLanguage)).toEqual(names(inChromium.sameLanguage));
    expect(new Set(names(inFirefox.otherLanguages))).toEqual(new Set(names(inChromium.otherLanguages)));
  });
});

describe('assignVoiceSlots, Vietnamese', () => {
  it('fills the four slots with real espeak-ng accents and genders, never Central', () => {
    const result = assignVoiceSlots(espeak, 'vi');
    expect(result).toMatchObject({ lang: 'vi', kind: 'regional', missing: false });
    expect(result.slots.map((s) => s.label)).toEqual(['Nam miền Bắc', 'Nữ miền Bắc', 'Nữ miền Nam', 'Nam miền Nam']);
    expect(summary(result)).toEqual({
      'north-male': ['Vietnamese (Northern) espeak-ng', 1, false, 'exact'],
      'north-female': ['Vietnamese (Northern)+Annie espeak-ng', 1, false, 'exact'],
      'south-female': ['Vietnamese (Southern)+Annie espeak-ng', 1, false, 'exact'],
      'south-male': ['Vietnamese (Southern) espeak-ng', 1, false, 'exact'],
    });
  });

  it('does not depend on the page saying vi-VN rather than vi', () => {
    expect(summary(assignVoiceSlots(espeak, 'vi-VN'))).toEqual(summary(assignVoiceSlots(espeak, 'vi')));
  });

  it('uses Central only when it is the one accent installed, and says so', () => {
    const central = espeak.filter((v) => v.lang === 'vi-VN-X-CENTRAL');
    const result = assignVoiceSlots(central, 'vi');
    expect(summary(result)).toEqual({
      'north-male': ['Vietnamese (Central) espeak-ng', 1, true, 'other-region'],
      'north-female': ['Vietnamese (Central)+Annie espeak-ng', 1, true, 'other-region'],
      'south-female': ['Vietnamese (Central)+Annie espeak-ng', 1, true, 'other-region'],
      'south-male': ['Vietnamese (Central) espeak-ng', 1, true, 'other-region'],
    });
  });

  it('on Edge: natural northern voices, and the southern slots marked approximate', () => {
    expect(summary(assignVoiceSlots(edge, 'vi'))).toEqual({
      'north-male': ['Microsoft NamMinh Online (Natural) - Vietnamese (Vietnam)', 1, false, 'exact'],
      'north-female': ['Microsoft HoaiMy Online (Natural) - Vietnamese (Vietnam)', 1, false, 'exact'],
      'south-female': ['Microsoft HoaiMy Online (Natural) - Vietnamese (Vietnam)', 1, true, 'other-region'],
      'south-male': ['Microsoft NamMinh Online (Natural) - Vietnamese (Vietnam)', 1, true, 'other-region'],
    });
  });

  it('with only Windows An: the female slots use An at a higher pitch', () => {
    const an = edge.filter((v) => v.name.startsWith('Microsoft An '));
    expect(summary(assignVoiceSlots(an, 'vi'))).toEqual({
      'north-male': ['Microsoft An - Vietnamese (Vietnam)', 1, false, 'exact'],
      'north-female': ['Microsoft An - Vietnamese (Vietnam)', 1.4, true, 'other-gender'],
      'south-female': ['Microsoft An - Vietnamese (Vietnam)', 1.4, true, 'other-region-and-gender'],
      'south-male': ['Microsoft An - Vietnamese (Vietnam)', 1, true, 'other-region'],
    });
  });

  it('never fakes a gender by pitch with a voice that ignores pitch (Edge Natural)', () => {
    const hoaiMy = edge.filter((v) => v.name.includes('HoaiMy'));
    const result = assignVoiceSlots(hoaiMy, 'vi');
    expect(result.slots.find((s) => s.id === 'north-male')).toMatchObject({ voice: null, reason: 'none' });
    expect(result.missing).toBe(false);
  });

  it('on macOS: Linh for the female slots, Linh lowered for the male ones', () => {
    expect(summary(assignVoiceSlots(mac, 'vi'))).toEqual({
      'north-male': ['Linh', 0.75, true, 'other-gender'],
      'north-female': ['Linh', 1, false, 'exact'],
      'south-female': ['Linh', 1, true, 'other-region'],
      'south-male': ['Linh', 0.75, true, 'other-region-and-gender'],
    });
  });

  it('on Android ids: on-device voices first, disputed ones marked unverified', () => {
    expect(summary(assignVoiceSlots(androidIds, 'vi'))).toEqual({
      'north-male': ['vi-vn-x-vid-local', 1, true, 'unverified'],
      'north-female': ['vi-vn-x-gft-local', 1, false, 'exact'],
      'south-female': ['vi-vn-x-vie-local', 1, true, 'unverified'],
      'south-male': ['vi-vn-x-vif-local', 1, true, 'unverified'],
    });
  });

  it('on Chrome for Android: "Việt Nam" is not a male voice; one unknown voice, pitch apart', () => {
    expect(describeVoice(androidChrome[0] as VoiceLike).gender).toBeUndefined();
    expect(summary(assignVoiceSlots(androidChrome, 'vi'))).toEqual({
      'north-male': ['Tiếng Việt Việt Nam', 0.85, true, 'unknown-voice'],
      'north-female': ['Tiếng Việt Việt Nam', 1.15, true, 'unknown-voice'],
      'south-female': ['Tiếng Việt Việt Nam', 1.15, true, 'unknown-voice'],
      'south-male': ['Tiếng Việt Việt Nam', 0.85, true, 'unknown-voice'],
    });
  });

  it('knows Google Tiếng Việt as a northern woman', () => {
    const google: VoiceLike = {
      name: 'Google Tiếng Việt',
      lang: 'vi-VN',
      voiceURI: 'Google Tiếng Việt',
      localService: false,
    };
    expect(describeVoice(google)).toMatchObject({ family: 'google', gender: 'female', region: 'north', certain: true });
  });

  it('honours a pin to any installed voice, even of another language', () => {
    const result = assignVoiceSlots(espeak, 'vi', {
      'south-female': 'Vietnamese (Southern)+female2 espeak-ng',
      'north-male': 'German espeak-ng',
    });
    const s = summary(result);
    expect(s['south-female']).toEqual(['Vietnamese (Southern)+female2 espeak-ng', 1, false, 'pinned']);
    expect(s['north-male']).toEqual(['German espeak-ng', 1, false, 'pinned']);
    expect(result.slots.find((x) => x.id === 'north-male')?.pin).toEqual({
      voiceURI: 'German espeak-ng',
      available: true,
    });
  });

  it('reports a pin whose voice is gone and falls back', () => {
    const result = assignVoiceSlots(edge, 'vi', { 'north-female': 'Linh' });
    expect(result.slots.find((s) => s.id === 'north-female')).toMatchObject({
      voice: { name: 'Microsoft HoaiMy Online (Natural) - Vietnamese (Vietnam)' },
      reason: 'exact',
      pin: { voiceURI: 'Linh', available: false },
    });
  });

  it('with no Vietnamese voice: says so and offers other voices, best first', () => {
    const result = assignVoiceSlots(
      mac.filter((v) => v.name !== 'Linh'),
      'vi',
    );
    expect(result.missing).toBe(true);
    expect(result.slots.every((s) => s.voice === null && s.reason === 'none')).toBe(true);
    expect(result.others[0]?.name).toBe('Google Deutsch');
    expect(result.others).toHaveLength(mac.length - 1);
  });

  it('with no voice at all: missing, nothing to offer', () => {
    expect(assignVoiceSlots(empty, 'vi')).toMatchObject({ missing: true, others: [] });
  });

  it('offers one voice per espeak-ng language when Vietnamese is missing, not every variant', () => {
    const result = assignVoiceSlots(
      espeak.filter((v) => !v.lang.startsWith('vi')),
      'vi',
    );
    expect(result.others.map((o) => o.name)).toContain('German espeak-ng');
    expect(result.others.some((o) => o.name.includes('+'))).toBe(false);
  });
});

describe('assignVoiceSlots, other languages', () => {
  it('German with espeak-ng: the base voice and a female variant, labelled by name', () => {
    const result = assignVoiceSlots(espeak, 'de');
    expect(result.kind).toBe('named');
    expect(result.slots.map((s) => [s.id, s.label, s.voice?.name])).toEqual([
      ['voice-1', 'German', 'German espeak-ng'],
      ['voice-2', 'German · Annie', 'German+Annie espeak-ng'],
    ]);
  });

  it('English with espeak-ng: American and British before other accents', () => {
    expect(assignVoiceSlots(espeak, 'en').slots.map((s) => s.voice?.name)).toEqual([
      'English (America) espeak-ng',
      'English (America)+Annie espeak-ng',
      'English (Great Britain) espeak-ng',
      'English (Great Britain)+Annie espeak-ng',
    ]);
  });

  it('German on Edge: four natural de-DE voices before Austrian and Swiss ones', () => {
    expect(assignVoiceSlots(edge, 'de').slots.map((s) => s.label)).toEqual(['Amala', 'Conrad', 'Katja', 'Killian']);
  });

  it('an Austrian page prefers Austrian voices', () => {
    expect(
      assignVoiceSlots(edge, 'de-AT')
        .slots.map((s) => s.label)
        .slice(0, 2),
    ).toEqual(['Ingrid', 'Jonas']);
  });

  it('German on macOS: network voice first, Apple names shortened', () => {
    expect(assignVoiceSlots(mac, 'de').slots.map((s) => s.label)).toEqual(['Google Deutsch', 'Anna', 'Eddy', 'Flo']);
  });

  it('a pinned slot keeps its voice and the others do not repeat it', () => {
    const result = assignVoiceSlots(edge, 'de', { 'voice-1': 'Microsoft Katja Online (Natural) - German (Germany)' });
    expect(result.slots.map((s) => [s.label, s.reason])).toEqual([
      ['Katja', 'pinned'],
      ['Amala', 'named'],
      ['Conrad', 'named'],
      ['Killian', 'named'],
    ]);
  });

  it('French with no voice: missing', () => {
    expect(assignVoiceSlots(androidChrome, 'fr')).toMatchObject({ missing: true, slots: [] });
  });
});

describe('voiceOptions', () => {
  it('lists the page language first, the standard (northern, "vi") accent first, and cuts espeak-ng variants down', () => {
    const { sameLanguage, otherLanguages } = voiceOptions(espeak, 'vi');
    expect(sameLanguage.map((v) => v.name)).toEqual([
      'Vietnamese (Northern) espeak-ng',
      'Vietnamese (Northern)+Annie espeak-ng',
      'Vietnamese (Central) espeak-ng',
      'Vietnamese (Central)+Annie espeak-ng',
      'Vietnamese (Southern) espeak-ng',
      'Vietnamese (Southern)+Annie espeak-ng',
    ]);
    expect(otherLanguages.every((v) => !v.lang.startsWith('vi'))).toBe(true);
  });

  it('orders other languages by closeness to the page language, not alphabetically', () => {
    const primaries = (lang: string) => voiceOptions(espeak, lang).otherLanguages.map((v) => v.lang.split('-')[0]);
    expect(primaries('vi')[0]).toBe('cmn');
    expect(primaries('vi').at(-1)).not.toBe('cmn');
    expect(primaries('de').slice(0, 2)).toEqual(['af', 'en']);
    expect(primaries('en')[0]).toBe('de');
  });
});

describe('loadVoices', () => {
  it('waits for voiceschanged when the list starts empty', async () => {
    const source = new FakeSynth([]);
    const loading = loadVoices(source, 60_000);
    source.setVoices(edge);
    await expect(loading).resolves.toHaveLength(edge.length);
  });

  it('gives up with an empty list when no voiceschanged comes', async () => {
    const source = new FakeSynth([]);
    await expect(loadVoices(source, 1)).resolves.toEqual([]);
  });
});
