import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Clip } from '../../lib/clips';
import {
  type SpeakerError,
  type SpeakerStatus,
  type SpeechSentence,
  Speaker,
  articleSentences,
  selectionSentences,
  summarySentences,
} from '../../lib/speech/speaker';
import type { SpeechEngine as SessionEngine } from '../../lib/speech/engine';
import type { SpeechSettings } from '../../lib/speech/settings';
import { primaryLanguage } from '../../lib/speech/normalize';
import {
  type VietnameseSlotId,
  type VoiceLike,
  type VoiceSlot,
  VIETNAMESE_SLOTS,
  assignVoiceSlots,
  loadVoices,
} from '../../lib/speech/voices';
import { splitSentences } from '../../lib/text/sentences';

/** The page's `speechSynthesis` and utterance constructor; a fake in component tests. */
/** The page's speech engine (a fake in component tests), with the user's reading settings. */
export interface SpeechEngine extends SessionEngine {
  /** The rate, regional slot and pinned voices the user chose while reading articles. */
  settings?: SpeechSettings;
}

/** What is read for a clip: the title first, then what the clip holds. */
export function clipSentences(clip: Clip): SpeechSentence[] {
  switch (clip.kind) {
    case 'selection':
      return selectionSentences(clip.text, clip.lang);
    case 'summary':
      return [
        ...articleSentences({ title: clip.title, lead: null, sentences: [], lang: clip.lang }),
        ...summarySentences(clip.summary.length > 0 ? clip.summary : [clip.text]),
      ];
    case 'article':
      return articleSentences({ title: clip.title, lead: clip.lead, sentences: splitSentences(clip.text, clip.lang), lang: clip.lang });
  }
}

export interface ClipReader {
  /** The four Vietnamese slots over the installed voices. */
  slots: VoiceSlot[];
  slotId: VietnameseSlotId | null;
  chooseSlot: (id: VietnameseSlotId) => void;
  /** The clip being read (or paused), if any. */
  current: { id: number; status: Exclude<SpeakerStatus, 'idle'> } | null;
  /** A `_locales` key and its substitutions, when reading failed. */
  error: { key: string; substitutions: string[] } | null;
  play: (clip: Clip) => void;
  toggle: () => void;
  stop: () => void;
}

/**
 * One Speaker for the page, as in the content script: a Vietnamese clip is read with the chosen
 * regional slot, a clip in another language with the best voice of its language. Null without an
 * engine (a browser without speech synthesis).
 */
export function useClipReader(engine: SpeechEngine | undefined): ClipReader | null {
  const speaker = useMemo(() => {
    if (!engine) return null;
    const created = new Speaker({ synth: engine.synth, createUtterance: engine.createUtterance });
    if (engine.settings) created.setRate(engine.settings.rate);
    return created;
  }, [engine]);
  const [voices, setVoices] = useState<readonly VoiceLike[]>([]);
  const [chosen, setChosen] = useState<VietnameseSlotId | null>(() => preferredSlot(engine?.settings));
  const pins = (lang: string) => engine?.settings?.pinsByLang[primaryLanguage(lang)];
  const [current, setCurrent] = useState<ClipReader['current']>(null);
  const [error, setError] = useState<ClipReader['error']>(null);
  /** The language of the clip loaded into the speaker, so a new slot applies only to Vietnamese. */
  const loadedLang = useRef<string | null>(null);

  useEffect(() => {
    if (!engine) return undefined;
    let live = true;
    void loadVoices(engine.synth).then((loaded) => {
      if (live) setVoices(loaded);
    });
    return () => {
      live = false;
    };
  }, [engine]);

  useEffect(() => {
    if (!speaker) return undefined;
    const unsubscribe = speaker.subscribe((event) => {
      if (event.type === 'state') {
        const { status } = event.state;
        setCurrent((previous) => (status === 'idle' || !previous ? null : { id: previous.id, status }));
      } else if (event.type === 'error' && event.fatal) {
        setError(speechError(event.error));
      }
    });
    return () => {
      unsubscribe();
      speaker.dispose();
    };
  }, [speaker]);

  const vietnamese = useMemo(() => assignVoiceSlots(voices, 'vi', pins('vi')).slots, [voices]);
  if (!speaker) return null;

  // Until the user picks one: the first slot with a voice of exactly its kind, else any voice.
  const fallback = vietnamese.find((slot) => slot.reason === 'exact') ?? vietnamese.find((slot) => slot.voice);
  const slotId = chosen ?? (fallback ? (fallback.id as VietnameseSlotId) : null);

  const slotFor = (lang: string): VoiceSlot | undefined => {
    const { kind, slots } = assignVoiceSlots(voices, lang, pins(lang));
    return kind === 'regional' ? slots.find((slot) => slot.id === slotId) : slots.find((slot) => slot.voice);
  };

  return {
    slots: vietnamese,
    slotId,
    chooseSlot: (id) => {
      setChosen(id);
      const slot = vietnamese.find((candidate) => candidate.id === id);
      if (slot?.voice && loadedLang.current && assignVoiceSlots(voices, loadedLang.current).kind === 'regional') {
        speaker.setVoice(slot);
      }
    },
    current,
    error,
    play: (clip) => {
      setError(null);
      const slot = slotFor(clip.lang);
      if (!slot?.voice) {
        speaker.stop();
        setError(speechError('no-voice'));
        return;
      }
      speaker.load(clipSentences(clip), clip.lang);
      speaker.setVoice(slot);
      loadedLang.current = clip.lang;
      setCurrent({ id: clip.id, status: 'speaking' });
      speaker.play();
    },
    toggle: () => speaker.toggle(),
    stop: () => speaker.stop(),
  };
}

/** The Vietnamese slot the user last chose in the popup, if it is one of the four. */
function preferredSlot(settings: SpeechSettings | undefined): VietnameseSlotId | null {
  const slot = settings?.slotByLang.vi;
  return VIETNAMESE_SLOTS.some((candidate) => candidate.id === slot) ? (slot as VietnameseSlotId) : null;
}

function speechError(error: SpeakerError): { key: string; substitutions: string[] } {
  if (error === 'no-voice' || error === 'voice-unavailable') return { key: 'clips_speech_error_no_voice', substitutions: [] };
  return { key: 'clips_speech_error', substitutions: [error] };
}
