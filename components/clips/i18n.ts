import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

/** `browser.i18n.getMessage` in the extension; a lookup over `_locales` in component tests. */
export type Translate = (key: string, substitutions?: string[]) => string;

export const TranslateContext = createContext<Translate>((key) => key);

export function useT(): Translate {
  return useContext(TranslateContext);
}
