import { useState } from 'preact/hooks';
import type { SpeechCommand, SpeechStatus } from '@/lib/messages';
import type { VoiceRef } from '@/lib/speech/voice-catalogue';
import type { VoiceSlot } from '@/lib/speech/voices';
import { MAX_RATE, MIN_RATE } from '@/lib/speech/settings';
import type { Translate } from './i18n';
import { Icon } from './icons';
import { approximation, slotLabel } from './voices';
import './PlayerBar.css';

const RATES = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2].filter((rate) => rate >= MIN_RATE && rate <= MAX_RATE);
/** Syllables (Vietnamese) or words a voice speaks per minute at 1×, for "time left". */
const SPOKEN_WPM = 150;

export type VoiceOptions = { sameLanguage: VoiceRef[]; otherLanguages: VoiceRef[] };

export interface PlayerBarProps {
  /** What the reader is really doing; null until it answered. */
  status: SpeechStatus | null;
  run: (command: SpeechCommand) => void;
  /** Starts reading what this bar is about (the article, the clip). */
  play: () => void;
  /** Words of what is read, for "time left". */
  wordCount: number;
  voiceOptions: () => Promise<VoiceOptions>;
  t: Translate;
}

/**
 * The player, one view for the popup (over the page's reader) and the clips page (over its own):
 * the controls, progress, rate, and the voice slots.
 */
export function PlayerBar({ status, run, play, wordCount, voiceOptions, t }: PlayerBarProps) {
  const state = status?.state;
  const reading = state && state.status !== 'idle';
  const total = state?.total ?? 0;
  const index = state?.index ?? 0;
  const wordsLeft = reading ? Math.round((wordCount * (total - index)) / Math.max(total, 1)) : wordCount;
  const minutesLeft = Math.max(1, Math.round(wordsLeft / (SPOKEN_WPM * (state?.rate ?? 1))));
  const slots = status?.slots;
  // One label for eyes and screen readers: a paused reader says "Resume" to both.
  const playLabel = t(state?.status === 'speaking' ? 'pause' : state?.status === 'paused' ? 'resume' : 'listen');

  return (
    <section class="player" aria-label={t('playerLabel')}>
      <div class="player-controls">
        <button
          type="button"
          class="icon"
          onClick={() => run({ action: 'previous-paragraph' })}
          disabled={!reading}
          aria-label={t('previousParagraph')}
        >
          <Icon name="previousParagraph" />
        </button>
        <button
          type="button"
          class="icon"
          onClick={() => run({ action: 'previous' })}
          disabled={!reading}
          aria-label={t('previousSentence')}
        >
          <Icon name="previous" />
        </button>
        <button
          type="button"
          class="primary play"
          onClick={() => (reading ? run({ action: 'toggle' }) : play())}
          aria-label={playLabel}
        >
          <Icon name={state?.status === 'speaking' ? 'pause' : 'play'} />
          {playLabel}
        </button>
        <button
          type="button"
          class="icon"
          onClick={() => run({ action: 'next' })}
          disabled={!reading}
          aria-label={t('nextSentence')}
        >
          <Icon name="next" />
        </button>
        <button
          type="button"
          class="icon"
          onClick={() => run({ action: 'next-paragraph' })}
          disabled={!reading}
          aria-label={t('nextParagraph')}
        >
          <Icon name="nextParagraph" />
        </button>
        <button
          type="button"
          class="icon"
          onClick={() => run({ action: 'stop' })}
          disabled={!reading && status?.error !== 'no-voice'}
          aria-label={t('stop')}
        >
          <Icon name="stop" />
        </button>
        <label class="rate">
          <span class="visually-hidden">{t('rate')}</span>
          <select
            value={String(state?.rate ?? 1)}
            onChange={(event) => run({ action: 'rate', rate: Number(event.currentTarget.value) })}
            aria-label={t('rate')}
          >
            {RATES.map((rate) => (
              <option key={rate} value={String(rate)}>
                {rate}×
              </option>
            ))}
          </select>
        </label>
      </div>
      {reading && (
        <div class="progress">
          <progress max={total} value={index + 1} aria-label={t('progress', [String(index + 1), String(total)])} />
          <span>
            {t('progress', [String(index + 1), String(total)])} · {t('timeLeft', [String(minutesLeft)])}
          </span>
        </div>
      )}
      {reading && status && !status.following && (
        <button type="button" class="secondary follow" onClick={() => run({ action: 'follow' })}>
          {t('follow')}
        </button>
      )}
      {(!status || status.preparing) && (
        <p class="hint" role="status">
          {t('preparingVoice')}
        </p>
      )}
      {status && status.upNext.length > 0 && (
        <p class="hint">{t('upNext', [String(status.upNext.length), status.upNext[0] ?? ''])}</p>
      )}
      {slots && !slots.missing && (
        <fieldset class="voices">
          <legend>{t('voice')}</legend>
          {slots.slots.map((slot) => (
            <label
              key={slot.id}
              class={slot.voice ? 'voice' : 'voice unavailable'}
              title={slot.voice?.name ?? t('voiceNone')}
            >
              <input
                type="radio"
                name="voice"
                value={slot.id}
                checked={status.slot === slot.id}
                disabled={!slot.voice}
                onChange={() => run({ action: 'voice', slot: slot.id })}
              />
              <span>
                {slotLabel(slot, t)}
                {slot.approximate && (
                  <abbr class="approximate" title={t('voiceApproximate')}>
                    {' ≈'}
                  </abbr>
                )}
              </span>
            </label>
          ))}
          {slots.slots
            .map((slot) => approximation(slot, t))
            .filter((line) => line !== null)
            .map((line) => (
              <p key={line} class="hint approximation">
                {line}
              </p>
            ))}
          {status.slot && (
            <PinVoice
              slot={status.slots?.slots.find((slot) => slot.id === status.slot) ?? null}
              t={t}
              voiceOptions={voiceOptions}
              onPin={(voiceURI) => run({ action: 'pin', slot: status.slot!, voiceURI })}
            />
          )}
        </fieldset>
      )}
      {/* Said before play: a listener should not have to press play to learn there is no voice. */}
      {status && (status.error || slots?.missing) && (
        <SpeechProblem
          status={status}
          t={t}
          onPin={(voiceURI) => run({ action: 'pin', slot: slots?.slots[0]?.id ?? 'north-male', voiceURI })}
        />
      )}
    </section>
  );
}

function SpeechProblem({
  status,
  t,
  onPin,
}: {
  status: SpeechStatus;
  t: Translate;
  onPin: (voiceURI: string) => void;
}) {
  if (status.error === 'no-voice' || status.slots?.missing) {
    const others = status.slots?.others ?? [];
    return (
      <div class="problem" role="alert">
        <p>{t('noVoice')}</p>
        {status.slots?.lang === 'vi' && (
          <>
            <p>{t('installVoiceHeading')}</p>
            <ul class="install">
              {['installWindows', 'installMac', 'installAndroid', 'installLinux'].map((key) => (
                <li key={key}>{t(key)}</li>
              ))}
            </ul>
          </>
        )}
        {others.length > 0 && (
          <label>
            {t('pickOtherVoice')}{' '}
            <select onChange={(event) => event.currentTarget.value && onPin(event.currentTarget.value)}>
              <option value="">—</option>
              {voiceOptionList(others, true)}
            </select>
          </label>
        )}
      </div>
    );
  }
  return (
    <p class="problem" role="alert">
      {t('speechFailed', [status.error ?? ''])}
    </p>
  );
}

/** Installed voices as `<option>`s, named with their language where the list mixes languages. */
function voiceOptionList(voices: readonly VoiceRef[], withLanguage: boolean) {
  return voices.map((voice) => (
    <option key={voice.voiceURI} value={voice.voiceURI}>
      {withLanguage ? `${voice.name} (${voice.lang})` : voice.name}
    </option>
  ));
}

/** Lets the user put any installed voice in the chosen slot, or give the slot back to Loa's choice. */
function PinVoice({
  slot,
  t,
  voiceOptions,
  onPin,
}: {
  slot: VoiceSlot | null;
  t: Translate;
  voiceOptions: () => Promise<VoiceOptions>;
  onPin: (voiceURI: string | null) => void;
}) {
  const [options, setOptions] = useState<VoiceOptions | null>(null);
  if (!slot) return null;
  return (
    <details
      class="pin"
      onToggle={(event) => {
        if ((event.currentTarget as HTMLDetailsElement).open && !options)
          voiceOptions().then(setOptions, () => setOptions({ sameLanguage: [], otherLanguages: [] }));
      }}
    >
      <summary>{t('pinVoice', [slotLabel(slot, t)])}</summary>
      {options ? (
        <label>
          <span class="visually-hidden">{t('pinVoice', [slotLabel(slot, t)])}</span>
          <select value={slot.pin?.voiceURI ?? ''} onChange={(event) => onPin(event.currentTarget.value || null)}>
            <option value="">{t('pinAutomatic')}</option>
            <optgroup label={t('pinSameLanguage')}>{voiceOptionList(options.sameLanguage, false)}</optgroup>
            <optgroup label={t('pinOtherLanguages')}>{voiceOptionList(options.otherLanguages, true)}</optgroup>
          </select>
        </label>
      ) : (
        <p class="hint">{t('voicesLoading')}</p>
      )}
    </details>
  );
}
