import { useEffect, useState } from 'preact/hooks';

/** The checked clips, by id. */
export interface Selection {
  ids: ReadonlySet<number>;
  /** Every clip on screen is checked. */
  all: boolean;
  set: (id: number, on: boolean) => void;
  setAll: (on: boolean) => void;
  clear: () => void;
}

/**
 * Checked clips among `visible` (null while the list loads). A selection only ever covers clips
 * on screen, so bulk actions never touch what the user cannot see.
 */
export function useSelection(visible: readonly number[] | null): Selection {
  const [ids, setIds] = useState<ReadonlySet<number>>(new Set());

  useEffect(() => {
    if (!visible) return;
    const shown = new Set(visible);
    setIds((current) => {
      const kept = [...current].filter((id) => shown.has(id));
      return kept.length === current.size ? current : new Set(kept);
    });
  }, [visible]);

  return {
    ids,
    all: visible !== null && visible.length > 0 && visible.every((id) => ids.has(id)),
    set: (id, on) =>
      setIds((current) => {
        const next = new Set(current);
        if (on) next.add(id);
        else next.delete(id);
        return next;
      }),
    setAll: (on) => setIds(on ? new Set(visible) : new Set()),
    clear: () => setIds(new Set()),
  };
}
