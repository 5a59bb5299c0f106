/**
 * Chrome's built-in Summarizer API (Chrome 138+, on-device model), offered as an option where it
 * is ready. Everything here answers null rather than failing: the offline summary is the default
 * and the fallback, and a missing or refusing on-device model must never show as an error.
 */

type Availability = 'unavailable' | 'downloadable' | 'downloading' | 'available';

interface SummarizerOptions {
  type: 'key-points' | 'tldr' | 'teaser' | 'headline';
  format: 'plain-text' | 'markdown';
  length: 'short' | 'medium' | 'long';
  expectedInputLanguages: string[];
  outputLanguage: string;
}

interface OnDeviceSummarizer {
  summarize(text: string, options?: { signal?: AbortSignal }): Promise<string>;
  destroy(): void;
}

/** The part of the API used here; TypeScript's DOM library does not declare it yet. */
interface SummarizerApi {
  availability(options: SummarizerOptions): Promise<Availability>;
  create(options: SummarizerOptions & { signal?: AbortSignal }): Promise<OnDeviceSummarizer>;
}

function api(): SummarizerApi | null {
  const candidate = (globalThis as { Summarizer?: Partial<SummarizerApi> }).Summarizer;
  return typeof candidate?.availability === 'function' && typeof candidate.create === 'function'
    ? (candidate as SummarizerApi)
    : null;
}

function optionsFor(lang: string): SummarizerOptions {
  return {
    type: 'key-points',
    format: 'plain-text',
    length: 'short',
    expectedInputLanguages: [lang],
    outputLanguage: lang,
  };
}

/**
 * Whether the on-device summarizer can summarize text in `lang` right now. A model that would
 * first have to be downloaded counts as unavailable: the download needs a user gesture and
 * gigabytes, which is not this option's call.
 */
export async function onDeviceSummarizerReady(lang: string): Promise<boolean> {
  const summarizer = api();
  if (!summarizer) return false;
  try {
    return (await summarizer.availability(optionsFor(lang))) === 'available';
  } catch {
    return false;
  }
}

/** The on-device summary of `text`, or null when there is none to be had. */
export async function summarizeOnDevice(text: string, lang: string, signal?: AbortSignal): Promise<string | null> {
  if (!text.trim() || !(await onDeviceSummarizerReady(lang))) return null;
  let summarizer: OnDeviceSummarizer | null = null;
  try {
    summarizer = await api()!.create({ ...optionsFor(lang), signal });
    const summary = (await summarizer.summarize(text, { signal })).trim();
    return summary || null;
  } catch {
    return null;
  } finally {
    summarizer?.destroy();
  }
}
