import { useEffect, useRef, useState } from 'preact/hooks';
import { type Clip, type ClipKind, type ClipRow, type HighlightTerms, matchRanges } from '../../lib/clips';
import { Marked } from '../Marked';
import { cleanUrl } from '../../lib/clips/url';
import { useT } from './i18n';
import { NoteEditor } from './NoteEditor';

export const KIND_LABEL_KEYS: Record<ClipKind, string> = {
  article: 'clips_kind_article',
  selection: 'clips_kind_selection',
  summary: 'clips_kind_summary',
};

export interface ClipCardProps {
  clip: ClipRow;
  selected: boolean;
  activeTag: string;
  formatDate: (epochMs: number) => string;
  onSelect: (id: number, selected: boolean) => void;
  onDelete: (clip: ClipRow) => void;
  onTag: (tag: string) => void;
  /** Resolves true when saved; failures are reported by the page. */
  onSave: (id: number, patch: { note: string; tags: string[] }) => Promise<boolean>;
  /** Reads the whole clip for "full text"; null when it failed (the page shows why). */
  loadClip: (id: number) => Promise<Clip | null>;
  /** Reading aloud, when the browser can speak. */
  speech?: ClipSpeech;
  /** The words of the current search, marked in title and excerpt. */
  highlight?: HighlightTerms | null;
}

export interface ClipSpeech {
  /** Whether this clip is being read; null when it is not. */
  status: 'speaking' | 'paused' | null;
  play: () => void;
  toggle: () => void;
  stop: () => void;
}

const SPEECH_BUTTON_KEYS = { idle: 'clips_play', speaking: 'clips_pause', paused: 'clips_resume' } as const;
const SPEECH_LABEL_KEYS = {
  idle: 'clips_play_clip',
  speaking: 'clips_pause_clip',
  paused: 'clips_resume_clip',
} as const;

export function ClipCard({
  clip,
  selected,
  activeTag,
  formatDate,
  onSelect,
  onDelete,
  onTag,
  onSave,
  loadClip,
  speech,
  highlight,
}: ClipCardProps) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const playButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  const titleId = `clip-${clip.id}-title`;
  const marked = (text: string) => <Marked text={text} ranges={highlight ? matchRanges(text, highlight) : []} />;

  // Closing the editor removes the focused field; focus goes back to the button that opened it.
  useEffect(() => {
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  return (
    <article class="clip" aria-labelledby={titleId}>
      <div class="clip-head">
        <input
          type="checkbox"
          class="clip-select"
          checked={selected}
          onChange={(event) => onSelect(clip.id, event.currentTarget.checked)}
          aria-label={t('clips_select_clip', [clip.title])}
        />
        <h2 id={titleId} class="clip-title">
          <a href={clip.url} target="_blank" rel="noopener noreferrer">
            {marked(clip.title)}
            <span class="visually-hidden"> ({t('clips_opens_new_tab')})</span>
          </a>
        </h2>
      </div>
      <p class="clip-meta">
        <span>{clip.siteName}</span>
        <span aria-hidden="true"> · </span>
        <time dateTime={new Date(clip.savedAt).toISOString()}>{formatDate(clip.savedAt)}</time>
        <span aria-hidden="true"> · </span>
        <span class={`clip-kind clip-kind-${clip.kind}`}>{t(KIND_LABEL_KEYS[clip.kind])}</span>
      </p>
      <div lang={clip.lang}>
        {clip.lead ? <p class="clip-lead">{clip.lead}</p> : null}
        {clip.kind === 'selection' ? (
          <blockquote class="clip-quote">
            <p>{marked(clip.excerpt)}</p>
          </blockquote>
        ) : (
          <p class="clip-excerpt">{marked(clip.excerpt)}</p>
        )}
        <ClipDetails clip={clip} loadClip={loadClip} />
      </div>
      {clip.tags.length > 0 ? (
        <ul class="clip-tags" aria-label={t('clips_tags')}>
          {clip.tags.map((tag) => (
            <li key={tag}>
              <button
                type="button"
                class="tag"
                aria-pressed={tag === activeTag}
                aria-label={t('clips_tag_filter', [`#${tag}`])}
                onClick={() => onTag(tag === activeTag ? '' : tag)}
              >
                #{tag}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {editing ? (
        <NoteEditor
          clip={clip}
          onCancel={() => setEditing(false)}
          onSave={async (patch) => {
            if (await onSave(clip.id, patch)) setEditing(false);
          }}
        />
      ) : clip.note ? (
        <div class="clip-note">
          <h3 class="clip-note-label">{t('clips_note')}</h3>
          <p>{clip.note}</p>
        </div>
      ) : null}
      <div class="clip-actions" role="group" aria-label={t('clips_actions', [clip.title])}>
        {speech ? (
          <>
            {/* One button for play, pause and resume, so focus stays on it as its label changes. */}
            <button
              type="button"
              class="secondary"
              ref={playButton}
              onClick={speech.status ? speech.toggle : speech.play}
              aria-label={t(SPEECH_LABEL_KEYS[speech.status ?? 'idle'], [clip.title])}
            >
              {t(SPEECH_BUTTON_KEYS[speech.status ?? 'idle'])}
            </button>
            {speech.status ? (
              <button
                type="button"
                class="secondary"
                onClick={() => {
                  speech.stop();
                  playButton.current?.focus();
                }}
                aria-label={t('clips_stop_clip', [clip.title])}
              >
                {t('clips_stop')}
              </button>
            ) : null}
          </>
        ) : null}
        {editing ? null : (
          <button
            type="button"
            class="secondary"
            ref={editButton}
            onClick={() => setEditing(true)}
            aria-label={t('clips_edit_clip', [clip.title])}
          >
            {t('clips_edit')}
          </button>
        )}
        <button
          type="button"
          class="secondary danger"
          onClick={() => onDelete(clip)}
          aria-label={t('clips_delete_clip', [clip.title])}
        >
          {t('clips_delete')}
        </button>
      </div>
    </article>
  );
}

/** Full text, summary, figures and related stories, read from the database when first opened. */
function ClipDetails({ clip, loadClip }: { clip: ClipRow; loadClip: (id: number) => Promise<Clip | null> }) {
  const t = useT();
  const [whole, setWhole] = useState<Clip | null>(null);
  const details = useRef<HTMLDetailsElement>(null);
  // Saving the page again replaces the text: read it again, at once if it is on screen.
  useEffect(() => {
    setWhole(null);
    if (details.current?.open) void loadClip(clip.id).then(setWhole);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a new loader from the parent is not a new clip
  }, [clip.id, clip.savedAt]);

  const showSummary = whole?.kind === 'article' && whole.summary.length > 0;
  const related = (whole?.related ?? []).flatMap((story) => {
    const url = cleanUrl(story.url);
    return url ? [{ ...story, url }] : [];
  });
  return (
    <details
      ref={details}
      class="clip-details"
      onToggle={(event) => {
        if (event.currentTarget.open && !whole) void loadClip(clip.id).then(setWhole);
      }}
    >
      <summary>{t('clips_details')}</summary>
      {whole ? (
        <>
          <div class="clip-full">
            <Paragraphs text={whole.text} />
          </div>
          {showSummary ? (
            <section>
              <h3>{t('clips_summary')}</h3>
              <ul>
                {whole.summary.map((sentence, index) => (
                  <li key={index}>{sentence}</li>
                ))}
              </ul>
            </section>
          ) : null}
          {whole.figures.length > 0 ? (
            <section>
              <h3>{t('clips_figures')}</h3>
              <ul>
                {whole.figures.map((figure, index) => (
                  <li key={index}>{figure.text}</li>
                ))}
              </ul>
            </section>
          ) : null}
          {related.length > 0 ? (
            <section>
              <h3>{t('clips_related')}</h3>
              <ul>
                {related.map((story) => (
                  <li key={story.url}>
                    <a href={story.url} target="_blank" rel="noopener noreferrer">
                      {story.title}
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      ) : (
        <p class="clip-loading">{t('clips_loading')}</p>
      )}
    </details>
  );
}

function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .filter((paragraph) => paragraph.trim())
        .map((paragraph, index) => (
          <p key={index}>{paragraph.trim()}</p>
        ))}
    </>
  );
}
