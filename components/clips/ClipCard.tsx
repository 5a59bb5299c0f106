import { useEffect, useRef, useState } from 'preact/hooks';
import type { Clip, ClipKind } from '../../lib/clips';
import { cleanUrl } from '../../lib/clips/url';
import { useT } from './i18n';
import { NoteEditor } from './NoteEditor';

export const KIND_LABEL_KEYS: Record<ClipKind, string> = {
  article: 'clips_kind_article',
  selection: 'clips_kind_selection',
  summary: 'clips_kind_summary',
};

export interface ClipCardProps {
  clip: Clip;
  selected: boolean;
  activeTag: string;
  formatDate: (epochMs: number) => string;
  onSelect: (id: number, selected: boolean) => void;
  onDelete: (clip: Clip) => void;
  onTag: (tag: string) => void;
  /** Resolves true when saved; failures are reported by the page. */
  onSave: (id: number, patch: { note: string; tags: string[] }) => Promise<boolean>;
}

const EXCERPT_LENGTH = 280;

export function ClipCard({ clip, selected, activeTag, formatDate, onSelect, onDelete, onTag, onSave }: ClipCardProps) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  const titleId = `clip-${clip.id}-title`;

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
            {clip.title}
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
      {clip.kind === 'selection' ? (
        <blockquote class="clip-quote" lang={clip.lang}>
          <Paragraphs text={clip.text} />
        </blockquote>
      ) : (
        <ClipBody clip={clip} />
      )}
      {clip.tags.length > 0 ? (
        <ul class="clip-tags" aria-label={t('clips_tags')}>
          {clip.tags.map((tag) => (
            <li key={tag}>
              <button
                type="button"
                class="tag"
                aria-pressed={tag === activeTag}
                aria-label={t('clips_tag_filter', [tag])}
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
        {editing ? null : (
          <button type="button" class="secondary" ref={editButton} onClick={() => setEditing(true)} aria-label={t('clips_edit_clip', [clip.title])}>
            {t('clips_edit')}
          </button>
        )}
        <button type="button" class="secondary danger" onClick={() => onDelete(clip)} aria-label={t('clips_delete_clip', [clip.title])}>
          {t('clips_delete')}
        </button>
      </div>
    </article>
  );
}

function ClipBody({ clip }: { clip: Clip }) {
  const t = useT();
  const showSummary = clip.kind === 'article' && clip.summary.length > 0;
  const related = clip.related.flatMap((story) => {
    const url = cleanUrl(story.url);
    return url ? [{ ...story, url }] : [];
  });
  return (
    <div lang={clip.lang}>
      {clip.lead ? <p class="clip-lead">{clip.lead}</p> : null}
      <p class="clip-excerpt">{excerpt(clip.text)}</p>
      <details class="clip-details">
        <summary>{t('clips_details')}</summary>
        <div class="clip-full">
          <Paragraphs text={clip.text} />
        </div>
        {showSummary ? (
          <section>
            <h3>{t('clips_summary')}</h3>
            <ul>
              {clip.summary.map((sentence, index) => (
                <li key={index}>{sentence}</li>
              ))}
            </ul>
          </section>
        ) : null}
        {clip.figures.length > 0 ? (
          <section>
            <h3>{t('clips_figures')}</h3>
            <ul>
              {clip.figures.map((figure, index) => (
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
      </details>
    </div>
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

/** The opening of `text`, cut at a word boundary. */
function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= EXCERPT_LENGTH) return flat;
  const cut = flat.slice(0, EXCERPT_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${(space > EXCERPT_LENGTH / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}
