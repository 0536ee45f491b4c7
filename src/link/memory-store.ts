/**
 * The in-memory IndexStore: typed-array posting lists per term, passages by number.
 *
 * Passages are kept as term vectors (term numbers ascending, frequencies beside them); the posting
 * lists are their transpose, made in one pass over the live passages when a query first needs
 * them after a change: growing each term's lists passage by passage took 44-73 ms of building the
 * example corpus's index, adding the passages and making the lists once 22-36 (min of 10, a loaded
 * machine). Removal marks a passage dead; the passages are renumbered once a quarter of them is
 * dead. Typed arrays keep the 100× synthetic corpus (bench/link.ts) far under its 1 GB budget.
 *
 * Persisted as bytes (`toChunks`, `fromBytes`): a JSON part with the files, the vocabulary, the
 * passages and their section keys, then the numbers as typed arrays, 4-byte aligned: where each passage's terms start,
 * its term numbers, their frequencies (FIELD_COUNT each) and its field lengths. Reading it back
 * makes no object per term occurrence; the posting lists are the transpose of the term vectors.
 * The 100× corpus of bench/cli.ts (88,581 passages, 4.2 million term occurrences): a warm
 * `answer search` took 14 s and 1.8 GB with the index as JSON (a `[term, frequencies]` pair per
 * occurrence), 1.6 s and 0.6 GB so; most of what is left is parsing the passages' JSON.
 */
import type { Passage, Problem } from '../model.js';
import {
  FIELD_COUNT,
  type AnalyzedPassage,
  type CorpusStats,
  type FileEntry,
  type IndexStats,
  type IndexStore,
  type PostingList,
  type Postings,
  type StoredPassage,
  type TermFrequencies,
  type TermVector,
} from './index-store.js';

/**
 * The posting lists of all terms, one after the other: term `id`'s passages (ascending) are
 * `docs[start[id]]` up to `docs[start[id + 1]]`, with FIELD_COUNT frequencies each in `tf`. Three
 * arrays, not two views per term: the example corpus's lists took 9.8 ms with views, 7.5 so.
 */
interface Lists {
  start: Int32Array;
  docs: Int32Array;
  tf: Float32Array;
}

interface DocEntry {
  passage: Passage;
  /** Section number (the store's own for the key analysis gave). */
  section: number;
  /** Term ids of the passage, ascending. */
  terms: Int32Array;
  /** FIELD_COUNT frequencies per term, in `terms` order. */
  tf: Float32Array;
  /** The text field's term vector (terms with a text frequency), made on first use by `passages`. */
  text?: TermVector;
}

/** The terms of a passage's text field with their frequencies (heading and title terms left out). */
function textVector(doc: DocEntry): TermVector {
  let n = 0;
  for (let i = 0; i < doc.terms.length; i++) if (doc.tf[i * FIELD_COUNT]! > 0) n++;
  const ids = new Int32Array(n);
  const weights = new Float32Array(n);
  for (let i = 0, j = 0; i < doc.terms.length; i++) {
    const w = doc.tf[i * FIELD_COUNT]!;
    if (w > 0) {
      ids[j] = doc.terms[i]!;
      weights[j++] = w;
    }
  }
  return { ids, weights };
}

/** The JSON part of `toChunks`. */
interface StoredJson {
  files: Array<[string, FileEntry]>;
  words: string[];
  passages: Passage[];
  /** The section keys the live passages use, and each passage's index into them. */
  sectionKeys: string[];
  sections: number[];
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isLine = (value: unknown): boolean => Number.isInteger(value) && (value as number) >= 0;

function isPassage(value: unknown): value is Passage {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Record<string, unknown>;
  return (
    isString(p.id) &&
    isString(p.doc) &&
    isString(p.file) &&
    isString(p.title) &&
    isString(p.text) &&
    (p.kind === 'policy' || p.kind === 'answer') &&
    Array.isArray(p.heading) &&
    p.heading.every(isString) &&
    Array.isArray(p.lines) &&
    p.lines.length === 2 &&
    p.lines.every(isLine) &&
    (p.question === undefined || p.question === null || isString(p.question)) &&
    (p.date === undefined || p.date === null || isString(p.date))
  );
}

function isFileEntry(value: unknown): value is [string, FileEntry] {
  if (!Array.isArray(value) || value.length !== 2 || !isString(value[0])) return false;
  const entry = value[1] as Record<string, unknown> | null;
  if (typeof entry !== 'object' || entry === null || !isString(entry.hash) || !Array.isArray(entry.ids) || !entry.ids.every(isString)) return false;
  return entry.problems === undefined || (Array.isArray(entry.problems) && entry.problems.every((p) => typeof p === 'object' && p !== null && isString((p as Problem).message) && isString((p as Problem).code)));
}

/** Whether parsed JSON is what `toChunks` writes, field by field. */
function isStoredJson(value: unknown): value is StoredJson {
  if (typeof value !== 'object' || value === null) return false;
  const data = value as Record<string, unknown>;
  return (
    Array.isArray(data.words) &&
    data.words.every(isString) &&
    Array.isArray(data.passages) &&
    data.passages.every(isPassage) &&
    Array.isArray(data.files) &&
    data.files.every(isFileEntry) &&
    Array.isArray(data.sectionKeys) &&
    data.sectionKeys.every(isString) &&
    Array.isArray(data.sections) &&
    data.sections.length === data.passages.length &&
    data.sections.every((n) => Number.isInteger(n) && n >= 0 && n < (data.sectionKeys as unknown[]).length)
  );
}

/** Typed arrays are written and read in the platform's byte order; the format is little-endian. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function bytesOf(array: Int32Array | Float32Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

export class MemoryIndexStore implements IndexStore {
  /**
   * Each passage added as soon as it is analysed: its term map and rows then die young, where a
   * batch of them (64) lived through a scavenge and was copied (a cold `answer search` on the
   * example workspace: 9.0 MB survived the scavenges, 7.4 MB so; 0.95× wall, 0.93× CPU, medians
   * of 21 interleaved pairs; 8 passages at a time gave 0.97× and 0.90×).
   */
  readonly updateBatch = 1;
  private readonly vocab = new Map<string, number>();
  private readonly words: string[] = [];
  /** Posting lists by term number, of the live passages; null when a change made them stale (lists()). */
  private postingLists: Lists | null = null;
  private docs: Array<DocEntry | null> = [];
  private fieldLengths = new Float32Array(0);
  private readonly sectionIds = new Map<string, number>();
  private readonly sectionKeys: string[] = [];
  /** Per section number: summed text length and live passage count. */
  private sectionLength = new Float64Array(0);
  private sectionLive = new Int32Array(0);
  private liveSections = 0;
  private readonly byId = new Map<string, number>();
  private readonly fileEntries = new Map<string, FileEntry>();
  private dead = 0;
  private readonly lengthSums = new Array<number>(FIELD_COUNT).fill(0);
  /** Scratch for `postings`: row by passage number and by section number (-1: none), reset after each use. */
  private rowOf = new Int32Array(0);
  private sectionRowOf = new Int32Array(0);

  async files(): Promise<Map<string, FileEntry>> {
    return new Map(this.fileEntries);
  }

  async update(
    docs: readonly AnalyzedPassage[],
    removedIds: readonly string[],
    files?: ReadonlyMap<string, FileEntry | null>,
  ): Promise<void> {
    for (const id of removedIds) this.remove(id);
    for (const doc of docs) this.remove(doc.passage.id);
    for (const doc of docs) this.add(doc);
    if (docs.length > 0 || removedIds.length > 0) this.postingLists = null;
    if (files) {
      for (const [file, entry] of files) {
        if (entry) this.fileEntries.set(file, { ...entry, ids: [...entry.ids] });
        else this.fileEntries.delete(file);
      }
    }
    if (this.dead > 0 && this.dead * 4 > this.docs.length) this.compact();
  }

  async postings(terms: readonly string[]): Promise<Postings> {
    if (this.rowOf.length < this.docs.length) this.rowOf = new Int32Array(this.docs.length * 2).fill(-1);
    if (this.sectionRowOf.length < this.sectionKeys.length) this.sectionRowOf = new Int32Array(this.sectionKeys.length * 2).fill(-1);
    const refs: number[] = [];
    const sectionsSeen: number[] = [];
    const rowOf = (ref: number): number => {
      let row = this.rowOf[ref]!;
      if (row < 0) {
        row = this.rowOf[ref] = refs.length;
        refs.push(ref);
      }
      return row;
    };
    const lists = new Map<string, PostingList>();
    const all = this.lists();
    for (const term of terms) {
      const id = this.vocab.get(term);
      if (id === undefined || lists.has(term)) continue;
      const from = all.start[id]!;
      const n = all.start[id + 1]! - from;
      if (n === 0) continue;
      const docs = all.docs.subarray(from, from + n);
      const rows = new Int32Array(n);
      for (let i = 0; i < n; i++) rows[i] = rowOf(docs[i]!);
      lists.set(term, { df: n, docs, rows, tf: all.tf.subarray(from * FIELD_COUNT, (from + n) * FIELD_COUNT) });
    }
    const count = refs.length;
    const lengths = new Float32Array(count * FIELD_COUNT);
    const sections = new Int32Array(count);
    for (let row = 0; row < count; row++) {
      const ref = refs[row]!;
      this.rowOf[ref] = -1;
      lengths.set(this.fieldLengths.subarray(ref * FIELD_COUNT, (ref + 1) * FIELD_COUNT), row * FIELD_COUNT);
      const section = this.docs[ref]!.section;
      let sectionRow = this.sectionRowOf[section]!;
      if (sectionRow < 0) {
        sectionRow = this.sectionRowOf[section] = sectionsSeen.length;
        sectionsSeen.push(section);
      }
      sections[row] = sectionRow;
    }
    const sectionLengths = new Float64Array(sectionsSeen.length);
    sectionsSeen.forEach((section, i) => {
      sectionLengths[i] = this.sectionLength[section]!;
      this.sectionRowOf[section] = -1;
    });
    return { lists, matched: { count, refs, lengths, sections, sectionLengths }, stats: this.corpusStats() };
  }

  async frequencies(terms: readonly string[]): Promise<TermFrequencies> {
    const df = new Map<string, number>();
    const { start } = this.lists();
    for (const term of terms) {
      const id = this.vocab.get(term);
      if (id === undefined) continue;
      const n = start[id + 1]! - start[id]!;
      if (n > 0) df.set(term, n);
    }
    return { passages: this.docs.length - this.dead, df };
  }

  private corpusStats(): CorpusStats {
    const live = this.docs.length - this.dead;
    let total = 0;
    for (let s = 0; s < this.sectionKeys.length; s++) total += this.sectionLength[s]!;
    return {
      passages: live,
      avgLength: this.lengthSums.map((sum) => (live > 0 ? sum / live : 0)),
      sections: this.liveSections,
      avgSectionLength: this.liveSections > 0 ? total / this.liveSections : 0,
    };
  }

  async passages(refs: readonly number[]): Promise<StoredPassage[]> {
    const out: StoredPassage[] = [];
    for (const ref of refs) {
      const doc = this.docs[ref];
      if (!doc) continue;
      out.push({ ref, passage: doc.passage, section: this.sectionKeys[doc.section]!, vector: (doc.text ??= textVector(doc)) });
    }
    return out;
  }

  async stats(): Promise<IndexStats> {
    const live = this.docs.length - this.dead;
    return {
      passages: live,
      terms: this.vocab.size,
      files: this.fileEntries.size,
      avgLength: this.lengthSums.map((sum) => (live > 0 ? sum / live : 0)),
    };
  }

  async close(): Promise<void> {
    // Nothing held but memory.
  }

  /**
   * The live content as bytes (see the top of this file), in parts to be written one after the
   * other: copying the 160 MB of the 100× corpus into one buffer cost more than writing it.
   * `fromBytes` reads them back.
   */
  toChunks(): Uint8Array[] {
    if (!LITTLE_ENDIAN) throw new Error('the index file format is little-endian');
    // Only the words live passages use, renumbered in their order, so each passage's term
    // numbers stay ascending (fromBytes checks that, and builds the posting lists in one pass).
    const refs: number[] = [];
    const wordOf = new Int32Array(this.words.length).fill(-1);
    let occurrences = 0;
    for (let ref = 0; ref < this.docs.length; ref++) {
      const doc = this.docs[ref];
      if (!doc) continue;
      refs.push(ref);
      occurrences += doc.terms.length;
      for (let j = 0; j < doc.terms.length; j++) wordOf[doc.terms[j]!] = 0;
    }
    const words: string[] = [];
    for (let id = 0; id < wordOf.length; id++) {
      if (wordOf[id] === 0) {
        wordOf[id] = words.length;
        words.push(this.words[id]!);
      }
    }
    const starts = new Int32Array(refs.length + 1);
    const terms = new Int32Array(occurrences);
    const tf = new Float32Array(occurrences * FIELD_COUNT);
    const lengths = new Float32Array(refs.length * FIELD_COUNT);
    let at = 0;
    refs.forEach((ref, i) => {
      const doc = this.docs[ref]!;
      starts[i] = at;
      for (let j = 0; j < doc.terms.length; j++) terms[at + j] = wordOf[doc.terms[j]!]!;
      tf.set(doc.tf, at * FIELD_COUNT);
      lengths.set(this.fieldLengths.subarray(ref * FIELD_COUNT, (ref + 1) * FIELD_COUNT), i * FIELD_COUNT);
      at += doc.terms.length;
    });
    starts[refs.length] = at;
    const sectionKeys: string[] = [];
    const keyOf = new Map<number, number>();
    const sections = refs.map((ref) => {
      const section = this.docs[ref]!.section;
      let key = keyOf.get(section);
      if (key === undefined) {
        key = sectionKeys.length;
        keyOf.set(section, key);
        sectionKeys.push(this.sectionKeys[section]!);
      }
      return key;
    });
    const data: StoredJson = { files: [...this.fileEntries], words, passages: refs.map((ref) => this.docs[ref]!.passage), sectionKeys, sections };
    const json = Buffer.from(JSON.stringify(data), 'utf8');
    const head = Buffer.alloc(4);
    head.writeUInt32LE(json.length);
    const pad = Buffer.alloc((4 - ((4 + json.length) % 4)) % 4);
    return [head, json, pad, bytesOf(starts), bytesOf(terms), bytesOf(tf), bytesOf(lengths)];
  }

  /** A store holding what `toChunks` gave, read as one buffer. Throws on bytes it did not write (the caller rebuilds). */
  static fromBytes(bytes: Uint8Array): MemoryIndexStore {
    if (!LITTLE_ENDIAN) throw new Error('the index file format is little-endian');
    const corrupt = (): Error => new Error('not an index written by toChunks');
    if (bytes.length < 4) throw corrupt();
    const jsonLength = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true);
    const json = bytes.subarray(4, 4 + jsonLength);
    const data = JSON.parse(Buffer.from(json.buffer, json.byteOffset, json.byteLength).toString('utf8')) as unknown;
    // Valid JSON of the wrong shape (a field of another type, written by another tool or by hand)
    // would break search later, far from here: refused now, and the caller rebuilds.
    if (!isStoredJson(data)) throw corrupt();
    const start = 4 + jsonLength + ((4 - ((4 + jsonLength) % 4)) % 4);
    // Typed-array views need 4-byte alignment in memory; a misaligned part is copied (persist.ts
    // pads its header so that it is not). A copy, not `slice`: Buffer's slice is a view.
    const numbers = (bytes.byteOffset + start) % 4 === 0 ? bytes.subarray(start) : new Uint8Array(bytes.subarray(start));
    let at = 0;
    const take = <T extends Int32Array | Float32Array>(Type: new (buffer: ArrayBufferLike, offset: number, length: number) => T, length: number): T => {
      if (at + length * 4 > numbers.byteLength) throw corrupt();
      const array = new Type(numbers.buffer, numbers.byteOffset + at, length);
      at += length * 4;
      return array;
    };
    const n = data.passages.length;
    const starts = take(Int32Array, n + 1);
    const occurrences = starts[n]!;
    const terms = take(Int32Array, occurrences);
    const tf = take(Float32Array, occurrences * FIELD_COUNT);
    const lengths = take(Float32Array, n * FIELD_COUNT);
    if (at !== numbers.byteLength || starts[0] !== 0) throw corrupt();
    for (const values of [tf, lengths]) for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i]!) || values[i]! < 0) throw corrupt();

    const store = new MemoryIndexStore();
    for (const word of data.words) {
      store.vocab.set(word, store.words.length);
      store.words.push(word);
    }
    const wordCount = store.words.length;
    if (store.vocab.size !== wordCount) throw corrupt();
    const df = new Int32Array(wordCount);
    for (let ref = 0; ref < n; ref++) {
      const from = starts[ref]!;
      const to = starts[ref + 1]!;
      if (to < from || to > occurrences) throw corrupt();
      let last = -1;
      for (let j = from; j < to; j++) {
        const id = terms[j]!;
        if (id <= last || id >= wordCount) throw corrupt();
        df[id]++;
        last = id;
      }
      const passage = data.passages[ref]!;
      const key = data.sectionKeys[data.sections[ref]!];
      if (typeof key !== 'string') throw corrupt();
      const section = store.sectionNumber(key);
      store.docs.push({ passage, section, terms: terms.subarray(from, to), tf: tf.subarray(from * FIELD_COUNT, to * FIELD_COUNT) });
      store.place(ref, passage, section, lengths.subarray(ref * FIELD_COUNT, (ref + 1) * FIELD_COUNT));
    }
    // The posting lists now, not on first use: a warm run asks at once, and `df` is counted.
    store.postingLists = transpose(store.docs, df);
    for (const [file, entry] of data.files) store.fileEntries.set(file, { ...entry, ids: [...entry.ids] });
    return store;
  }

  private termId(term: string): number {
    let id = this.vocab.get(term);
    if (id === undefined) {
      id = this.words.length;
      this.vocab.set(term, id);
      this.words.push(term);
    }
    return id;
  }

  /** The posting lists of the live passages, made from their term vectors after a change. */
  private lists(): Lists {
    if (this.postingLists === null) {
      const df = new Int32Array(this.words.length);
      for (const doc of this.docs) if (doc) for (let j = 0; j < doc.terms.length; j++) df[doc.terms[j]!]++;
      this.postingLists = transpose(this.docs, df);
    }
    return this.postingLists;
  }

  /** A passage's place of each term number while the passage is added (add). */
  private placeOf = new Int32Array(0);

  private add(doc: AnalyzedPassage): void {
    const ref = this.docs.length;
    // Term numbers in ascending order, as toChunks writes them: sorted as a typed array (no
    // comparator), each one's place in the passage found again by number. The terms and their
    // rows are taken in one forEach: an iterator over the Map is a call and a result object per
    // term in the unoptimised code most of a cold build runs in.
    const size = doc.terms.size;
    const rows = new Array<number[]>(size);
    const termIds = new Int32Array(size);
    if (this.placeOf.length < this.words.length + size) this.placeOf = new Int32Array((this.words.length + size) * 2);
    let i = 0;
    doc.terms.forEach((row, term) => {
      const id = this.termId(term);
      termIds[i] = id;
      rows[i] = row;
      this.placeOf[id] = i++;
    });
    termIds.sort();
    const tfs = new Float32Array(size * FIELD_COUNT);
    for (i = 0; i < size; i++) {
      const row = rows[this.placeOf[termIds[i]!]!]!;
      for (let f = 0; f < FIELD_COUNT; f++) tfs[i * FIELD_COUNT + f] = row[f] ?? 0;
    }
    const section = this.sectionNumber(doc.section);
    this.docs.push({ passage: doc.passage, section, terms: termIds, tf: tfs });
    this.place(ref, doc.passage, section, doc.lengths);
  }

  /** The store's number for a section key, made on first use. */
  private sectionNumber(key: string): number {
    let section = this.sectionIds.get(key);
    if (section === undefined) {
      section = this.sectionKeys.length;
      this.sectionIds.set(key, section);
      this.sectionKeys.push(key);
      this.growSections(section + 1);
    }
    return section;
  }

  /** Record passage `ref` (added, or read by fromBytes): its id, field lengths and section. */
  private place(ref: number, passage: Passage, section: number, lengths: ArrayLike<number>): void {
    this.byId.set(passage.id, ref);
    if (this.fieldLengths.length < (ref + 1) * FIELD_COUNT) {
      const capacity = Math.max(64, (ref + 1) * 2);
      const grown = new Float32Array(capacity * FIELD_COUNT);
      grown.set(this.fieldLengths);
      this.fieldLengths = grown;
    }
    if (this.sectionLive[section]++ === 0) this.liveSections++;
    this.sectionLength[section] += lengths[0] ?? 0;
    for (let f = 0; f < FIELD_COUNT; f++) {
      const len = lengths[f] ?? 0;
      this.fieldLengths[ref * FIELD_COUNT + f] = len;
      this.lengthSums[f] += len;
    }
  }

  private growSections(size: number): void {
    if (this.sectionLength.length >= size) return;
    const capacity = Math.max(64, size * 2);
    const length = new Float64Array(capacity);
    length.set(this.sectionLength);
    this.sectionLength = length;
    const live = new Int32Array(capacity);
    live.set(this.sectionLive);
    this.sectionLive = live;
  }

  private remove(id: string): void {
    const ref = this.byId.get(id);
    if (ref === undefined) return;
    this.byId.delete(id);
    const section = this.docs[ref]!.section;
    this.docs[ref] = null;
    this.dead++;
    if (--this.sectionLive[section]! === 0) this.liveSections--;
    this.sectionLength[section] -= this.fieldLengths[ref * FIELD_COUNT]!;
    for (let f = 0; f < FIELD_COUNT; f++) this.lengthSums[f] -= this.fieldLengths[ref * FIELD_COUNT + f]!;
  }

  /** Renumber the live passages (the posting lists are made again when next needed). */
  private compact(): void {
    const live: Array<{ doc: DocEntry; key: string; lengths: Float32Array }> = [];
    for (let ref = 0; ref < this.docs.length; ref++) {
      const doc = this.docs[ref];
      if (doc) live.push({ doc, key: this.sectionKeys[doc.section]!, lengths: this.fieldLengths.slice(ref * FIELD_COUNT, (ref + 1) * FIELD_COUNT) });
    }
    this.docs = [];
    this.dead = 0;
    this.byId.clear();
    this.fieldLengths = new Float32Array(0);
    this.sectionIds.clear();
    this.sectionKeys.length = 0;
    this.sectionLength = new Float64Array(0);
    this.sectionLive = new Int32Array(0);
    this.liveSections = 0;
    this.lengthSums.fill(0);
    this.postingLists = null;
    for (const { doc, key, lengths } of live) {
      const section = this.sectionNumber(key);
      const ref = this.docs.length;
      this.docs.push({ ...doc, section });
      this.place(ref, doc.passage, section, lengths);
    }
  }
}

/**
 * The posting lists of the live passages `docs`: their term vectors transposed, passages in
 * ascending order; `df` counts the passages holding each term number.
 */
function transpose(docs: ReadonlyArray<DocEntry | null>, df: Int32Array): Lists {
  const words = df.length;
  const start = new Int32Array(words + 1);
  for (let id = 0; id < words; id++) start[id + 1] = start[id]! + df[id]!;
  const occurrences = start[words]!;
  const listDocs = new Int32Array(occurrences);
  const listTf = new Float32Array(occurrences * FIELD_COUNT);
  const fill = start.slice(0, words);
  for (let ref = 0; ref < docs.length; ref++) {
    const doc = docs[ref];
    if (!doc) continue;
    for (let j = 0; j < doc.terms.length; j++) {
      const slot = fill[doc.terms[j]!]!++;
      listDocs[slot] = ref;
      for (let f = 0; f < FIELD_COUNT; f++) listTf[slot * FIELD_COUNT + f] = doc.tf[j * FIELD_COUNT + f]!;
    }
  }
  return { start, docs: listDocs, tf: listTf };
}
