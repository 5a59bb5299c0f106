/** The data model every part of Loa shares: what extraction produces and the UI, speaker and clips consume. */

/** A key figure found in the article text ("4.142 nhiệm vụ", "549,9 tỷ đồng", "98%"). */
export interface Figure {
  /** Verbatim as written in the text, number plus unit. */
  text: string;
  /** Plain number: "1,5 tỷ đồng" → 1500000000, "5,8%" → 5.8. */
  value: number;
  /** The unit or counted noun ("%", "đồng", "nhiệm vụ", "Euro"). */
  unit: string;
  /** The sentence it comes from. */
  sentence: string;
  /** Which string the offsets point into: the lead or the body text. */
  where: 'lead' | 'text';
  /** Character offsets of `text` in `Article.lead` or `Article.text`. */
  start: number;
  end: number;
  /** Index into `Article.sentences` (body figures), or -1 for figures of the lead. */
  sentenceIndex: number;
  /**
   * What a figure card shows: the part of the sentence centred on the figure, with the figure's
   * offsets in it, to mark it. Absent in clips saved before it existed.
   */
  context?: FigureContext;
}

export interface FigureContext {
  /** Cut at words, with "…" where it was cut. */
  text: string;
  start: number;
  end: number;
}

/** One item of a "Tin liên quan" / "Related" block. */
export interface RelatedStory {
  title: string;
  /** Absolute URL. */
  url: string;
  summary?: string;
  image?: string;
  /** The heading of the block it was found in ("Tin cùng chuyên mục"), when the block has one. */
  heading?: string;
}

/** A sentence of `Article.text`, with its offsets so the UI and the speaker can point at it. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
  /** Index of the paragraph (into `Article.paragraphs`) it belongs to. */
  paragraph: number;
}

export interface Article {
  url: string;
  title: string;
  byline: string | null;
  /** ISO 8601 date-time when the page declares one. */
  published: string | null;
  siteName: string | null;
  /** BCP 47 primary language, e.g. "vi", "de", "en". */
  lang: string;
  /** The bold lead paragraph ("sapo"), kept out of `text`. */
  lead: string | null;
  /** Plain text of the body, paragraphs separated by a blank line. */
  text: string;
  paragraphs: string[];
  sentences: Sentence[];
  figures: Figure[];
  related: RelatedStory[];
  /** Summary sentences, in page order, none repeating the lead. */
  summary: string[];
  wordCount: number;
}

/**
 * What the page alone gives: the article before its figures and summary, which are pure functions
 * of it (`completeArticle`), computed outside the page so the injected script stays small.
 */
export type ArticlePage = Omit<Article, 'figures' | 'summary'>;

export type ExtractFailure =
  | 'not-article' // a home page, list page or empty page
  | 'too-large' // more elements than extraction may walk without freezing the tab
  | 'too-slow' // extraction ran past its budget (the content script's watchdog) and stopped
  | 'parse-error';

export type ExtractResult = { ok: true; article: Article } | { ok: false; reason: ExtractFailure; message: string };

export type PageResult = { ok: true; page: ArticlePage } | { ok: false; reason: ExtractFailure; message: string };
