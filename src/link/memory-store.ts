/**
 * The in-memory IndexStore: typed-array posting lists per term, passages by number.
 *
 * Removal marks a passage dead and leaves its postings in place; `postings` skips dead ones and
 * the lists are rebuilt from the live passages once a quarter of them is dead. Typed arrays keep
 * the 100× synthetic corpus (bench/link.ts) far under its 1 GB budget.
 */
import type { Passage } from '../model.js';
import {
  FIELD_COUNT,
  type AnalyzedPassage,
  type FileEntry,
  type IndexStats,
  type IndexStore,
  type PostingList,
  type Postings,
  type StoredPassage,
} from './index-store.js';

interface Growable {
  docs: Int32Array;
  tf: Float32Array;
  n: number;
}

interface DocEntry {
  passage: Passage;
  /** Term ids of the passage, ascending. */
  terms: Int32Array;
  /** FIELD_COUNT frequencies per term, in `terms` order. */
  tf: Float32Array;
}

/** A snapshot of the store's content, as plain data (for persistence). */
export interface StoreSnapshot {
  files: Array<[string, FileEntry]>;
  docs: Array<{ passage: Passage; lengths: number[]; terms: Array<[string, number[]]> }>;
}

export class MemoryIndexStore implements IndexStore {
  private readonly vocab = new Map<string, number>();
  private readonly words: string[] = [];
  private lists: Growable[] = [];
  private docs: Array<DocEntry | null> = [];
  private fieldLengths = new Float32Array(0);
  private sectionOf = new Int32Array(0);
  private readonly sectionIds = new Map<string, number>();
  /** Per section number: summed text length and live passage count; its lead passage and line. */
  private sectionLength = new Float64Array(0);
  private sectionLive = new Int32Array(0);
  private sectionLead = new Int32Array(0);
  private sectionLeadLine = new Int32Array(0);
  private liveSections = 0;
  private leads = new Uint8Array(0);
  private readonly byId = new Map<string, number>();
  private readonly fileEntries = new Map<string, FileEntry>();
  private dead = 0;
  private readonly lengthSums = new Array<number>(FIELD_COUNT).fill(0);

  async files(): Promise<Map<string, FileEntry>> {
    return new Map(this.fileEntries);
  }

  async update(
    docs: readonly AnalyzedPassage[],
    removedIds: readonly string[],
    files?: ReadonlyMap<string, FileEntry | null>,
  ): Promise<void> {
    this.updateSync(docs, removedIds, files);
  }

  /** `update` without the promise, for building and tests. */
  updateSync(docs: readonly AnalyzedPassage[], removedIds: readonly string[], files?: ReadonlyMap<string, FileEntry | null>): void {
    for (const id of removedIds) this.remove(id);
    for (const doc of docs) {
      this.remove(doc.passage.id);
      this.add(doc);
    }
    if (files) {
      for (const [file, entry] of files) {
        if (entry) this.fileEntries.set(file, { hash: entry.hash, ids: [...entry.ids] });
        else this.fileEntries.delete(file);
      }
    }
    if (this.dead > 0 && this.dead * 4 > this.docs.length) this.compact();
  }

  async postings(terms: readonly string[]): Promise<Postings> {
    const lists = new Map<string, PostingList>();
    for (const term of terms) {
      const id = this.vocab.get(term);
      if (id === undefined) continue;
      const list = this.lists[id]!;
      if (list.n === 0) continue;
      if (this.dead === 0) {
        lists.set(term, { df: list.n, docs: list.docs.subarray(0, list.n), tf: list.tf.subarray(0, list.n * FIELD_COUNT) });
        continue;
      }
      const docs: number[] = [];
      const tf: number[] = [];
      for (let i = 0; i < list.n; i++) {
        const ref = list.docs[i]!;
        if (!this.docs[ref]) continue;
        docs.push(ref);
        for (let f = 0; f < FIELD_COUNT; f++) tf.push(list.tf[i * FIELD_COUNT + f]!);
      }
      if (docs.length > 0) lists.set(term, { df: docs.length, docs, tf });
    }
    let total = 0;
    for (let s = 0; s < this.sectionIds.size; s++) total += this.sectionLength[s]!;
    return {
      lists,
      fieldLengths: this.fieldLengths,
      sections: this.sectionOf,
      sectionLengths: this.sectionLength,
      sectionCount: this.liveSections,
      avgSectionLength: this.liveSections > 0 ? total / this.liveSections : 0,
      leads: this.leads,
    };
  }

  async passages(refs: readonly number[]): Promise<StoredPassage[]> {
    const out: StoredPassage[] = [];
    for (const ref of refs) {
      const doc = this.docs[ref];
      if (!doc) continue;
      const weights = new Float32Array(doc.terms.length);
      for (let i = 0; i < doc.terms.length; i++) weights[i] = doc.tf[i * FIELD_COUNT]!;
      out.push({ ref, passage: doc.passage, vector: { ids: doc.terms, weights } });
    }
    return out;
  }

  async stats(): Promise<IndexStats> {
    return this.statsSync();
  }

  statsSync(): IndexStats {
    const live = this.docs.length - this.dead;
    return {
      passages: live,
      terms: this.vocab.size,
      files: this.fileEntries.size,
      avgLength: this.lengthSums.map((sum) => (live > 0 ? sum / live : 0)),
    };
  }

  /** The whole content as plain data. */
  snapshot(): StoreSnapshot {
    const docs: StoreSnapshot['docs'] = [];
    for (let ref = 0; ref < this.docs.length; ref++) {
      const doc = this.docs[ref];
      if (!doc) continue;
      const terms: Array<[string, number[]]> = [];
      for (let i = 0; i < doc.terms.length; i++) {
        terms.push([this.words[doc.terms[i]!]!, Array.from(doc.tf.subarray(i * FIELD_COUNT, (i + 1) * FIELD_COUNT))]);
      }
      docs.push({ passage: doc.passage, lengths: this.lengthsOf(ref), terms });
    }
    return { files: [...this.fileEntries], docs };
  }

  /** A store holding a snapshot's content. */
  static fromSnapshot(snapshot: StoreSnapshot): MemoryIndexStore {
    const store = new MemoryIndexStore();
    const docs = snapshot.docs.map((d) => ({ passage: d.passage, lengths: d.lengths, terms: new Map(d.terms) }));
    store.updateSync(docs, [], new Map(snapshot.files));
    return store;
  }

  private lengthsOf(ref: number): number[] {
    return Array.from(this.fieldLengths.subarray(ref * FIELD_COUNT, (ref + 1) * FIELD_COUNT));
  }

  private termId(term: string): number {
    let id = this.vocab.get(term);
    if (id === undefined) {
      id = this.words.length;
      this.vocab.set(term, id);
      this.words.push(term);
      this.lists.push({ docs: new Int32Array(4), tf: new Float32Array(4 * FIELD_COUNT), n: 0 });
    }
    return id;
  }

  private add(doc: AnalyzedPassage): void {
    const ref = this.docs.length;
    // Term numbers in ascending order, so two passages compare by a merge (diversify.ts).
    const entries = [...doc.terms].map(([term, freqs]) => [this.termId(term), freqs] as const).sort((a, b) => a[0] - b[0]);
    const termIds = new Int32Array(entries.length);
    const tfs = new Float32Array(entries.length * FIELD_COUNT);
    let i = 0;
    for (const [id, freqs] of entries) {
      termIds[i] = id;
      const list = this.lists[id]!;
      if (list.n === list.docs.length) {
        const docs = new Int32Array(list.docs.length * 2);
        docs.set(list.docs);
        const tf = new Float32Array(list.tf.length * 2);
        tf.set(list.tf);
        list.docs = docs;
        list.tf = tf;
      }
      list.docs[list.n] = ref;
      for (let f = 0; f < FIELD_COUNT; f++) {
        const v = freqs[f] ?? 0;
        list.tf[list.n * FIELD_COUNT + f] = v;
        tfs[i * FIELD_COUNT + f] = v;
      }
      list.n++;
      i++;
    }
    this.docs.push({ passage: doc.passage, terms: termIds, tf: tfs });
    this.byId.set(doc.passage.id, ref);
    if (this.fieldLengths.length < (ref + 1) * FIELD_COUNT) {
      const capacity = Math.max(64, (ref + 1) * 2);
      const grown = new Float32Array(capacity * FIELD_COUNT);
      grown.set(this.fieldLengths);
      this.fieldLengths = grown;
      const sections = new Int32Array(capacity);
      sections.set(this.sectionOf);
      this.sectionOf = sections;
      const leads = new Uint8Array(capacity);
      leads.set(this.leads);
      this.leads = leads;
    }
    const key = `${doc.passage.doc}\u0000${doc.passage.heading.join('\u0000')}`;
    let section = this.sectionIds.get(key);
    if (section === undefined) {
      section = this.sectionIds.size;
      this.sectionIds.set(key, section);
      this.growSections(section + 1);
      this.sectionLead[section] = -1;
    }
    this.sectionOf[ref] = section;
    if (this.sectionLive[section]++ === 0) this.liveSections++;
    this.sectionLength[section] += doc.lengths[0] ?? 0;
    // The lead is the passage with the first line; a file is always replaced whole (build-index.ts),
    // so a section whose lead was removed gets its new lead when the file's passages come back.
    const line = doc.passage.lines[0];
    const lead = this.sectionLead[section]!;
    if (lead < 0 || line < this.sectionLeadLine[section]!) {
      if (lead >= 0) this.leads[lead] = 0;
      this.leads[ref] = 1;
      this.sectionLead[section] = ref;
      this.sectionLeadLine[section] = line;
    }
    for (let f = 0; f < FIELD_COUNT; f++) {
      const len = doc.lengths[f] ?? 0;
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
    const lead = new Int32Array(capacity);
    lead.set(this.sectionLead);
    this.sectionLead = lead;
    const line = new Int32Array(capacity);
    line.set(this.sectionLeadLine);
    this.sectionLeadLine = line;
  }

  private remove(id: string): void {
    const ref = this.byId.get(id);
    if (ref === undefined) return;
    this.byId.delete(id);
    this.docs[ref] = null;
    this.dead++;
    const section = this.sectionOf[ref]!;
    if (--this.sectionLive[section]! === 0) this.liveSections--;
    this.sectionLength[section] -= this.fieldLengths[ref * FIELD_COUNT]!;
    if (this.sectionLead[section] === ref) this.sectionLead[section] = -1;
    this.leads[ref] = 0;
    for (let f = 0; f < FIELD_COUNT; f++) this.lengthSums[f] -= this.fieldLengths[ref * FIELD_COUNT + f]!;
  }

  /** Renumber the live passages and rebuild the posting lists without the dead ones. */
  private compact(): void {
    const live: AnalyzedPassage[] = [];
    for (let ref = 0; ref < this.docs.length; ref++) {
      const doc = this.docs[ref];
      if (!doc) continue;
      const terms = new Map<string, number[]>();
      for (let i = 0; i < doc.terms.length; i++) {
        terms.set(this.words[doc.terms[i]!]!, Array.from(doc.tf.subarray(i * FIELD_COUNT, (i + 1) * FIELD_COUNT)));
      }
      live.push({ passage: doc.passage, lengths: this.lengthsOf(ref), terms });
    }
    this.docs = [];
    this.dead = 0;
    this.byId.clear();
    this.fieldLengths = new Float32Array(0);
    this.sectionOf = new Int32Array(0);
    this.sectionIds.clear();
    this.leads = new Uint8Array(0);
    this.sectionLength = new Float64Array(0);
    this.sectionLive = new Int32Array(0);
    this.sectionLead = new Int32Array(0);
    this.sectionLeadLine = new Int32Array(0);
    this.liveSections = 0;
    this.lengthSums.fill(0);
    for (const list of this.lists) list.n = 0;
    for (const doc of live) this.add(doc);
  }
}
