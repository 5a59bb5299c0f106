import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Clip } from '../../lib/clips';
import type { SpeechCommand, SpeechStatus } from '../../lib/messages';
import type { SpeechEngine as SessionEngine } from '../../lib/speech/engine';
import { ReadingSession } from '../../lib/speech/session';
import { DEFAULT_SETTINGS, type SpeechSettings } from '../../lib/speech/settings';
import { type SpeechSentence, articleSentences, selectionSentences, summarySentences } from '../../lib/speech/queue';
import type { SpeakerStatus } from '../../lib/speech/speaker-ports';
import type { VietnameseSlotId, VoiceSlot } from '../../lib/speech/voices';
import { splitSentences } from '../../lib/text/sentences';
import type { VoiceOptions } from '../PlayerBar';

/** The page's speech engine (a fake in component tests), with the user's reading settings. */
export interface SpeechEngine extends SessionEngine {
  /** The rate, regional slot and pinned voices the user chose while reading articles. */
  settings?: SpeechSettings;
  /** Keeps changed settings (storage.local in the extension), so the popup reads with them too. */
  saveSettings?: (settings: SpeechSettings) => void;
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
      return articleSentences({
        title: clip.title,
        lead: clip.lead,
        sentences: splitSentences(clip.text, clip.lang),
        lang: clip.lang,
      });
  }
}

export interface ClipReader {
  /** The reader's status, for the player bar. */
  status: SpeechStatus | null;
  run: (command: SpeechCommand) => void;
  voiceOptions: () => Promise<VoiceOptions>;
  /** The four Vietnamese slots over the installed voices (while no clip in another language is loaded). */
  slots: VoiceSlot[];
  slotId: VietnameseSlotId | null;
  chooseSlot: (id: VietnameseSlotId) => void;
  /** The clip being read (or paused), if any, with its length in words for "time left". */
  current: { id: number; status: Exclude<SpeakerStatus, 'idle'>; words: number } | null;
  /** A `_locales` key and its substitutions, when reading failed. */
  error: { key: string; substitutions: string[] } | null;
  play: (clip: Clip) => void;
  toggle: () => void;
  stop: () => void;
}

/**
 * The page's ReadingSession, the same one the content script runs for articles: slots, pins,
 * rate, progress, and the highlight of the clip's text where the page shows it. Null without an
 * engine (a browser without speech synthesis).
 */
export function useClipReader(engine: SpeechEngine | undefined): ClipReader | null {
  const [status, setStatus] = useState<SpeechStatus | null>(null);
  const session = useMemo(
    () =>
      engine
        ? new ReadingSession({
            engine,
            document,
            settings: engine.settings ?? DEFAULT_SETTINGS,
            saveSettings: engine.saveSettings ?? (() => {}),
            onStatus: setStatus,
          })
        : null,
    [engine],
  );
  const playing = useRef<{ id: number; words: number } | null>(null);

  useEffect(() => {
    if (!session) return undefined;
    // Vietnamese first: most clips are, and the voice choice is offered before anything is read.
    void session.statusFor('vi');
    return () => session.dispose();
  }, [session]);

  if (!session) return null;
  // The session reports every change through onStatus; a command's own answer could arrive after
  // later reports and show a stale state, so it is not used.
  const run = (command: SpeechCommand) => void session.command(command, () => null);
  const state = status?.state.status ?? 'idle';
  const regional = status?.slots?.kind === 'regional' ? status.slots.slots : [];
  return {
    status,
    run,
    voiceOptions: () => session.pinnableVoices(),
    slots: regional,
    slotId: regional.length > 0 ? (status?.slot as VietnameseSlotId | null) : null,
    chooseSlot: (id) => run({ action: 'voice', slot: id }),
    current: playing.current && state !== 'idle' ? { ...playing.current, status: state } : null,
    error: status?.error ? speechError(status.error) : null,
    play: (clip) => {
      playing.current = { id: clip.id, words: clip.text.split(/\s+/).filter(Boolean).length };
      void session.readText(clipSentences(clip), clip.lang, clip.kind);
    },
    toggle: () => run({ action: 'toggle' }),
    stop: () => run({ action: 'stop' }),
  };
}

function speechError(error: string): { key: string; substitutions: string[] } {
  if (error === 'no-voice' || error === 'voice-unavailable')
    return { key: 'clips_speech_error_no_voice', substitutions: [] };
  return { key: 'clips_speech_error', substitutions: [error] };
}
