import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  CLIP_KINDS,
  type ClipKind,
  type ClipPage,
  type ClipRow,
  type ClipStore,
  type DeletedClips,
  type ExportResult,
  type Facets,
  type MarkdownLabels,
  DEFAULT_PAGE_SIZE,
  parseSearch,
  toClipsError,
} from '../../lib/clips';
import type { VietnameseSlotId } from '../../lib/speech/voices';
import { ClipCard, KIND_LABEL_KEYS } from './ClipCard';
import { downloadText, exportFileName } from './files';
import { type Translate, TranslateContext, useT } from './i18n';
import { PlayerBar } from '../PlayerBar';
import { slotLabel } from '../voices';
import { type SpeechEngine, useClipReader } from './reader';
import { useLiveQuery } from './useLiveQuery';

export interface ClipsAppProps {
  store: ClipStore;
  t: Translate;
  /** BCP 47 tag of the UI language, for dates. */
  locale: string;
  /** An upgrade of the database waits for another tab to let go of it. */
  blocked?: boolean;
  saveFile?: (fileName: string, text: string, type: string) => void;
  /** Speech synthesis for reading clips aloud; without it the page offers no reading. */
  speech?: SpeechEngine;
}

type Notice = { kind: 'status' | 'error'; text: string };

export function ClipsApp({ store, t, locale, blocked = false, saveFile = downloadText, speech }: ClipsAppProps) {
  const [query, setQuery] = useState('');
  const [site, setSite] = useState('');
  const [tag, setTag] = useState('');
  const [kind, setKind] = useState<ClipKind | ''>('');
  const [order, setOrder] = useState<'relevance' | 'newest'>('relevance');
  const [limit, setLimit] = useState(DEFAULT_PAGE_SIZE);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [undo, setUndo] = useState<DeletedClips | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const searchField = useRef<HTMLInputElement>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const fileField = useRef<HTMLInputElement>(null);

  const page = useLiveQuery<ClipPage>(
    () => store.listClips({ query, order, site, tag, kind: kind || undefined, limit }),
    [store, query, order, site, tag, kind, limit],
  );
  const highlight = useMemo(() => parseSearch(query)?.highlight ?? null, [query]);
  const facets = useLiveQuery<Facets>(() => store.facets(), [store]);
  const reader = useClipReader(speech);
  const dateFormat = useMemo(
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
    [locale],
  );
  const filtered = Boolean(query.trim() || site || tag || kind);
  const shown = page.status === 'ready' ? page.value.clips : [];

  // A selection only ever covers clips on screen, so bulk actions never touch what the user cannot see.
  useEffect(() => {
    if (page.status !== 'ready') return;
    const visible = new Set(page.value.clips.map((clip) => clip.id));
    setSelected((current) => {
      const kept = [...current].filter((id) => visible.has(id));
      return kept.length === current.size ? current : new Set(kept);
    });
  }, [page]);

  // The delete button that had focus is gone; Undo is the natural next step.
  useEffect(() => {
    if (undo) undoButton.current?.focus();
  }, [undo]);

  // "/" jumps to the search box, as on many sites; not while typing somewhere.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const typing = target?.closest('input, textarea, select, [contenteditable="true"]');
      if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        searchField.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  // Clips saved since the last visit are searchable already; indexing them makes searches cheaper.
  useEffect(() => {
    store.indexPending().catch(fail);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per store; `fail` is new every render
  }, [store]);

  const fail = (error: unknown) => {
    const failure = toClipsError(error);
    setNotice({ kind: 'error', text: t(failure.messageKey, failure.substitutions) });
  };

  const remove = async (ids: readonly number[]) => {
    try {
      if (reader?.current && ids.includes(reader.current.id)) reader.stop();
      const deleted = await store.deleteClips(ids);
      setSelected(new Set());
      setNotice(null);
      setUndo(deleted);
    } catch (error) {
      fail(error);
    }
  };

  const restore = async () => {
    if (!undo) return;
    try {
      const count = await store.restoreClips(undo);
      setUndo(null);
      setNotice({ kind: 'status', text: t('clips_restored', [String(count)]) });
      searchField.current?.focus();
    } catch (error) {
      fail(error);
    }
  };

  const exportClips = async (format: 'json' | 'md', ids?: readonly number[]) => {
    try {
      const result: ExportResult =
        format === 'json'
          ? await store.exportJson(ids)
          : await store.exportMarkdown(ids, markdownLabels(t, dateFormat));
      saveFile(
        exportFileName(new Date(), format),
        result.text,
        format === 'json' ? 'application/json' : 'text/markdown',
      );
      const parts = [t('clips_exported', [String(result.count)])];
      if (result.corrupted.length > 0) parts.push(t('clips_export_skipped', [String(result.corrupted.length)]));
      setNotice({ kind: 'status', text: parts.join(' ') });
    } catch (error) {
      fail(error);
    }
  };

  const importFile = async (file: File) => {
    try {
      const result = await store.importJson(await file.text(), {
        onProgress: (done, total) =>
          setNotice({ kind: 'status', text: t('clips_importing', [String(done), String(total)]) }),
      });
      setNotice({ kind: 'status', text: t('clips_imported', [String(result.added), String(result.merged)]) });
      await store.indexPending();
    } catch (error) {
      fail(error);
    }
  };

  const saveNote = async (id: number, patch: { note: string; tags: string[] }) => {
    try {
      await store.updateClip(id, patch);
      setNotice({ kind: 'status', text: t('clips_updated') });
      return true;
    } catch (error) {
      fail(error);
      return false;
    }
  };

  /** The whole clip, text included; null (with the failure shown) when it cannot be read. */
  const loadClip = async (id: number) => {
    try {
      return await store.getClip(id);
    } catch (error) {
      fail(error);
      return null;
    }
  };

  const clearFilters = () => {
    setQuery('');
    setSite('');
    setTag('');
    setKind('');
    setLimit(DEFAULT_PAGE_SIZE);
  };

  const allShownSelected = shown.length > 0 && shown.every((clip) => selected.has(clip.id));
  const selectedIds = [...selected];

  return (
    <TranslateContext.Provider value={t}>
      <header class="page-header">
        <h1>{t('clips_heading')}</h1>
        <div class="toolbar" role="group" aria-label={t('clips_toolbar_label')}>
          <button type="button" class="secondary" onClick={() => exportClips('json')}>
            {t('clips_export_all_json')}
          </button>
          <button type="button" class="secondary" onClick={() => exportClips('md')}>
            {t('clips_export_all_markdown')}
          </button>
          <button type="button" class="secondary" onClick={() => fileField.current?.click()}>
            {t('clips_import')}
          </button>
          <input
            ref={fileField}
            type="file"
            accept="application/json,.json"
            hidden
            tabIndex={-1}
            aria-label={t('clips_import')}
            data-testid="import-file"
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              // Choosing the same file again must fire change again.
              event.currentTarget.value = '';
              if (file) void importFile(file);
            }}
          />
        </div>
        {/* Without any Vietnamese voice there is nothing to choose; reading then says what is missing. */}
        {reader?.slots.some((slot) => slot.voice) ? (
          <div class="field reading-voice">
            <label for="clips-voice">{t('clips_voice_label')}</label>
            <select
              id="clips-voice"
              value={reader.slotId ?? ''}
              onChange={(event) => reader.chooseSlot(event.currentTarget.value as VietnameseSlotId)}
            >
              {reader.slots.map((slot) => (
                <option key={slot.id} value={slot.id} disabled={!slot.voice}>
                  {[
                    slotLabel(slot, t),
                    slot.voice ? (slot.approximate ? t('clips_voice_approximate') : '') : t('clips_voice_none'),
                  ]
                    .filter(Boolean)
                    .join(' ')}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </header>

      <div role="search" class="filters" aria-label={t('clips_filters_label')}>
        <div class="field field-search">
          <label for="clips-search">{t('clips_search_label')}</label>
          <input
            id="clips-search"
            ref={searchField}
            type="search"
            value={query}
            placeholder={t('clips_search_placeholder')}
            aria-keyshortcuts="/"
            onInput={(event) => {
              setQuery(event.currentTarget.value);
              setLimit(DEFAULT_PAGE_SIZE);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Escape' && query) {
                event.preventDefault();
                setQuery('');
              }
            }}
          />
        </div>
        {query.trim() ? (
          <div class="field">
            <label for="clips-order">{t('clips_order')}</label>
            <select
              id="clips-order"
              value={order}
              onChange={(event) => setOrder(event.currentTarget.value as 'relevance' | 'newest')}
            >
              <option value="relevance">{t('clips_order_relevance')}</option>
              <option value="newest">{t('clips_order_newest')}</option>
            </select>
          </div>
        ) : null}
        <FilterSelect
          id="clips-site"
          label={t('clips_filter_site')}
          value={site}
          options={(facets.status === 'ready' ? facets.value.sites : []).map((value) => ({ value, label: value }))}
          onChange={(value) => {
            setSite(value);
            setLimit(DEFAULT_PAGE_SIZE);
          }}
        />
        <FilterSelect
          id="clips-tag"
          label={t('clips_filter_tag')}
          value={tag}
          options={(facets.status === 'ready' ? facets.value.tags : []).map((value) => ({ value, label: `#${value}` }))}
          onChange={(value) => {
            setTag(value);
            setLimit(DEFAULT_PAGE_SIZE);
          }}
        />
        <FilterSelect
          id="clips-kind"
          label={t('clips_filter_kind')}
          value={kind}
          options={CLIP_KINDS.map((value) => ({ value, label: t(KIND_LABEL_KEYS[value]) }))}
          onChange={(value) => {
            setKind(value as ClipKind | '');
            setLimit(DEFAULT_PAGE_SIZE);
          }}
        />
        {filtered ? (
          <button type="button" class="link" onClick={clearFilters}>
            {t('clips_filters_clear')}
          </button>
        ) : null}
      </div>

      <div class="notices">
        <div role="status" aria-live="polite" class="notice-region">
          {undo ? (
            <p class="notice notice-undo">
              <span>{t('clips_deleted', [String(undo.rows.length)])}</span>{' '}
              <button type="button" ref={undoButton} class="primary" onClick={restore}>
                {t('clips_undo')}
              </button>{' '}
              <button type="button" class="link" onClick={() => setUndo(null)}>
                {t('clips_dismiss')}
              </button>
            </p>
          ) : notice?.kind === 'status' ? (
            <p class="notice">{notice.text}</p>
          ) : null}
        </div>
        <div role="alert" class="notice-region">
          {notice?.kind === 'error' ? <p class="notice notice-error">{notice.text}</p> : null}
          {reader?.error ? <p class="notice notice-error">{t(reader.error.key, reader.error.substitutions)}</p> : null}
          {blocked && page.status === 'loading' ? <p class="notice notice-error">{t('clips_error_blocked')}</p> : null}
          {page.status === 'ready' && page.value.corrupted.length > 0 ? (
            <p class="notice notice-warning">{t('clips_corrupted', [String(page.value.corrupted.length)])}</p>
          ) : null}
        </div>
      </div>

      <main>
        {page.status === 'loading' ? (
          <p class="state" role="status">
            {t('clips_loading')}
          </p>
        ) : page.status === 'error' ? (
          <div class="state state-error" role="alert">
            <p>{t(toClipsError(page.error).messageKey, toClipsError(page.error).substitutions)}</p>
          </div>
        ) : page.value.total === 0 && !filtered ? (
          <div class="state">
            <p class="state-title">{t('clips_empty')}</p>
            <p>{t('clips_empty_hint')}</p>
          </div>
        ) : page.value.total === 0 ? (
          <div class="state">
            <p class="state-title">{t('clips_no_match')}</p>
            <button type="button" class="secondary" onClick={clearFilters}>
              {t('clips_filters_clear')}
            </button>
          </div>
        ) : (
          <>
            <div class="bulk" role="group" aria-label={t('clips_bulk_label')}>
              <label class="select-all">
                <input
                  type="checkbox"
                  checked={allShownSelected}
                  indeterminate={selected.size > 0 && !allShownSelected}
                  onChange={(event) =>
                    setSelected(event.currentTarget.checked ? new Set(shown.map((clip) => clip.id)) : new Set())
                  }
                />
                {t('clips_select_all')}
              </label>
              <span class="bulk-count" aria-live="polite">
                {selected.size > 0 ? t('clips_selected_count', [String(selected.size)]) : ''}
              </span>
              <button
                type="button"
                class="secondary danger"
                disabled={selected.size === 0}
                onClick={() => remove(selectedIds)}
              >
                {t('clips_delete_selected')}
              </button>
              <button
                type="button"
                class="secondary"
                disabled={selected.size === 0}
                onClick={() => exportClips('json', selectedIds)}
              >
                {t('clips_export_selected_json')}
              </button>
              <button
                type="button"
                class="secondary"
                disabled={selected.size === 0}
                onClick={() => exportClips('md', selectedIds)}
              >
                {t('clips_export_selected_markdown')}
              </button>
            </div>
            <p class="count">{t('clips_count', [String(shown.length), String(page.value.total)])}</p>
            <ul class="clip-list" aria-label={t('clips_list_label')}>
              {shown.map((clip: ClipRow) => (
                <li key={clip.id}>
                  <ClipCard
                    clip={clip}
                    selected={selected.has(clip.id)}
                    activeTag={tag}
                    formatDate={(ms) => dateFormat.format(ms)}
                    onSelect={(id, on) =>
                      setSelected((current) => {
                        const next = new Set(current);
                        if (on) next.add(id);
                        else next.delete(id);
                        return next;
                      })
                    }
                    onDelete={(target) => remove([target.id])}
                    onTag={(value) => {
                      setTag(value);
                      setLimit(DEFAULT_PAGE_SIZE);
                    }}
                    onSave={saveNote}
                    loadClip={loadClip}
                    highlight={highlight}
                    speech={
                      reader
                        ? {
                            status: reader.current?.id === clip.id ? reader.current.status : null,
                            play: () => void loadClip(clip.id).then((whole) => whole && reader.play(whole)),
                            toggle: reader.toggle,
                            stop: reader.stop,
                          }
                        : undefined
                    }
                  />
                </li>
              ))}
            </ul>
            {limit < page.value.total ? (
              <button
                type="button"
                class="secondary more"
                onClick={() => setLimit((current) => current + DEFAULT_PAGE_SIZE)}
              >
                {t('clips_show_more')}
              </button>
            ) : null}
          </>
        )}
      </main>
      {reader?.current ? (
        <footer class="clips-player">
          <PlayerBar
            status={reader.status}
            run={reader.run}
            play={reader.toggle}
            wordCount={reader.current.words}
            voiceOptions={reader.voiceOptions}
            t={t}
          />
        </footer>
      ) : null}
    </TranslateContext.Provider>
  );
}

function FilterSelect({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
}) {
  const t = useT();
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.currentTarget.value)}>
        <option value="">{t('clips_filter_all')}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function markdownLabels(t: Translate, dateFormat: Intl.DateTimeFormat): MarkdownLabels {
  return {
    heading: t('clips_md_heading'),
    exportedAt: t('clips_md_exported_at'),
    source: t('clips_md_source'),
    savedAt: t('clips_saved_at'),
    kind: t('clips_filter_kind'),
    kinds: {
      article: t(KIND_LABEL_KEYS.article),
      selection: t(KIND_LABEL_KEYS.selection),
      summary: t(KIND_LABEL_KEYS.summary),
    },
    tags: t('clips_tags'),
    summary: t('clips_summary'),
    figures: t('clips_figures'),
    related: t('clips_related'),
    note: t('clips_note'),
    formatDate: (epochMs) => dateFormat.format(epochMs),
  };
}
