import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

import type { Translate } from '../i18n';

export type { Translate };

export const TranslateContext = createContext<Translate>((key) => key);

export function useT(): Translate {
  return useContext(TranslateContext);
}
