import { useState } from 'preact/hooks';
import { type ClipKind, type ListParams, DEFAULT_PAGE_SIZE } from '../../lib/clips';

export type ClipOrder = 'relevance' | 'newest';

/** What the list shows: search, order, site/tag/kind filters and how many rows. */
export interface ClipFilters {
  query: string;
  order: ClipOrder;
  site: string;
  tag: string;
  kind: ClipKind | '';
  limit: number;
  /** Something narrows the list (an order alone does not). */
  filtered: boolean;
  listParams: ListParams;
  setQuery: (query: string) => void;
  /** Escape in the search box: the query goes, the rows shown stay. */
  clearQuery: () => void;
  setOrder: (order: ClipOrder) => void;
  setSite: (site: string) => void;
  setTag: (tag: string) => void;
  setKind: (kind: ClipKind | '') => void;
  clear: () => void;
  showMore: () => void;
}

/** Filter state of the clips page; a new filter starts again from the first page of results. */
export function useClipFilters(): ClipFilters {
  const [query, setQuery] = useState('');
  const [site, setSite] = useState('');
  const [tag, setTag] = useState('');
  const [kind, setKind] = useState<ClipKind | ''>('');
  const [order, setOrder] = useState<ClipOrder>('relevance');
  const [limit, setLimit] = useState(DEFAULT_PAGE_SIZE);
  const firstPage =
    <T>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setLimit(DEFAULT_PAGE_SIZE);
    };
  return {
    query,
    order,
    site,
    tag,
    kind,
    limit,
    filtered: Boolean(query.trim() || site || tag || kind),
    listParams: { query, order, site, tag, kind: kind || undefined, limit },
    setQuery: firstPage(setQuery),
    clearQuery: () => setQuery(''),
    setOrder,
    setSite: firstPage(setSite),
    setTag: firstPage(setTag),
    setKind: firstPage(setKind),
    clear: () => {
      setQuery('');
      setSite('');
      setTag('');
      setKind('');
      setLimit(DEFAULT_PAGE_SIZE);
    },
    showMore: () => setLimit((current) => current + DEFAULT_PAGE_SIZE),
  };
}
