import { useEffect, useMemo, useRef } from 'preact/hooks';
import { type ClipPage, type ClipRow, type ClipStore, type Facets, parseSearch, toClipsError } from '../../lib/clips';
import { BulkActions } from './BulkActions';
import { ClipCard } from './ClipCard';
import { ClipsHeader } from './ClipsHeader';
import { FilterBar } from './FilterBar';
import { downloadText } from './files';
import { type Translate, TranslateContext } from './i18n';
import { Notices } from './Notices';
import { PlayerBar } from '../PlayerBar';
import { type SpeechEngine, useClipReader } from './reader';
import { useClipActions } from './useClipActions';
import { useClipFilters } from './useClipFilters';
import { useLiveQuery } from './useLiveQuery';
import { useSelection } from './useSelection';

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

export function ClipsApp({ store, t, locale, blocked = false, saveFile = downloadText, speech }: ClipsAppProps) {
  const filters = useClipFilters();
  const searchField = useRef<HTMLInputElement>(null);
  const { query, order, site, tag, kind, limit } = filters;
  const page = useLiveQuery<ClipPage>(
    () => store.listClips(filters.listParams),
    [store, query, order, site, tag, kind, limit],
  );
  const highlight = useMemo(() => parseSearch(query)?.highlight ?? null, [query]);
  const facets = useLiveQuery<Facets>(() => store.facets(), [store]);
  const reader = useClipReader(speech);
  const dateFormat = useMemo(
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
    [locale],
  );
  const shown = page.status === 'ready' ? page.value.clips : [];
  const visibleIds = useMemo(() => (page.status === 'ready' ? page.value.clips.map((clip) => clip.id) : null), [page]);
  const selection = useSelection(visibleIds);
  const actions = useClipActions({
    store,
    t,
    dateFormat,
    saveFile,
    reader,
    onDeleted: selection.clear,
    onRestored: () => searchField.current?.focus(),
  });

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

  return (
    <TranslateContext.Provider value={t}>
      <ClipsHeader
        onExport={(format) => void actions.exportClips(format)}
        onImport={(file) => void actions.importFile(file)}
        reader={reader}
      />
      <FilterBar filters={filters} facets={facets.status === 'ready' ? facets.value : null} searchField={searchField} />
      <Notices actions={actions} reader={reader} page={page} blocked={blocked} />

      <main>
        {page.status === 'loading' ? (
          <p class="state" role="status">
            {t('clips_loading')}
          </p>
        ) : page.status === 'error' ? (
          <div class="state state-error" role="alert">
            <p>{t(toClipsError(page.error).messageKey, toClipsError(page.error).substitutions)}</p>
          </div>
        ) : page.value.total === 0 && !filters.filtered ? (
          <div class="state">
            <p class="state-title">{t('clips_empty')}</p>
            <p>{t('clips_empty_hint')}</p>
          </div>
        ) : page.value.total === 0 ? (
          <div class="state">
            <p class="state-title">{t('clips_no_match')}</p>
            <button type="button" class="secondary" onClick={filters.clear}>
              {t('clips_filters_clear')}
            </button>
          </div>
        ) : (
          <>
            <BulkActions
              selection={selection}
              onDelete={(ids) => void actions.remove(ids)}
              onExport={(format, ids) => void actions.exportClips(format, ids)}
            />
            <p class="count">{t('clips_count', [String(shown.length), String(page.value.total)])}</p>
            <ul class="clip-list" aria-label={t('clips_list_label')}>
              {shown.map((clip: ClipRow) => (
                <li key={clip.id}>
                  <ClipCard
                    clip={clip}
                    selected={selection.ids.has(clip.id)}
                    activeTag={tag}
                    formatDate={(ms) => dateFormat.format(ms)}
                    onSelect={selection.set}
                    onDelete={(target) => actions.remove([target.id])}
                    onTag={filters.setTag}
                    onSave={actions.saveNote}
                    loadClip={actions.loadClip}
                    highlight={highlight}
                    speech={
                      reader
                        ? {
                            status: reader.current?.id === clip.id ? reader.current.status : null,
                            play: () => void actions.loadClip(clip.id).then((whole) => whole && reader.play(whole)),
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
              <button type="button" class="secondary more" onClick={filters.showMore}>
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
