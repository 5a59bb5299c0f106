/** The clips API used by the background (saving) and the clips page (everything else). */
import { ClipsDb, CLIPS_DB_NAME } from './db';
import { ClipsError, toClipsError } from './errors';
import { type MarkdownLabels, parseImport, renderMarkdown, toExportDocument } from './exchange';
import { parseWordQuery } from './fold';
import {
  type Clip,
  type ClipInput,
  type ClipKind,
  type StoredClip,
  buildClip,
  mergeClips,
  normalizeTags,
  storedClipProblems,
  withWords,
} from './model';

export interface ListParams {
  /** Words to find in title, lead, text or note; accents optional, the last word may be unfinished. */
  query?: string;
  site?: string;
  tag?: string;
  kind?: ClipKind;
  offset?: number;
  limit?: number;
}

/** A row that is not a complete clip: left in the database untouched, reported instead of shown. */
export interface CorruptRecord {
  id: unknown;
  problems: string[];
}

export interface ClipPage {
  /** Newest first. */
  clips: Clip[];
  /** How many rows match, across all pages. */
  total: number;
  /** Rows of this page that could not be read. */
  corrupted: CorruptRecord[];
}

export interface SaveResult {
  clip: Clip;
  /** False when an existing clip of the same page (and kind, and selected text) was updated. */
  created: boolean;
}

export interface ImportResult {
  added: number;
  merged: number;
}

export interface ExportResult {
  text: string;
  count: number;
  /** Rows that could not be read and so are not in the file. */
  corrupted: CorruptRecord[];
}

export interface Facets {
  sites: string[];
  tags: string[];
}

export interface ClipStoreOptions {
  /** Database name; tests give each test its own. */
  name?: string;
  /** Called when an upgrade waits for another tab that still has the old database open. */
  onBlocked?: () => void;
  /** Clock for saved-at and exported-at times. */
  now?: () => number;
}

export const DEFAULT_PAGE_SIZE = 50;

export function openClipStore(options: ClipStoreOptions = {}): ClipStore {
  const db = new ClipsDb(options.name ?? CLIPS_DB_NAME);
  if (options.onBlocked) db.on('blocked', options.onBlocked);
  return new ClipStore(db, options.now);
}

export class ClipStore {
  constructor(
    readonly db: ClipsDb,
    private readonly now: () => number = Date.now,
  ) {}

  /** Saves a clip, or updates the clip already saved for the same page (keeping its note and tags). */
  saveClip(input: ClipInput): Promise<SaveResult> {
    return guard(async () => {
      const record = buildClip(input, this.now());
      return this.db.transaction('rw', this.db.clips, async () => {
        const existing = await this.db.clips.where('key').equals(record.key).first();
        if (!existing) {
          const id = await this.db.clips.add(record as StoredClip);
          return { clip: toClip({ ...record, id }), created: true };
        }
        const merged = mergeClips(existing, record);
        await this.db.clips.put(merged);
        return { clip: toClip(merged), created: false };
      });
    });
  }

  listClips(params: ListParams = {}): Promise<ClipPage> {
    const offset = Math.max(0, Math.trunc(params.offset ?? 0));
    const limit = Math.max(1, Math.trunc(params.limit ?? DEFAULT_PAGE_SIZE));
    return guard(() =>
      this.db.transaction('r', this.db.clips, async () => {
        const matching = await this.matchingIds(params);
        if (!matching) {
          const [total, rows] = await Promise.all([
            this.db.clips.orderBy('savedAt').count(),
            this.db.clips.orderBy('savedAt').reverse().offset(offset).limit(limit).toArray(),
          ]);
          return { total, ...readRows(rows) };
        }
        // The savedAt index gives the order; only ids are read until the page is known.
        const ordered = (await this.db.clips.orderBy('savedAt').primaryKeys()).reverse().filter((id) => matching.has(id));
        const rows = await this.db.clips.bulkGet(ordered.slice(offset, offset + limit));
        return { total: ordered.length, ...readRows(rows) };
      }),
    );
  }

  /** The sites and tags present, for the clips page's filters. */
  facets(): Promise<Facets> {
    return guard(() =>
      this.db.transaction('r', this.db.clips, async () => {
        const [sites, tags] = await Promise.all([
          this.db.clips.orderBy('site').uniqueKeys(),
          this.db.clips.orderBy('tags').uniqueKeys(),
        ]);
        return { sites: sortedStrings(sites), tags: sortedStrings(tags) };
      }),
    );
  }

  updateClip(id: number, patch: { note?: string; tags?: string[] }): Promise<Clip> {
    return guard(() =>
      this.db.transaction('rw', this.db.clips, async () => {
        const row = await this.db.clips.get(id);
        if (!row) throw new ClipsError('not-found', `No clip ${id}`);
        if (storedClipProblems(row).length > 0) throw new ClipsError('corrupted', `Clip ${id} is damaged`);
        const updated = withWords({
          ...row,
          note: patch.note === undefined ? row.note : patch.note.trim(),
          tags: patch.tags === undefined ? row.tags : normalizeTags(patch.tags),
        });
        await this.db.clips.put(updated);
        return toClip(updated);
      }),
    );
  }

  /** Deletes and returns the rows exactly as stored, so `restoreClips` can undo the deletion. */
  deleteClips(ids: readonly number[]): Promise<StoredClip[]> {
    return guard(() =>
      this.db.transaction('rw', this.db.clips, async () => {
        const rows = (await this.db.clips.bulkGet([...ids])).filter((row) => row !== undefined);
        await this.db.clips.bulkDelete(rows.map((row) => row.id));
        return rows;
      }),
    );
  }

  /** Undo for `deleteClips`. A clip saved again in the meantime absorbs the restored note and tags. */
  restoreClips(rows: readonly StoredClip[]): Promise<number> {
    return guard(() =>
      this.db.transaction('rw', this.db.clips, async () => {
        for (const row of rows) {
          const existing = storedClipProblems(row).length === 0 ? await this.db.clips.where('key').equals(row.key).first() : undefined;
          await this.db.clips.put(existing && existing.id !== row.id ? mergeClips(existing, row) : row);
        }
        return rows.length;
      }),
    );
  }

  /** The JSON export of the given clips, or of all clips, newest first. */
  exportJson(ids?: readonly number[]): Promise<ExportResult> {
    return guard(async () => {
      const { clips, corrupted } = await this.readForExport(ids);
      const text = `${JSON.stringify(toExportDocument(clips, this.now()), null, 2)}\n`;
      return { text, count: clips.length, corrupted };
    });
  }

  exportMarkdown(ids: readonly number[] | undefined, labels: MarkdownLabels): Promise<ExportResult> {
    return guard(async () => {
      const { clips, corrupted } = await this.readForExport(ids);
      return { text: renderMarkdown(clips, labels, this.now()), count: clips.length, corrupted };
    });
  }

  /**
   * Imports a JSON export. The whole file is checked first and written in one transaction: a bad
   * file, or a failure half-way (quota), leaves the database as it was. Clips already present
   * (same page, kind and selected text) are merged, not duplicated.
   */
  importJson(text: string): Promise<ImportResult> {
    return guard(async () => {
      const incoming = parseImport(text);
      return this.db.transaction('rw', this.db.clips, async () => {
        const pending = new Map<string, Omit<StoredClip, 'id'> & { id?: number }>();
        let added = 0;
        let merged = 0;
        for (const record of incoming) {
          const existing = pending.get(record.key) ?? (await this.db.clips.where('key').equals(record.key).first());
          if (existing) merged++;
          else added++;
          pending.set(record.key, existing ? mergeClips(existing, record) : record);
        }
        await this.db.clips.bulkPut([...pending.values()] as StoredClip[]);
        return { added, merged };
      });
    });
  }

  close(): void {
    this.db.close();
  }

  /** The ids matching every filter given, or null when no filter is given. */
  private async matchingIds(params: ListParams): Promise<Set<number> | null> {
    const lookups: Promise<number[]>[] = [];
    const words = params.query ? parseWordQuery(params.query) : null;
    for (const word of words?.exact ?? []) lookups.push(this.db.clips.where('words').equals(word).primaryKeys());
    if (words?.prefix) lookups.push(this.db.clips.where('words').startsWith(words.prefix).primaryKeys());
    if (params.site) lookups.push(this.db.clips.where('site').equals(params.site).primaryKeys());
    if (params.tag) lookups.push(this.db.clips.where('tags').equals(params.tag).primaryKeys());
    if (params.kind) lookups.push(this.db.clips.where('kind').equals(params.kind).primaryKeys());
    if (lookups.length === 0) return null;
    const sets = (await Promise.all(lookups)).map((ids) => new Set(ids)).sort((a, b) => a.size - b.size);
    const [smallest, ...rest] = sets;
    return new Set([...smallest!].filter((id) => rest.every((set) => set.has(id))));
  }

  private async readForExport(ids: readonly number[] | undefined): Promise<{ clips: Clip[]; corrupted: CorruptRecord[] }> {
    const rows = ids ? await this.db.clips.bulkGet([...ids]) : await this.db.clips.toArray();
    const result = readRows(rows);
    result.clips.sort((a, b) => b.savedAt - a.savedAt);
    return result;
  }
}

async function guard<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw toClipsError(error);
  }
}

/** Splits rows into readable clips and damaged rows; missing rows (deleted meanwhile) are dropped. */
function readRows(rows: readonly (StoredClip | undefined)[]): { clips: Clip[]; corrupted: CorruptRecord[] } {
  const clips: Clip[] = [];
  const corrupted: CorruptRecord[] = [];
  for (const row of rows) {
    if (row === undefined) continue;
    const problems = storedClipProblems(row);
    if (problems.length > 0) corrupted.push({ id: (row as { id?: unknown } | null)?.id, problems });
    else clips.push(toClip(row));
  }
  return { clips, corrupted };
}

function toClip(row: StoredClip): Clip {
  const { words: _words, ...clip } = row;
  return clip;
}

function sortedStrings(keys: readonly unknown[]): string[] {
  return keys.filter((key): key is string => typeof key === 'string').sort((a, b) => a.localeCompare(b, 'vi'));
}
