// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { idleSpeechStatus } from '../../lib/speech/idle-status';
import { ReadingSession } from '../../lib/speech/session';
import { DEFAULT_SETTINGS, type SpeechSettings } from '../../lib/speech/settings';
import type { VoiceLike } from '../../lib/speech/voice-catalogue';
import { sourceListing } from '../../lib/speech/voice-loading';
import { FakeSynth, fakeEngine, NORTHERN, SOUTHERN_FEMALE } from '../support/fake-speech';

function fixture(name: string): VoiceLike[] {
  const file = join(import.meta.dirname, '../fixtures/voices', `${name}.json`);
  return (JSON.parse(readFileSync(file, 'utf8')) as { voices: VoiceLike[] }).voices;
}

/** What the page's reader reports before anything is read: a fresh session, voices listed, for `lang`. */
async function readerStatus(voices: VoiceLike[], lang: string, settings: SpeechSettings) {
  const session = new ReadingSession({
    engine: fakeEngine(voices),
    document,
    settings,
    saveSettings: () => {},
    onStatus: () => {},
    voicesTimeoutMs: 10,
  });
  return session.prepare(lang);
}

const southern = 'Vietnamese (Southern)+Annie espeak-ng';
const SETTINGS: Record<string, SpeechSettings> = {
  default: DEFAULT_SETTINGS,
  'a chosen slot and rate': { ...DEFAULT_SETTINGS, rate: 1.5, slotByLang: { vi: 'south-female', de: 'voice-2' } },
  'a pinned voice': {
    ...DEFAULT_SETTINGS,
    slotByLang: { vi: 'north-male' },
    pinsByLang: { vi: { 'north-male': southern } },
  },
  'a pin whose voice is gone': { ...DEFAULT_SETTINGS, pinsByLang: { vi: { 'north-female': 'uninstalled' } } },
};

describe('the idle player status a popup gets without a reader', () => {
  for (const voices of ['espeak-ng-chromium', 'espeak-ng-firefox', 'edge-windows-like', 'macos-chrome-like', 'empty'])
    for (const [settingsName, settings] of Object.entries(SETTINGS))
      it(`is the reader's own for ${voices} voices, ${settingsName}`, async () => {
        const listed = fixture(voices);
        for (const lang of ['vi', 'de', 'en-US'])
          expect(idleSpeechStatus(listed, lang, settings)).toEqual(await readerStatus(listed, lang, settings));
      });

  it('shows the remembered slot and rate with its voice', () => {
    const status = idleSpeechStatus(fixture('espeak-ng-chromium'), 'vi', SETTINGS['a chosen slot and rate']!);
    expect(status.slot).toBe('south-female');
    expect(status.state).toMatchObject({ status: 'idle', rate: 1.5 });
    expect(status.slots?.slots.find((slot) => slot.id === 'south-female')?.voice?.lang).toBe('vi-VN-X-SOUTH');
  });
});

describe('a speechSynthesis voice listing (Firefox background page)', () => {
  it('lists once for every asker and again after the voices changed', async () => {
    const synth = new FakeSynth([NORTHERN]);
    let asked = 0;
    const getVoices = synth.getVoices.bind(synth);
    synth.getVoices = () => {
      asked++;
      return getVoices();
    };
    const voices = sourceListing(synth, { settleMs: 5 });
    expect(await Promise.all([voices(), voices()])).toEqual([[NORTHERN], [NORTHERN]]);
    const oneListing = asked;
    expect(await voices()).toEqual([NORTHERN]);
    expect(asked).toBe(oneListing);
    synth.voices = [NORTHERN, SOUTHERN_FEMALE];
    synth.dispatchEvent(new Event('voiceschanged'));
    expect(await voices()).toEqual([NORTHERN, SOUTHERN_FEMALE]);
    expect(asked).toBe(2 * oneListing);
  });

  it('takes the list once it stops growing, as Firefox adds its voices a batch at a time', async () => {
    const synth = new FakeSynth([SOUTHERN_FEMALE]);
    const voices = sourceListing(synth, { settleMs: 20 });
    const listed = voices();
    await new Promise((resolve) => setTimeout(resolve, 10));
    synth.voices = [SOUTHERN_FEMALE, NORTHERN];
    expect(await listed).toEqual([SOUTHERN_FEMALE, NORTHERN]);
  });
});
