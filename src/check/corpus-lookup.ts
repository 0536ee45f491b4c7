/**
 * The corpus as the citation rule sees it, read only as far as the answers cite it: a cited
 * document's passage ids come from the persisted index (`.answer/index.bin`, which keeps them
 * with the file's content hash) when the file is unchanged since the index was written; else the
 * file is split as the corpus stage splits it. Earlier answers cited as sources are answer
 * documents of the workspace, read for their passages.
 *
 * Splitting the cited policy documents again was 30 % of `answer check` on the 1,000 letters of
 * bench/check.ts; the index's ids are read from its first kilobytes (link/index-file.ts) and load
 * none of the analysis or the readers.
 */
import { createHash } from 'node:crypto';
import { basename, resolve } from 'node:path';
import { readAnswerDocument } from '../documents/answer-document.js';
import { readBytes } from '../documents/read-file.js';
import { readIndexedFiles, type IndexedFile } from '../link/index-file.js';
import { MAX_CORPUS_FILE_BYTES, PASSAGES_VERSION } from '../corpus/passages-version.js';
import type { Passage } from '../model.js';
import type { CitationLookup } from './citations.js';
import { type AnswerFile, display, markdownFiles } from './load-workspace.js';

interface DocEntry {
  ids: Set<string>;
  /** Line ranges of the passages split so far. */
  ranges: Array<[number, number]>;
  /** Files whose ids came from the index: split only when a citation needs their lines. */
  pending: Array<{ path: string; file: string }>;
}

type Splitter = (text: string, options: { file: string; doc: string }) => { passages: Passage[] };
type AnswerSplitter = typeof import('../corpus/answer-passages.js').answerPassages;

export interface CorpusLookupStats {
  /** Cited corpus files whose passages came from the index. */
  fromIndex: number;
  /** Cited corpus files split again (no index, or changed since). */
  split: number;
}

export class CorpusLookup implements CitationLookup {
  private readonly docs = new Map<string, DocEntry>();
  /** The passage ids of every document loaded. */
  private readonly ids = new Set<string>();
  private corpusFiles: Map<string, string[]> | null = null;
  private indexed: Map<string, IndexedFile> | null = null;
  private split: Splitter | null = null;
  private answerSplit: AnswerSplitter | null = null;
  readonly stats: CorpusLookupStats = { fromIndex: 0, split: 0 };

  constructor(
    private readonly dir: string,
    private readonly corpusFolders: readonly string[],
    private readonly answers: readonly AnswerFile[],
  ) {}

  /** Make the documents these citations name ready to look up. */
  async load(citations: ReadonlyArray<{ doc: string; passage: string | null }>): Promise<void> {
    for (const { doc, passage } of citations) {
      if (!this.docs.has(doc)) await this.loadDoc(doc);
      if (passage) {
        // A passage id names its document before the colon: most often the citation's own.
        const colon = passage.indexOf(':');
        if (colon === doc.length && passage.startsWith(doc)) continue;
        if (colon > 0 && !this.docs.has(passage.slice(0, colon))) await this.loadDoc(passage.slice(0, colon));
      } else {
        // A citation without a passage id (shortened by hand) is found by its lines.
        await this.splitPending(doc);
      }
    }
  }

  hasPassage(id: string): boolean {
    return this.ids.has(id);
  }

  ranges(doc: string): ReadonlyArray<[number, number]> | undefined {
    const entry = this.docs.get(doc);
    return entry && entry.ids.size > 0 ? entry.ranges : undefined;
  }

  private async loadDoc(doc: string): Promise<void> {
    if (this.docs.has(doc)) return;
    const entry: DocEntry = { ids: new Set(), ranges: [], pending: [] };
    this.docs.set(doc, entry);
    if (this.corpusFiles === null) {
      this.corpusFiles = new Map();
      for (const folder of this.corpusFolders) {
        for (const path of await markdownFiles(resolve(this.dir, folder), this.dir)) {
          const slug = basename(path).replace(/\.md$/i, '');
          this.corpusFiles.set(slug, [...(this.corpusFiles.get(slug) ?? []), path]);
        }
      }
      this.indexed = readIndexedFiles(this.dir, PASSAGES_VERSION);
    }
    for (const path of this.corpusFiles.get(doc) ?? []) {
      const file = display(this.dir, path);
      const bytes = readBytes(path, MAX_CORPUS_FILE_BYTES, undefined);
      // A cited document that cannot be read has no passages, so its citations are stale.
      if (typeof bytes === 'string') continue;
      const known = this.indexed?.get(file);
      if (known && known.hash === createHash('sha256').update(bytes).digest('hex')) {
        for (const id of known.ids) {
          entry.ids.add(id);
          this.ids.add(id);
        }
        entry.pending.push({ path, file });
        this.stats.fromIndex++;
        continue;
      }
      const text = utf8(bytes);
      if (text === null) continue;
      this.stats.split++;
      for (const passage of (await this.splitter())(text, { file, doc }).passages) this.add(entry, passage);
    }
    for (const answer of this.answers) {
      if (basename(answer.path).replace(/\.md$/i, '') !== doc) continue;
      const bytes = readBytes(answer.path, MAX_CORPUS_FILE_BYTES, undefined);
      const text = typeof bytes === 'string' ? null : utf8(bytes);
      if (text === null) continue;
      const read = readAnswerDocument(text, answer.file);
      this.answerSplit ??= (await import('../corpus/answer-passages.js')).answerPassages;
      for (const passage of this.answerSplit(read.doc, answer.file, { text })) this.add(entry, passage);
    }
  }

  /** The lines of a document known by its index ids only: split its files now. */
  private async splitPending(doc: string): Promise<void> {
    const entry = this.docs.get(doc);
    if (!entry || entry.pending.length === 0) return;
    const split = await this.splitter();
    for (const { path, file } of entry.pending.splice(0)) {
      const bytes = readBytes(path, MAX_CORPUS_FILE_BYTES, undefined);
      const text = typeof bytes === 'string' ? null : utf8(bytes);
      if (text === null) continue;
      this.stats.split++;
      for (const passage of split(text, { file, doc }).passages) this.add(entry, passage);
    }
  }

  private add(entry: DocEntry, passage: Pick<Passage, 'id' | 'lines'>): void {
    entry.ids.add(passage.id);
    this.ids.add(passage.id);
    entry.ranges.push(passage.lines);
  }

  private async splitter(): Promise<Splitter> {
    this.split ??= (await import('../corpus/split-passages.js')).splitPassages;
    return this.split;
  }
}

function utf8(bytes: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
