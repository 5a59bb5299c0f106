/**
 * Every failure of the clips store surfaces as a ClipsError: a code to branch on and a
 * `public/_locales` message key to show, so the background can pass failures over messages and the
 * clips page can show them without knowing IndexedDB's or Dexie's error zoo.
 */

export type ClipsErrorCode =
  /** The browser refused to store more data. */
  | 'quota'
  /** The database on disk was written by a newer Loa than this one. */
  | 'version'
  /** IndexedDB is missing or refused to open (private windows, disk errors, closed database). */
  | 'unavailable'
  | 'not-found'
  /** A stored row that is not a complete clip; it is left as it is. */
  | 'corrupted'
  /** A save request without a web address or without text. */
  | 'invalid-input'
  /** An import file that is not JSON, not a Loa clips file, from a newer Loa, or damaged. */
  | 'invalid-import'
  | 'unknown';

const MESSAGE_KEYS: Record<ClipsErrorCode, string> = {
  quota: 'clips_error_quota',
  version: 'clips_error_version',
  unavailable: 'clips_error_unavailable',
  'not-found': 'clips_error_not_found',
  corrupted: 'clips_error_corrupted',
  'invalid-input': 'clips_error_invalid_input',
  'invalid-import': 'clips_import_error_invalid',
  unknown: 'clips_error_unknown',
};

/** The plain-object form of a ClipsError, for `runtime.sendMessage` replies. */
export interface ClipsFailure {
  ok: false;
  code: ClipsErrorCode;
  messageKey: string;
  substitutions: string[];
}

export class ClipsError extends Error {
  override readonly name = 'ClipsError';
  readonly code: ClipsErrorCode;
  readonly messageKey: string;
  /** Values for the message's $1…$9 placeholders. */
  readonly substitutions: string[];

  constructor(
    code: ClipsErrorCode,
    message: string,
    options: { messageKey?: string; substitutions?: string[]; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.code = code;
    this.messageKey = options.messageKey ?? MESSAGE_KEYS[code];
    this.substitutions = options.substitutions ?? [];
  }

  toFailure(): ClipsFailure {
    return { ok: false, code: this.code, messageKey: this.messageKey, substitutions: this.substitutions };
  }
}

const UNAVAILABLE = new Set([
  'MissingAPIError',
  'OpenFailedError',
  'DatabaseClosedError',
  'InvalidStateError',
  'UnknownError',
  'NotFoundError',
]);

/** Maps anything thrown by IndexedDB or Dexie to a ClipsError, looking through Dexie's wrappers. */
export function toClipsError(error: unknown): ClipsError {
  if (error instanceof ClipsError) return error;
  const names = errorNames(error);
  const message = error instanceof Error ? error.message : String(error);
  // Quota and version hide inside OpenFailedError / AbortError, so they are checked first.
  if (names.includes('QuotaExceededError')) return new ClipsError('quota', message, { cause: error });
  if (names.includes('VersionError')) return new ClipsError('version', message, { cause: error });
  if (names.some((name) => UNAVAILABLE.has(name))) return new ClipsError('unavailable', message, { cause: error });
  return new ClipsError('unknown', message, { cause: error });
}

/** The names of an error and of every error Dexie wrapped inside it (`inner`, `cause`, `failures`). */
function errorNames(error: unknown, depth = 0): string[] {
  if (typeof error !== 'object' || error === null || depth > 5) return [];
  const record = error as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  const names = typeof record.name === 'string' ? [record.name] : [];
  names.push(...errorNames(record.inner, depth + 1), ...errorNames(record.cause, depth + 1));
  if (Array.isArray(record.failures)) {
    for (const failure of record.failures) names.push(...errorNames(failure, depth + 1));
  }
  return names;
}
