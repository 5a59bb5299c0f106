/**
 * A reading session in a page: the Speaker, the voice slots over the installed voices, the
 * remembered rate and voice choices, and the highlight that follows the reader. The content
 * script holds one (the popup, shortcuts and menus drive it through messages), and so does the
 * clips page for the clips it reads.
 */
import type { Article, ArticlePage } from '../article';
import type { SpeechCommand, SpeechStatus } from '../messages';
import type { SpeechEngine } from './engine';
import { foldForMatching } from '../text/fold';
import { SentenceHighlighter, findArticleContainer } from './highlight';
import { rememberedVoiceOf, type RememberedVoice, type SpeechSettings } from './settings';
import { articleSentences, selectionSentences, summarySentences, type SpeechSentence } from './queue';
import { Speaker } from './speaker';
import type { SpeakerError, VoiceSelection } from './speaker-ports';
import { markStage } from './stages';
import { isNotAllowed } from './tts-bridge/client';
import type { VoiceLike, VoiceRef } from './voice-catalogue';
import { loadVoices } from './voice-loading';
import { slotInUse, slotsFor } from './idle-status';
import { voiceOptions, type SlotId, type VoiceSlot, type VoiceSlots } from './voices';

/** Chromium with speech-dispatcher lists its voices after 2–6 s; with no voices it never says so. */
const VOICES_TIMEOUT_MS = 10_000;
const VOICES_POLL_MS = 500;
/** Folded characters of a selection used to find its sentence, and the fewest that identify one. */
const SELECTION_PROBE = 40;
const MIN_SELECTION = 6;
/** Keys that scroll a page: pressing one while reading means the reader is looking elsewhere. */
const SCROLL_KEYS = new Set(['PageUp', 'PageDown', 'ArrowUp', 'ArrowDown', 'Home', 'End', ' ']);

/** What can be read aloud: the page's article, complete (with its summary) or not. */
export type Readable = ArticlePage | Article;

export interface ReadingSessionOptions {
  engine: SpeechEngine;
  /** The page the text is on, to highlight the sentence being read; none (no highlight) for text shown nowhere. */
  document?: Document;
  settings: SpeechSettings;
  saveSettings: (settings: SpeechSettings) => void;
  onStatus: (status: SpeechStatus) => void;
  /** How long to wait for the first voiceschanged (Chromium lists none before it). */
  voicesTimeoutMs?: number;
  /**
   * The engine to go on with when the page may not speak: Chrome refuses speechSynthesis
   * (`not-allowed`) in a page the user has not clicked since it loaded, which is the case when
   * reading starts from the popup, a shortcut or a menu.
   */
  fallbackEngine?: () => SpeechEngine;
}

export class ReadingSession {
  // Set by attach(), from the constructor on.
  private speaker!: Speaker;
  private engine!: SpeechEngine;
  private unsubscribe!: () => void;
  private readonly options: ReadingSessionOptions;
  private settings: SpeechSettings;
  private voices: readonly VoiceLike[] | null = null;
  private slots: VoiceSlots | null = null;
  private lang = 'und';
  private what: SpeechStatus['what'] = null;
  private upNext: Article[] = [];
  private sentence: string | null = null;
  private error: SpeakerError | null = null;
  private highlighter: SentenceHighlighter | null = null;
  /** What the speaker was last given, to go on with after an engine switch. */
  private loaded: SpeechSentence[] | null = null;
  /** Counts read requests and stops, so a read still waiting for voices knows it was superseded. */
  private requests = 0;
  /** Where to start reading once voices arrive, when reading was asked for before they did. */
  private waitingFrom: number | null = null;
  /** The fallback engine is taken once; if it fails too, the error is the user's to see. */
  private switched = false;
  /** The voice list is being fetched while reading goes on with the language's default voice. */
  private preparing = false;
  private following = true;

  constructor(options: ReadingSessionOptions) {
    this.options = options;
    this.settings = options.settings;
    this.attach(options.engine);
    const view = options.document?.defaultView;
    for (const type of ['wheel', 'touchmove', 'keydown'] as const)
      view?.addEventListener(type, this.onUserScroll, { passive: true });
  }

  /** The reader scrolls the page: stop pulling it back to the sentence until they ask ("follow"). */
  private readonly onUserScroll = (event: Event) => {
    if (event.type === 'keydown' && !SCROLL_KEYS.has((event as KeyboardEvent).key)) return;
    if (!this.following || !this.highlighter || this.speaker.getState().status === 'idle') return;
    this.following = false;
    this.highlighter.setFollow(false);
    this.publish();
  };

  /** A speaker over `engine`, reporting to this session, at the remembered rate. */
  private attach(engine: SpeechEngine): void {
    this.engine = engine;
    this.speaker = new Speaker(engine);
    this.unsubscribe = this.speaker.subscribe((event) => this.onSpeakerEvent(event));
    this.speaker.setRate(this.settings.rate);
    engine.synth.addEventListener('voiceschanged', this.onVoicesChanged);
  }

  private detach(): void {
    this.engine.synth.removeEventListener('voiceschanged', this.onVoicesChanged);
    this.unsubscribe();
    this.speaker.dispose();
  }

  /** The slots of the page language over the known voices, with the user's pins. */
  private fillSlots(): void {
    this.slots = slotsFor(this.voices ?? [], this.lang, this.settings);
  }

  status(): SpeechStatus {
    return {
      state: this.speaker.getState(),
      slots: this.slots,
      slot: this.currentSlot(),
      error: this.error,
      sentence: this.sentence,
      what: this.what,
      upNext: this.upNext.map((next) => next.title),
      preparing: this.preparing,
      following: this.following,
    };
  }

  /** Reads the voices and fills the slots for `lang`; call before showing the voice choice. */
  async prepare(lang: string): Promise<SpeechStatus> {
    // An empty list is not remembered: speech-dispatcher can take seconds to list its voices.
    if (!this.voices?.length) this.voices = await this.waitForVoices();
    if (this.lang !== lang || !this.slots || this.slots.missing) {
      this.lang = lang;
      this.fillSlots();
    }
    return this.status();
  }

  /**
   * The player's status for `lang` at once: with the voices already listed, slots filled; else
   * `preparing`, and the slots follow in a status broadcast when the list arrives.
   */
  async statusFor(lang: string): Promise<SpeechStatus> {
    if (!this.voices?.length) this.voices = this.engine.synth.getVoices();
    if (this.voices.length > 0) {
      await this.prepare(lang);
      this.publish();
      return this.status();
    }
    if (!this.preparing) {
      this.lang = lang;
      this.preparing = true;
      void this.prepare(lang).then(() => {
        this.preparing = false;
        this.publish();
      });
    }
    return this.status();
  }

  /** The first non-empty voice list, or an empty one when none comes in time. */
  private async waitForVoices(): Promise<readonly VoiceLike[]> {
    const timeout = this.options.voicesTimeoutMs ?? VOICES_TIMEOUT_MS;
    const deadline = Date.now() + timeout;
    let voices = await loadVoices(this.engine.synth, timeout);
    // voiceschanged may report an engine that is still starting: look again until the deadline.
    while (voices.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, VOICES_POLL_MS));
      voices = this.engine.synth.getVoices();
    }
    return voices;
  }

  /** Every voice the user may pin to a slot: the page language's first, then one per other language. */
  async pinnableVoices(): Promise<{ sameLanguage: VoiceRef[]; otherLanguages: VoiceRef[] }> {
    await this.prepare(this.lang);
    return voiceOptions(this.voices ?? [], this.lang);
  }

  /** Voices installed or removed while the page is open re-fill the slots. */
  private readonly onVoicesChanged = () => {
    this.voices = this.engine.synth.getVoices();
    if (this.slots) {
      this.fillSlots();
      if (this.waitingFrom !== null && !this.slots.missing) {
        this.error = null;
        this.applyVoice();
        this.speaker.play(this.waitingFrom);
        this.waitingFrom = null;
      }
      this.publish();
    }
  };

  /**
   * Swaps the engine (the page's speechSynthesis for the background's chrome.tts when the page
   * may not speak) and goes on from the same sentence.
   */
  private async switchEngine(engine: SpeechEngine): Promise<void> {
    const state = this.speaker.getState();
    const sentences = this.loaded;
    this.detach();
    this.voices = null;
    this.slots = null;
    this.attach(engine);
    await this.prepare(this.lang);
    if (sentences) {
      this.speaker.load(sentences, this.lang);
      this.applyVoice();
      this.speaker.play(state.index);
    }
  }

  /**
   * Reads the article (or its summary) from sentence `from`, or from the sentence holding
   * `selection`. The page's article alone (no figures, no summary) is enough to read the article.
   */
  async readArticle(
    article: Readable,
    what: 'article' | 'summary',
    from?: number,
    selection?: string,
  ): Promise<SpeechStatus> {
    markStage('article');
    const summary = what === 'summary' && 'summary' in article && article.summary.length > 0 ? article.summary : null;
    const sentences = summary ? summarySentences(summary) : articleSentences(article);
    return this.read(
      sentences,
      article.lang,
      summary ? 'summary' : 'article',
      from ?? sentenceOfSelection(sentences, selection),
    );
  }

  async readSelection(text: string, lang: string): Promise<SpeechStatus> {
    return this.read(selectionSentences(text, lang), lang, 'selection');
  }

  /** Reads prepared sentences (a saved clip), highlighted where the session's document shows them. */
  async readText(
    sentences: SpeechSentence[],
    lang: string,
    what: NonNullable<SpeechStatus['what']>,
  ): Promise<SpeechStatus> {
    return this.read(sentences, lang, what);
  }

  /** Queues articles to be read, in order, once the current reading ends. */
  queue(articles: Article[]): SpeechStatus {
    this.upNext.push(...articles);
    this.publish();
    return this.status();
  }

  private async read(
    sentences: SpeechSentence[],
    lang: string,
    what: NonNullable<SpeechStatus['what']>,
    from = 0,
    onThisPage = true,
  ): Promise<SpeechStatus> {
    const request = ++this.requests;
    if (!this.voices?.length) this.voices = this.engine.synth.getVoices();
    // Listing the voices can take seconds on a fresh browser: reading starts at once with the
    // language's default voice, and the slots are filled when the list arrives.
    const listed = this.voices.length > 0;
    if (listed) await this.prepare(lang);
    else {
      this.lang = lang;
      this.slots = null;
      this.preparing = true;
      void this.prepare(lang).then(() => this.voicesArrived(request));
    }
    markStage('voice');
    this.what = what;
    this.loaded = sentences;
    this.error = null;
    this.highlighter?.clear();
    this.highlighter = null;
    this.following = true;
    this.speaker.load(sentences, lang);
    markStage('queue');
    if (listed) this.applyVoice();
    else this.speaker.setVoice(voiceBeforeListing(this.settings, lang));
    // Voices may still come (an engine that starts slowly): then reading begins when they do.
    const waitsForVoices = listed && this.slots?.missing === true;
    this.waitingFrom = waitsForVoices ? from : null;
    if (waitsForVoices) this.error = 'no-voice';
    else this.speaker.play(from);
    this.highlightOn(sentences, onThisPage);
    if (waitsForVoices) this.publish();
    return this.status();
  }

  /**
   * Finds the article on the page once the first utterance is on its way: the search walks the
   * page's text (tens of milliseconds on a long page), and the engine takes longer than that to
   * start, so it no longer comes before the first sound. Utterance events are never dispatched
   * during the call that spoke, so the first sentence's start finds the highlighter.
   */
  private highlightOn(sentences: readonly SpeechSentence[], onThisPage: boolean): void {
    const root = this.options.document?.body;
    this.highlighter =
      root && onThisPage
        ? new SentenceHighlighter({
            root,
            container: findArticleContainer(
              root,
              sentences.map((s) => s.text),
            ),
          })
        : null;
    markStage('highlight');
  }

  /** The voice list came while reading with the default voice: the chosen slot takes over from the next sentence. */
  private voicesArrived(request: number): void {
    this.preparing = false;
    if (request === this.requests && this.speaker.getState().status !== 'idle') {
      if (this.slots?.missing) {
        // The default voice was not one of the language (none is installed): say so rather than mispronounce.
        this.speaker.stop();
        this.error = 'no-voice';
      } else this.speaker.setVoice(this.chosenSlot() ?? { voice: null }, { restart: false });
    }
    this.rememberVoice();
    this.publish();
  }

  /**
   * Runs a player command; `article` is read when "play"/"toggle" finds nothing loaded, from the
   * sentence the user selected on the page when there is a selection (see `startsArticleAtFirstSentence`).
   */
  async command(command: SpeechCommand, article: () => Readable | null, selection?: string): Promise<SpeechStatus> {
    const { status } = this.speaker.getState();
    switch (command.action) {
      case 'play': {
        const source = article();
        if (source) return this.readArticle(source, command.what ?? 'article', command.from, selection);
        break;
      }
      case 'toggle':
        if (status === 'idle') {
          const source = article();
          if (source) return this.readArticle(source, 'article', undefined, selection);
        } else this.speaker.toggle();
        break;
      case 'pause':
        this.speaker.pause();
        break;
      case 'resume':
        this.speaker.resume();
        break;
      case 'stop':
        this.requests++;
        this.waitingFrom = null;
        this.error = null;
        this.upNext = [];
        this.speaker.stop();
        break;
      case 'next':
        this.speaker.next();
        break;
      case 'previous':
        this.speaker.previous();
        break;
      case 'next-paragraph':
        this.speaker.nextParagraph();
        break;
      case 'previous-paragraph':
        this.speaker.previousParagraph();
        break;
      case 'rate':
        this.speaker.setRate(command.rate);
        this.settings = { ...this.settings, rate: this.speaker.getState().rate };
        this.options.saveSettings(this.settings);
        break;
      case 'voice':
        this.settings = { ...this.settings, slotByLang: { ...this.settings.slotByLang, [this.lang]: command.slot } };
        this.options.saveSettings(this.settings);
        this.applyVoice();
        break;
      case 'follow':
        this.following = true;
        this.highlighter?.setFollow(true);
        if (this.sentence) this.highlighter?.show(this.sentence);
        break;
      case 'pin': {
        const { [command.slot]: _unpinned, ...kept } = this.settings.pinsByLang[this.lang] ?? {};
        const pins = command.voiceURI ? { ...kept, [command.slot]: command.voiceURI } : kept;
        this.settings = { ...this.settings, pinsByLang: { ...this.settings.pinsByLang, [this.lang]: pins } };
        this.options.saveSettings(this.settings);
        if (this.voices) this.fillSlots();
        this.applyVoice();
        break;
      }
    }
    this.publish();
    return this.status();
  }

  dispose(): void {
    for (const type of ['wheel', 'touchmove', 'keydown'] as const)
      this.options.document?.defaultView?.removeEventListener(type, this.onUserScroll);
    this.speaker.stop();
    this.highlighter?.clear();
    this.detach();
  }

  /** The chosen slot when it has a voice, else the first slot that has one. */
  private currentSlot(): SlotId | null {
    return slotInUse(this.slots, this.settings.slotByLang[this.lang]);
  }

  private chosenSlot(): VoiceSlot | undefined {
    return this.slots?.slots.find((candidate) => candidate.id === this.currentSlot());
  }

  private applyVoice(): void {
    this.speaker.setVoice(this.chosenSlot() ?? { voice: null });
    this.rememberVoice();
  }

  /**
   * Keeps the voice the chosen slot resolved to for the next first sentence, or forgets it when
   * the listed voices leave the slot without one (the remembered voice was uninstalled).
   */
  private rememberVoice(): void {
    // An empty list says nothing about what is installed: the engine may still be starting.
    if (!this.voices?.length || !this.slots) return;
    const chosen = this.chosenSlot();
    const voice = chosen?.voice;
    const slot = this.settings.slotByLang[this.lang] ?? null;
    const { [this.lang]: current, ...others } = this.settings.voiceByLang ?? {};
    if (!voice) {
      if (!current) return;
      this.settings = { ...this.settings, voiceByLang: others };
    } else {
      if (
        current?.slot === slot &&
        current.pitch === chosen.pitch &&
        current.voice.voiceURI === voice.voiceURI &&
        current.voice.name === voice.name
      )
        return;
      const remembered: RememberedVoice = {
        slot,
        voice: { name: voice.name, voiceURI: voice.voiceURI, lang: voice.lang },
        pitch: chosen.pitch,
      };
      this.settings = { ...this.settings, voiceByLang: { ...others, [this.lang]: remembered } };
    }
    this.options.saveSettings(this.settings);
  }

  private onSpeakerEvent(event: Parameters<Parameters<Speaker['subscribe']>[0]>[0]): void {
    switch (event.type) {
      case 'sentence-start':
        this.sentence = event.item.text;
        this.error = null;
        this.highlighter?.show(event.item.text);
        break;
      case 'end': {
        this.sentence = null;
        this.highlighter?.clear();
        const next = this.upNext.shift();
        // Queued stories are not on this page: nothing to highlight, so no highlighter for them.
        if (next) void this.read(articleSentences(next), next.lang, 'article', 0, false);
        break;
      }
      case 'state':
        if (event.state.status === 'idle') {
          this.sentence = null;
          this.highlighter?.clear();
        }
        break;
      case 'error':
        if (event.fatal && isNotAllowed(event.error) && this.options.fallbackEngine && !this.switched) {
          this.switched = true;
          void this.switchEngine(this.options.fallbackEngine());
          return;
        }
        if (event.fatal) this.error = event.error;
        break;
      case 'sentence-end':
        return;
    }
    this.publish();
  }

  private publish(): void {
    this.options.onStatus(this.status());
  }
}

/**
 * The voice a session reads `lang` with before the engine listed its voices: the one the chosen
 * slot had last time, at once where the engine takes it by name, else the engine's default.
 */
export function voiceBeforeListing(settings: SpeechSettings, lang: string): VoiceSelection {
  const remembered = rememberedVoiceOf(settings, lang);
  return { voice: remembered?.voice ?? null, pitch: remembered?.pitch, languageDefault: true };
}

/**
 * Whether `command`, sent to a session that has nothing loaded (a reader just injected), reads the
 * article from its first sentence when the page has no selection: what `command` does for it.
 */
export function startsArticleAtFirstSentence(command: SpeechCommand): boolean {
  return (
    command.action === 'toggle' ||
    (command.action === 'play' && (command.what ?? 'article') === 'article' && command.from === undefined)
  );
}

/** The sentence where a selection starts (its first words are enough: it may span sentences). */
export function sentenceOfSelection(
  sentences: readonly SpeechSentence[],
  selection: string | undefined,
): number | undefined {
  const start = foldForMatching(selection ?? '').slice(0, SELECTION_PROBE);
  if (start.length < MIN_SELECTION) return undefined;
  const index = sentences.findIndex((sentence) => foldForMatching(sentence.text).includes(start));
  return index >= 0 ? index : undefined;
}
