export { CLIPS_DB_NAME, ClipsDb, SCHEMA_HISTORY, type SchemaVersion } from './db';
export { ClipsError, toClipsError, type ClipsErrorCode, type ClipsFailure } from './errors';
export { EXPORT_FORMAT, EXPORT_VERSION, type ExportDocument, type ExportedClip, type MarkdownLabels } from './exchange';
export { folded, matchRanges, parseSearch, type HighlightTerms, type SearchQuery } from './fold';
export {
  CLIP_KINDS,
  clipFromArticle,
  clipFromSelection,
  parseTags,
  type Clip,
  type ClipBody,
  type ClipInput,
  type ClipKind,
  type ClipRow,
} from './model';
export {
  DEFAULT_PAGE_SIZE,
  ClipStore,
  openClipStore,
  type ClipPage,
  type ClipStoreOptions,
  type CorruptRecord,
  type DeletedClips,
  type ExportResult,
  type Facets,
  type ImportResult,
  type ListParams,
  type SaveResult,
} from './store';
