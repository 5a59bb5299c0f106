/** The clips API used by the background (saving) and the clips page (everything else). */
import { ClipsDb, CLIPS_DB_NAME, type MetaRow } from './db';
import { ClipsError, toClipsError } from './errors';
import { type MarkdownLabels, parseImport, renderMarkdown, toExportDocument } from './exchange';
import { type SearchQuery, inLead, inTitle, indexTerms, parseSearch } from './fold';
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
  termsOf,
} from './model';
import {
  type DateOrder,
  type Dated,
  dateOf,
  editOrder,
  joinSegments,
  orderLength,
  readOrder,
  storeOrder,
} from './order';
import { IndexReader, POSTINGS_CHUNK, PostingsCache, PostingsChange, chunkOf } from './postings';

export interface ListParams {
  /**
   * Words to find in title, lead, text or note: accents optional (typed accents must match),
   * "quoted words" only together, the last word may be unfinished.
   */
  query?: string;
  /** With a query, best matches first (the default) or newest first; without one, always newest first. */
  order?: 'relevance' | 'newest';
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
  /** In the order asked for, without their text: `getClip` reads a whole clip. */
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

/**
 * Pending clips moved into the postings per transaction by `indexPending`, at most one chunk: a
 * batch holds up searches and saves while it is written, but a whole new chunk is written once,
 * without reads, where batches of 16 rewrote each frequent term's row up to 16 times.
 */
const INDEX_BATCH = POSTINGS_CHUNK;

/** Import progress is reported after every this many clips. */
const IMPORT_PROGRESS_STEP = 100;

export function openClipStore(options: ClipStoreOptions = {}): ClipStore {
  const db = new ClipsDb(options.name ?? CLIPS_DB_NAME);
  if (options.onBlocked) db.on('blocked', options.onBlocked);
  return new ClipStore(db, options.now);
}

export class ClipStore {
  private dateOrder: { changes: number; order: DateOrder } | null = null;
  private readonly postingsCache = new PostingsCache();

  constructor(
    readonly db: ClipsDb,
    private readonly now: () => number = Date.now,
  ) {}

  /** Saves a clip, or updates the clip already saved for the same page (keeping its note and tags). */
  saveClip(input: ClipInput): Promise<SaveResult> {
    return guard(async () => {
      const incoming = buildClip(input, this.now());
      return this.db.transaction('rw', this.tables(), async () => {
        const existing = await this.findByKey(incoming);
        const index = new PostingsChange();
        const clip = await this.write(existing ? mergeClips(existing, incoming) : incoming, existing, index);
        await index.apply(this.db.buckets);
        await this.recordChange(existing ? 0 : 1, [clip]);
        return { clip, created: !existing };
      });
    });
  }

  listClips(params: ListParams = {}): Promise<ClipPage> {
    const offset = Math.max(0, Math.trunc(params.offset ?? 0));
    const limit = Math.max(1, Math.trunc(params.limit ?? DEFAULT_PAGE_SIZE));
    const query = params.query ? parseSearch(params.query) : null;
    // Without words to look up, the index tables stay out, so an indexing batch does not hold the list up.
    const tables = query ? this.tables() : [this.db.clips, this.db.meta, this.db.order];
    return guard(() =>
      this.db.transaction('r', tables, async () => {
        const index = query
          ? new IndexReader(this.db.buckets, this.postingsCache, await this.db.pending.toArray())
          : null;
        const matching = await this.matchingIds(params, query, index);
        if (!matching) {
          const [total, rows] = await Promise.all([
            this.count(),
            this.db.clips.orderBy('savedAt').reverse().offset(offset).limit(limit).toArray(),
          ]);
          return { total, ...readRows(rows) };
        }
        const scores =
          query && index && params.order !== 'newest' ? await this.relevance(query, matching, index) : null;
        const { rows, total } = await this.pageOf(matching, scores, offset, limit);
        return { total, ...readRows(rows) };
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
      this.db.transaction('rw', this.tables(), async () => {
        const clip = await this.readClip(id);
        const updated: Clip = {
          ...clip,
          note: patch.note === undefined ? clip.note : patch.note.trim(),
          tags: patch.tags === undefined ? clip.tags : normalizeTags(patch.tags),
        };
        // The note is searchable, so the index changes with it.
        const index = new PostingsChange();
        await this.write(updated, clip, index);
        await index.apply(this.db.buckets);
        return updated;
      }),
    );
  }

  /** Deletes clips and returns their rows exactly as stored, so `restoreClips` can undo it. */
  deleteClips(ids: readonly number[]): Promise<DeletedClips> {
    return guard(() =>
      this.db.transaction('rw', this.tables(), async () => {
        const [rows, bodies] = await Promise.all([this.db.clips.bulkGet([...ids]), this.db.bodies.bulkGet([...ids])]);
        const deleted = {
          rows: rows.filter((row) => row !== undefined),
          bodies: bodies.filter((body) => body !== undefined),
        };
        // Their ids stay in the postings (searches keep only ids with a row): rewriting a row per term took ~290 ms a clip.
        await Promise.all([
          this.db.clips.bulkDelete([...ids]),
          this.db.bodies.bulkDelete([...ids]),
          this.db.pending.bulkDelete([...ids]),
        ]);
        await this.recordChange(-deleted.rows.length, [], ids);
        return deleted;
      }),
    );
  }

  /** Undo for `deleteClips`. A clip saved again in the meantime absorbs the restored note and tags. */
  restoreClips(deleted: DeletedClips): Promise<number> {
    return guard(() =>
      this.db.transaction('rw', this.tables(), async () => {
        const bodies = new Map(deleted.bodies.map((body) => [body.id, body]));
        const index = new PostingsChange();
        const dated: Dated[] = [];
        let returned = 0;
        for (const row of deleted.rows) {
          const body = bodies.get(row.id);
          const whole =
            body && rowProblems(row).length === 0 && bodyProblems(body).length === 0 ? joinClip(row, body) : null;
          const resaved = whole ? await this.findByKey(whole) : null;
          if (whole && resaved && resaved.id !== whole.id) {
            dated.push(await this.write(mergeClips(resaved, whole), resaved, index));
          } else {
            dated.push(row);
            // Damaged rows go back as they were: they are still the user's.
            if (!(await this.db.clips.get(row.id))) returned++;
            await this.db.clips.put(row);
            if (body) await this.db.bodies.put(body);
            await this.db.pending.put({ id: row.id, terms: termsOf(row, body) });
          }
        }
        await index.apply(this.db.buckets);
        await this.recordChange(returned, dated);
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
  importJson(
    text: string,
    options: { onProgress?: (done: number, total: number) => void } = {},
  ): Promise<ImportResult> {
    return guard(async () => {
      const incoming = parseImport(text);
      const report = options.onProgress ?? (() => undefined);
      report(0, incoming.length);
      return this.db.transaction('rw', this.tables(), async () => {
        let merged = 0;
        // New clips are added a step at a time in bulk and become pending; merged ones change the
        // postings, written once per step.
        const index = new PostingsChange();
        const dated: Dated[] = [];
        for (let first = 0; first < incoming.length; first += IMPORT_PROGRESS_STEP) {
          const step = incoming.slice(first, first + IMPORT_PROGRESS_STEP);
          const existing = await this.findByKeys(step);
          for (const clip of step) {
            const previous = existing.get(clip.key);
            if (!previous) continue;
            merged++;
            dated.push(await this.write(mergeClips(previous, clip), previous, index));
          }
          dated.push(...(await this.addClips(step.filter((clip) => !existing.has(clip.key)))));
          await index.apply(this.db.buckets);
          report(first + step.length, incoming.length);
        }
        const added = incoming.length - merged;
        await this.recordChange(added, dated);
        return { added, merged };
      });
    });
  }

  close(): void {
    this.db.close();
  }

  /**
   * Moves the pending clips (saved since the last call, or all of them after the upgrade to schema
   * version 2) into the postings, a batch per transaction so that saves and searches go on in
   * between. The clips page calls it when it opens and after an import.
   */
  indexPending(): Promise<void> {
    return guard(async () => {
      for (;;) {
        // Not the clips table: listing and filtering go on while a batch is written.
        const indexed = await this.db.transaction('rw', this.db.pending, this.db.buckets, async () => {
          const next = await this.db.pending.limit(INDEX_BATCH).toArray();
          // One chunk per batch: a new chunk is then written once, without reading it.
          const batch = next.filter(({ id }) => chunkOf(id) === chunkOf(next[0]?.id ?? 0));
          const index = new PostingsChange();
          for (const { id, terms } of batch) index.reindex(id, [], terms);
          await index.apply(this.db.buckets);
          await this.db.pending.bulkDelete(batch.map((entry) => entry.id));
          return batch.length;
        });
        if (indexed === 0) return;
      }
    });
  }

  private tables() {
    return [this.db.clips, this.db.bodies, this.db.buckets, this.db.pending, this.db.meta, this.db.order];
  }

  /**
   * Writes both rows of a clip; a clip without an id is added and gets one. `previous` is the clip
   * as stored before (null for a new one). A new clip's terms go to `pending`; a changed clip's
   * changed terms go to `index`, or to its pending row while it has one. Call inside a transaction,
   * and apply `index` before it ends.
   */
  private async write(clip: NewClip & { id?: number }, previous: Clip | null, index: PostingsChange): Promise<Clip> {
    const id = clip.id;
    if (id === undefined) return (await this.addClips([clip]))[0]!;
    const { row, body } = splitClip({ ...clip, id });
    await Promise.all([this.db.clips.put(row), this.db.bodies.put(body)]);
    const terms = indexTerms(clip);
    if (!previous || (await this.db.pending.get(id))) await this.db.pending.put({ id, terms });
    else index.reindex(id, indexTerms(previous), terms);
    return { ...clip, id };
  }

  /** Adds new clips in bulk, each with a pending row of its terms; they get their ids here. */
  private async addClips(clips: readonly NewClip[]): Promise<Clip[]> {
    if (clips.length === 0) return [];
    const split = clips.map((clip) => splitClip({ ...clip, id: 0 }));
    const ids = await this.db.clips.bulkAdd(
      split.map(({ row: { id: _unassigned, ...fresh } }) => fresh as ClipRow),
      { allKeys: true },
    );
    await Promise.all([
      this.db.bodies.bulkAdd(split.map(({ body }, index) => ({ ...body, id: ids[index]! }))),
      this.db.pending.bulkPut(clips.map((clip, index) => ({ id: ids[index]!, terms: indexTerms(clip) }))),
    ]);
    return clips.map((clip, index) => ({ ...clip, id: ids[index]! }));
  }

  /** The number of clips, kept in `meta`; counted once when a database lacks it. */
  private async count(): Promise<number> {
    return (await this.db.meta.get('count'))?.value ?? this.db.clips.count();
  }

  /**
   * Adjusts the count of clips by `added`, moves the `changes` counter on and brings the stored
   * newest-first order along: the clips `dated` were written (new or at a new date), `removed` deleted.
   */
  private async recordChange(added: number, dated: readonly Dated[], removed: readonly number[] = []): Promise<void> {
    const [[count, changes, ordered], segments] = await Promise.all([
      this.db.meta.bulkGet(['count', 'changes', 'order']),
      this.db.order.toArray(),
    ]);
    const current = changes?.value ?? 0;
    await Promise.all([
      this.db.meta.bulkPut([
        { name: 'count', value: count ? count.value + added : await this.db.clips.count() },
        { name: 'changes', value: current + 1 },
        { name: 'order', value: current + 1 },
      ]),
      // A missing or stale order is read again from the clips, which already hold this change.
      isCurrent(orderLength(segments), ordered, changes, count)
        ? editOrder(this.db.order, segments, dated, removed)
        : storeOrder(this.db.order, await readOrder(this.db.clips), segments),
    ]);
  }

  /**
   * Every clip newest first (lib/clips/order.ts), from the stored order, kept until the `changes`
   * counter moves. A stale stored order, or any when `fromClips`, is read from the clips instead.
   */
  private async newestFirst(fromClips = false): Promise<DateOrder> {
    const [counter, ordered, count] = await this.db.meta.bulkGet(['changes', 'order', 'count']);
    const changes = counter?.value ?? 0;
    if (fromClips || this.dateOrder?.changes !== changes) {
      const stored = fromClips ? null : joinSegments(await this.db.order.toArray());
      this.dateOrder = {
        changes,
        order:
          stored && isCurrent(stored.ids.length, ordered, counter, count) ? stored : await readOrder(this.db.clips),
      };
    }
    return this.dateOrder.order;
  }

  /**
   * The clip saved under the key of `clip`, if any. A damaged one is repaired with the content of
   * `clip` (the page was saved again, after all), keeping whatever of the user's own it can read.
   */
  private async findByKey(clip: NewClip): Promise<Clip | null> {
    return (await this.findByKeys([clip])).get(clip.key) ?? null;
  }

  /** `findByKey` for many clips at once, by key. */
  private async findByKeys(clips: readonly NewClip[]): Promise<Map<string, Clip>> {
    const rows = await this.db.clips
      .where('key')
      .anyOf(clips.map((clip) => clip.key))
      .toArray();
    const bodies = await this.db.bodies.bulkGet(rows.map((row) => row.id));
    const incoming = new Map(clips.map((clip) => [clip.key, clip]));
    const found = new Map<string, Clip>();
    rows.forEach((row, index) => {
      const clip = incoming.get(row.key)!;
      const body = bodies[index];
      const { text, summary, figures, related } = clip;
      const readable = rowProblems(row).length === 0;
      found.set(
        row.key,
        !readable
          ? { ...clip, id: row.id }
          : joinClip(row, bodyProblems(body).length > 0 ? { id: row.id, text, summary, figures, related } : body!),
      );
    });
    return found;
  }

  private async readClip(id: number): Promise<Clip> {
    const [row, body] = await Promise.all([this.db.clips.get(id), this.db.bodies.get(id)]);
    if (!row) throw new ClipsError('not-found', `No clip ${id}`);
    const problems = [...rowProblems(row), ...bodyProblems(body)];
    if (problems.length > 0) throw new ClipsError('corrupted', `Clip ${id} is damaged: ${problems.join(', ')}`);
    return joinClip(row, body!);
  }

  /** The ids matching every filter given, or null when no filter is given. */
  private async matchingIds(
    params: ListParams,
    query: SearchQuery | null,
    index: IndexReader | null,
  ): Promise<Set<number> | null> {
    const lookups: Promise<Iterable<number>>[] = [];
    for (const term of query?.required ?? []) lookups.push(index!.ids(term));
    if (query?.prefix) lookups.push(index!.range(query.prefix.from, query.prefix.to));
    if (params.site) lookups.push(this.db.clips.where('site').equals(params.site).primaryKeys());
    if (params.tag) lookups.push(this.db.clips.where('tags').equals(params.tag).primaryKeys());
    if (params.kind) lookups.push(this.db.clips.where('kind').equals(params.kind).primaryKeys());
    if (lookups.length === 0) return null;
    return intersect((await Promise.all(lookups)).map((ids) => new Set(ids)));
  }

  /**
   * How well each match fits: the words standing together (phrase) count before the words
   * apart, and each counts more in the title than in the lead, and there more than in the text.
   * Score = 4 × where the phrase is (title 3, lead 2, text 1, nowhere 0) + where all words are.
   */
  private async relevance(
    query: SearchQuery,
    matching: ReadonlySet<number>,
    index: IndexReader,
  ): Promise<Map<number, number>> {
    const all = (terms: string[]) => Promise.all(terms.map((term) => index.ids(term))).then(intersect);
    const [wordsInTitle, wordsInLead, phrase, phraseInTitle, phraseInLead] = await Promise.all([
      all(query.words.map(inTitle)),
      all(query.words.map(inLead)),
      query.pairs.length ? all(query.pairs) : new Set<number>(),
      query.pairs.length ? all(query.pairs.map(inTitle)) : new Set<number>(),
      query.pairs.length ? all(query.pairs.map(inLead)) : new Set<number>(),
    ]);
    const level = (id: number, title: Set<number>, lead: Set<number>, anywhere: boolean) =>
      title.has(id) ? 3 : lead.has(id) ? 2 : anywhere ? 1 : 0;
    const scores = new Map<number, number>();
    for (const id of matching) {
      scores.set(
        id,
        4 * level(id, phraseInTitle, phraseInLead, phrase.has(id)) + level(id, wordsInTitle, wordsInLead, true),
      );
    }
    return scores;
  }

  /**
   * One page of `ids`: best score first when `scores` are given, newest first among equals, and
   * how many of `ids` are still clips (deleted clips stay in the postings). Only the page's rows are read.
   */
  private async pageOf(
    ids: ReadonlySet<number>,
    scores: ReadonlyMap<number, number> | null,
    offset: number,
    limit: number,
  ): Promise<{ rows: ClipRow[]; total: number }> {
    const page = await this.pageIn(await this.newestFirst(), ids, scores, offset, limit);
    // A row whose date is not the one the order holds was changed behind the store's back (a
    // damaged savedAt): the order is then read from the clips themselves.
    return page.current ? page : this.pageIn(await this.newestFirst(true), ids, scores, offset, limit);
  }

  /** `pageOf` in `order`, and whether the page's rows still have the dates `order` holds. */
  private async pageIn(
    order: DateOrder,
    ids: ReadonlySet<number>,
    scores: ReadonlyMap<number, number> | null,
    offset: number,
    limit: number,
  ): Promise<{ rows: ClipRow[]; total: number; current: boolean }> {
    // Scores are small whole numbers (0–15): one pass puts each position in its score's list,
    // newest first in each, instead of a comparison sort of up to every clip by score.
    const byScore: number[][] = [];
    order.ids.forEach((id, position) => {
      if (ids.has(id)) (byScore[scores?.get(id) ?? 0] ??= []).push(position);
    });
    const ranked = byScore.reverse().flat();
    const page = ranked.slice(offset, offset + limit);
    const rows = await this.db.clips.bulkGet(page.map((position) => order.ids[position]!));
    const current = rows.every((row, index) => !row || Object.is(dateOf(row.savedAt), order.savedAt[page[index]!]));
    return { rows: rows.filter((row) => row !== undefined), total: ranked.length, current };
  }

  private async readForExport(
    ids: readonly number[] | undefined,
  ): Promise<{ clips: Clip[]; corrupted: CorruptRecord[] }> {
    return this.db.transaction('r', this.db.clips, this.db.bodies, async () => {
      const rows = (ids ? await this.db.clips.bulkGet([...ids]) : await this.db.clips.toArray()).filter(
        (row) => row !== undefined,
      );
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

/** Whether the stored order, of `length` clips, holds every clip as of the current `changes` counter (meta rows). */
function isCurrent(
  length: number,
  ordered: MetaRow | undefined,
  changes: MetaRow | undefined,
  count: MetaRow | undefined,
): boolean {
  return ordered !== undefined && ordered.value === (changes?.value ?? 0) && length === count?.value;
}

function intersect(sets: Set<number>[]): Set<number> {
  const [smallest, ...rest] = [...sets].sort((a, b) => a.size - b.size);
  return new Set([...(smallest ?? [])].filter((id) => rest.every((set) => set.has(id))));
}

function sortedStrings(keys: readonly unknown[]): string[] {
  return keys.filter((key): key is string => typeof key === 'string').sort((a, b) => a.localeCompare(b, 'vi'));
}
