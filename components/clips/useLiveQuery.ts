import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

export type LiveState<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: unknown };

/**
 * Runs `query` now and again whenever the rows it read change, in this page or in another context
 * of the extension (the background saving a clip). While new arguments are being queried the
 * previous result stays on screen, so typing in the search box does not flash "loading".
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[]): LiveState<T> {
  const [state, setState] = useState<LiveState<T>>({ status: 'loading' });
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setState({ status: 'ready', value }),
      error: (error: unknown) => setState({ status: 'error', error }),
    });
    return () => subscription.unsubscribe();
    // The caller lists what `query` depends on, as with useEffect.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller's deps are this hook's contract
  }, deps);
  return state;
}
