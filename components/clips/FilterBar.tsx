import type { RefObject } from 'preact';
import { CLIP_KINDS, type ClipKind, type Facets } from '../../lib/clips';
import { KIND_LABEL_KEYS } from './ClipCard';
import { useT } from './i18n';
import type { ClipFilters, ClipOrder } from './useClipFilters';

export interface FilterBarProps {
  filters: ClipFilters;
  facets: Facets | null;
  searchField: RefObject<HTMLInputElement | null>;
}

/** Search as you type, the order of matches, and the site/tag/kind filters. */
export function FilterBar({ filters, facets, searchField }: FilterBarProps) {
  const t = useT();
  return (
    <div role="search" class="filters" aria-label={t('clips_filters_label')}>
      <div class="field field-search">
        <label for="clips-search">{t('clips_search_label')}</label>
        <input
          id="clips-search"
          ref={searchField}
          type="search"
          value={filters.query}
          placeholder={t('clips_search_placeholder')}
          aria-keyshortcuts="/"
          onInput={(event) => filters.setQuery(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && filters.query) {
              event.preventDefault();
              filters.clearQuery();
            }
          }}
        />
      </div>
      {filters.query.trim() ? (
        <div class="field">
          <label for="clips-order">{t('clips_order')}</label>
          <select
            id="clips-order"
            value={filters.order}
            onChange={(event) => filters.setOrder(event.currentTarget.value as ClipOrder)}
          >
            <option value="relevance">{t('clips_order_relevance')}</option>
            <option value="newest">{t('clips_order_newest')}</option>
          </select>
        </div>
      ) : null}
      <FilterSelect
        id="clips-site"
        label={t('clips_filter_site')}
        value={filters.site}
        options={(facets?.sites ?? []).map((value) => ({ value, label: value }))}
        onChange={filters.setSite}
      />
      <FilterSelect
        id="clips-tag"
        label={t('clips_filter_tag')}
        value={filters.tag}
        options={(facets?.tags ?? []).map((value) => ({ value, label: `#${value}` }))}
        onChange={filters.setTag}
      />
      <FilterSelect
        id="clips-kind"
        label={t('clips_filter_kind')}
        value={filters.kind}
        options={CLIP_KINDS.map((value) => ({ value, label: t(KIND_LABEL_KEYS[value]) }))}
        onChange={(value) => filters.setKind(value as ClipKind | '')}
      />
      {filters.filtered ? (
        <button type="button" class="link" onClick={filters.clear}>
          {t('clips_filters_clear')}
        </button>
      ) : null}
    </div>
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
