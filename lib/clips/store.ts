/** The clips API used by the background (saving) and the clips page (everything else). */
import { ClipsDb, CLIPS_DB_NAME } from './db';
import { ClipsError, toClipsError } from './errors';
import { type MarkdownLabels, parseImport, renderMarkdown, toExportDocument } from './exchange';
import { parseWordQuery } from './fold';
import {
  type Clip,
  type ClipBody,
  type ClipInput,
  type ClipKind,
  type ClipRow,
  type NewClip,
  bodyProblems,
  buildClip,
  joinClip,
  mergeClips,
  normalizeTags,
  rowProblems,
  splitClip,
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
  id: number;
  problems: string[];
}

export interface ClipPage {
  /** Newest first, without their text: `getClip` reads a whole clip. */
  clips: ClipRow[];
  /** How many clips match, across all pages (damaged ones included: they still take up room). */
  total: number;
  /** Rows of this page that could not be read. */
  corrupted: CorruptRecord[];
}

export interface SaveResult {
  clip: Clip;
  /** False when an existing clip of the same page (and kind, and selected text) was updated. */
  created: boolean;
}

/** What `deleteClips` removed, exactly as stored, for `restoreClips`. */
export interface DeletedClips {
  rows: ClipRow[];
  bodies: ClipBody[];
}

export interface ImportResult {
  added: number;
  merged: number;
}

export interface ExportResult {
  text: string;
  count: number;
  /** Clips that could not be read and so are not in the file. */
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

/** Import progress is reported after every this many clips. */
const IMPORT_PROGRESS_STEP = 100;

/** Up to this many matches, a search reads the matching rows and sorts them itself. */
const SORT_IN_MEMORY = 500;

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
      const incoming = buildClip(input, this.now());
      return this.db.transaction('rw', this.db.clips, this.db.bodies, async () => {
        const existing = await this.findByKey(incoming);
        const clip = await this.write(existing ? mergeClips(existing, incoming) : incoming);
        return { clip, created: !existing };
      });
    });
  }

  listClips(params: ListParams = {}): Promise<ClipPage> {
    const offset = Math.max(0, Math.trunc(params.offset ?? 0));
    const limit = Math.max(1, Math.trunc(params.limit ?? DEFAULT_PAGE_SIZE));
    return guard(() =>
      this.db.transaction('r', this.db.clips, this.db.bodies, async () => {
        const matching = await this.matchingIds(params);
        if (!matching) {
          const [total, rows] = await Promise.all([
            this.db.clips.count(),
            this.db.clips.orderBy('savedAt').reverse().offset(offset).limit(limit).toArray(),
          ]);
          return { total, ...readRows(rows) };
        }
        return { total: matching.size, ...readRows(await this.newestOf(matching, offset, limit)) };
      }),
    );
  }

  /** A whole clip, text included (to read it aloud or show it in full). */
  getClip(id: number): Promise<Clip> {
    return guard(() => this.db.transaction('r', this.db.clips, this.db.bodies, () => this.readClip(id)));
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
      this.db.transaction('rw', this.db.clips, this.db.bodies, async () => {
        const clip = await this.readClip(id);
        const updated: Clip = {
          ...clip,
          note: patch.note === undefined ? clip.note : patch.note.trim(),
          tags: patch.tags === undefined ? clip.tags : normalizeTags(patch.tags),
        };
        // The note is searchable, so the body's words change with it.
        await this.write(updated);
        return updated;
      }),
    );
  }

  /** Deletes clips and returns their rows exactly as stored, so `restoreClips` can undo it. */
  deleteClips(ids: readonly number[]): Promise<DeletedClips> {
    return guard(() =>
      this.db.transaction('rw', this.db.clips, this.db.bodies, async () => {
        const [rows, bodies] = await Promise.all([this.db.clips.bulkGet([...ids]), this.db.bodies.bulkGet([...ids])]);
        const deleted = { rows: rows.filter((row) => row !== undefined), bodies: bodies.filter((body) => body !== undefined) };
        await Promise.all([this.db.clips.bulkDelete([...ids]), this.db.bodies.bulkDelete([...ids])]);
        return deleted;
      }),
    );
  }

  /** Undo for `deleteClips`. A clip saved again in the meantime absorbs the restored note and tags. */
  restoreClips(deleted: DeletedClips): Promise<number> {
    return guard(() =>
      this.db.transaction('rw', this.db.clips, this.db.bodies, async () => {
        const bodies = new Map(deleted.bodies.map((body) => [body.id, body]));
        for (const row of deleted.rows) {
          const body = bodies.get(row.id);
          const whole = body && rowProblems(row).length === 0 && bodyProblems(body).length === 0 ? joinClip(row, body) : null;
          const resaved = whole ? await this.findByKey(whole) : null;
          if (whole && resaved && resaved.id !== whole.id) {
            await this.write(mergeClips(resaved, whole));
          } else {
            // Damaged rows go back as they were: they are still the user's.
            await this.db.clips.put(row);
            if (body) await this.db.bodies.put(body);
          }
        }
        return deleted.rows.length;
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
   * (same page, kind and selected text) are merged, not duplicated. `onProgress` hears how many of
   * the file's clips are written, every `IMPORT_PROGRESS_STEP` and at the end.
   */
  importJson(text: string, options: { onProgress?: (done: number, total: number) => void } = {}): Promise<ImportResult> {
    return guard(async () => {
      const incoming = parseImport(text);
      const report = options.onProgress ?? (() => undefined);
      report(0, incoming.length);
      return this.db.transaction('rw', this.db.clips, this.db.bodies, async () => {
        let added = 0;
        let merged = 0;
        for (const clip of incoming) {
          const existing = await this.findByKey(clip);
          if (existing) merged++;
          else added++;
          await this.write(existing ? mergeClips(existing, clip) : clip);
          const done = added + merged;
          if (done % IMPORT_PROGRESS_STEP === 0 || done === incoming.length) report(done, incoming.length);
        }
        return { added, merged };
      });
    });
  }

  close(): void {
    this.db.close();
  }

  /** Writes both rows of a clip; a clip without an id is added and gets one. Call inside a transaction. */
  private async write(clip: NewClip & { id?: number }): Promise<Clip> {
    const { row, body } = splitClip({ ...clip, id: clip.id ?? 0 });
    if (clip.id === undefined) {
      const { id: _unassigned, ...fresh } = row;
      const id = await this.db.clips.add(fresh as ClipRow);
      await this.db.bodies.add({ ...body, id });
      return { ...clip, id };
    }
    await Promise.all([this.db.clips.put(row), this.db.bodies.put(body)]);
    return { ...clip, id: clip.id };
  }

  /**
   * The clip saved under the key of `clip`, if any. A damaged one is repaired with the content of
   * `clip` (the page was saved again, after all), keeping whatever of the user's own it can read.
   */
  private async findByKey(clip: NewClip): Promise<Clip | null> {
    const row = await this.db.clips.where('key').equals(clip.key).first();
    if (!row) return null;
    if (rowProblems(row).length > 0) return { ...clip, id: row.id };
    const body = await this.db.bodies.get(row.id);
    const { text, summary, figures, related } = clip;
    return joinClip(row, bodyProblems(body).length > 0 ? { id: row.id, text, summary, figures, related, words: [] } : body!);
  }

  private async readClip(id: number): Promise<Clip> {
    const [row, body] = await Promise.all([this.db.clips.get(id), this.db.bodies.get(id)]);
    if (!row) throw new ClipsError('not-found', `No clip ${id}`);
    const problems = [...rowProblems(row), ...bodyProblems(body)];
    if (problems.length > 0) throw new ClipsError('corrupted', `Clip ${id} is damaged: ${problems.join(', ')}`);
    return joinClip(row, body!);
  }

  /** The ids matching every filter given, or null when no filter is given. */
  private async matchingIds(params: ListParams): Promise<Set<number> | null> {
    const lookups: Promise<number[]>[] = [];
    const words = params.query ? parseWordQuery(params.query) : null;
    for (const word of words?.exact ?? []) lookups.push(this.db.bodies.where('words').equals(word).primaryKeys());
    if (words?.prefix) lookups.push(this.db.bodies.where('words').startsWith(words.prefix).primaryKeys());
    if (params.site) lookups.push(this.db.clips.where('site').equals(params.site).primaryKeys());
    if (params.tag) lookups.push(this.db.clips.where('tags').equals(params.tag).primaryKeys());
    if (params.kind) lookups.push(this.db.clips.where('kind').equals(params.kind).primaryKeys());
    if (lookups.length === 0) return null;
    const sets = (await Promise.all(lookups)).map((ids) => new Set(ids)).sort((a, b) => a.size - b.size);
    const [smallest, ...rest] = sets;
    return new Set([...smallest!].filter((id) => rest.every((set) => set.has(id))));
  }

  /**
   * One page of `ids`, newest first. A few matches are read and sorted here. Many matches are dense
   * in the table, so walking the savedAt index from the newest end fills the page after about
   * (offset + limit) × table size / matches entries, instead of ordering every match.
   */
  private async newestOf(ids: ReadonlySet<number>, offset: number, limit: number): Promise<(ClipRow | undefined)[]> {
    if (ids.size <= SORT_IN_MEMORY) {
      const rows = await this.db.clips.bulkGet([...ids]);
      // Damaged rows may lack a usable savedAt; they sort last, and readRows reports them.
      const time = (row: ClipRow | undefined) => (typeof row?.savedAt === 'number' ? row.savedAt : -Infinity);
      return rows.sort((a, b) => time(b) - time(a)).slice(offset, offset + limit);
    }
    const page: number[] = [];
    let skipped = 0;
    await this.db.clips
      .orderBy('savedAt')
      .reverse()
      .until(() => page.length >= limit)
      .eachPrimaryKey((id) => {
        if (!ids.has(id)) return;
        if (skipped < offset) skipped++;
        else page.push(id);
      });
    return this.db.clips.bulkGet(page);
  }

  private async readForExport(ids: readonly number[] | undefined): Promise<{ clips: Clip[]; corrupted: CorruptRecord[] }> {
    return this.db.transaction('r', this.db.clips, this.db.bodies, async () => {
      const rows = (ids ? await this.db.clips.bulkGet([...ids]) : await this.db.clips.toArray()).filter((row) => row !== undefined);
      const bodies = await this.db.bodies.bulkGet(rows.map((row) => row.id));
      const clips: Clip[] = [];
      const corrupted: CorruptRecord[] = [];
      rows.forEach((row, index) => {
        const body = bodies[index];
        const problems = [...rowProblems(row), ...bodyProblems(body)];
        if (problems.length > 0) corrupted.push({ id: row.id, problems });
        else clips.push(joinClip(row, body!));
      });
      clips.sort((a, b) => b.savedAt - a.savedAt);
      return { clips, corrupted };
    });
  }
}

async function guard<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw toClipsError(error);
  }
}

/** Splits rows into readable ones and damaged ones; missing rows (deleted meanwhile) are dropped. */
function readRows(rows: readonly (ClipRow | undefined)[]): { clips: ClipRow[]; corrupted: CorruptRecord[] } {
  const clips: ClipRow[] = [];
  const corrupted: CorruptRecord[] = [];
  for (const row of rows) {
    if (row === undefined) continue;
    const problems = rowProblems(row);
    if (problems.length > 0) corrupted.push({ id: row.id, problems });
    else clips.push(row);
  }
  return { clips, corrupted };
}

function sortedStrings(keys: readonly unknown[]): string[] {
  return keys.filter((key): key is string => typeof key === 'string').sort((a, b) => a.localeCompare(b, 'vi'));
}
