/**
 * The three policy seeds as the documents their authors wrote in Word: title, headings with their
 * levels, paragraphs, list items and footnotes, read back from the shipped `corpus/*.md`. Those
 * files are the converter's own output for the seed texts, checked by hand and pinned by
 * `src/corpus/seeds.test.ts` (no word of the seed lost), so their headings are the known headings
 * of each seed. The PDF and DOCX builders draw these documents; the corpus bench and tests compare
 * what `answer corpus add` makes of them with the headings and words here.
 */
import { readFileSync } from 'node:fs';

/** A piece of running text: words, or a footnote reference (the footnote's 1-based number). */
export type PolicyInline = { text: string } | { note: number };

export type PolicyBlock =
  | { kind: 'title'; text: string }
  | {
      kind: 'heading';
      /** Word's heading level: 1 for "Heading 1" / "Kop 1" (a `##` heading in the corpus file). */
      level: number;
      /** The number as printed ("4.3", "1."), or null for an unnumbered heading. */
      label: string | null;
      /** The number's parts ("4.3" → [4, 3]), or null. */
      number: number[] | null;
      /** The heading's text after its number. */
      text: string;
    }
  | { kind: 'paragraph'; inlines: PolicyInline[] }
  | {
      kind: 'item';
      list: 'bullet' | 'ordered' | 'letter';
      /** "3." for an ordered item, "a." for a lettered one, null for a bullet. */
      label: string | null;
      inlines: PolicyInline[];
    };

export interface PolicyDocument {
  /** The seed's file name without extension, e.g. "koers-sociaal-domein-2023". */
  slug: string;
  title: string;
  blocks: PolicyBlock[];
  /** Footnote texts; footnote n is `footnotes[n - 1]`, numbered in the order of their references. */
  footnotes: string[];
}

export const POLICY_SEEDS = [
  'koers-sociaal-domein-2023',
  'zwolse-agenda-zorg-en-veiligheid-2025-2026',
  'beleidsnota-welzijn-en-zorg-2005-meedoen-nu-en-later',
] as const;

const CORPUS = new URL('../../corpus/', import.meta.url);
/** The heading the converter writes above footnotes and link lines: not the author's. */
const NOTES_HEADING = 'Voetnoten';
const HEADING_NUMBER = /^(\d{1,2}(?:\.\d{1,2}){0,3})(\.?)\s+(.+)$/;

/** Undo the converter's markdown escapes ("5\." at a line start, "\<", "\*"). */
function unescape(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** A seed policy document, read from `corpus/<slug>.md`. */
export function policySeed(slug: string): PolicyDocument {
  return readPolicyMarkdown(slug, readFileSync(new URL(`${slug}.md`, CORPUS), 'utf8'));
}

export function policySeeds(): PolicyDocument[] {
  return POLICY_SEEDS.map(policySeed);
}

/** Read a corpus markdown file as the converter writes it (one sentence per line, `[^n]` footnotes). */
export function readPolicyMarkdown(slug: string, markdown: string): PolicyDocument {
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
  const blocks: PolicyBlock[] = [];
  const noteTexts = new Map<string, string>();
  const links: string[] = [];
  let title = '';
  let open: { lines: string[]; list: 'bullet' | 'ordered' | 'letter' | null; label: string | null } | null = null;
  let inNotes = false;
  let note: string | null = null;
  const close = (): void => {
    if (!open) return;
    const inlines = [{ text: open.lines.join(' ') }];
    blocks.push(open.list ? { kind: 'item', list: open.list, label: open.label, inlines } : { kind: 'paragraph', inlines });
    open = null;
  };
  for (const line of body.split('\n')) {
    const heading = /^(#{1,6}) (.*)$/.exec(line);
    if (heading) {
      close();
      const text = unescape(heading[2]!.trim());
      if (heading[1]!.length === 1) {
        title = text;
        blocks.push({ kind: 'title', text });
      } else if (text === NOTES_HEADING) {
        inNotes = true;
      } else {
        const n = HEADING_NUMBER.exec(text);
        blocks.push({
          kind: 'heading',
          level: heading[1]!.length - 1,
          label: n ? `${n[1]}${n[2]}` : null,
          number: n ? n[1]!.split('.').map(Number) : null,
          text: n ? n[3]! : text,
        });
      }
      continue;
    }
    if (inNotes) {
      const def = /^\[\^([^\]]+)\]: ?(.*)$/.exec(line);
      const link = /^- <(.*)>$/.exec(line);
      if (def) {
        note = def[1]!;
        noteTexts.set(note, unescape(def[2]!));
      } else if (link) {
        links.push(link[1]!);
      } else if (note !== null && /^\s+\S/.test(line)) {
        noteTexts.set(note, `${noteTexts.get(note)} ${unescape(line.trim())}`);
      }
      continue;
    }
    if (line.trim() === '') {
      close();
      continue;
    }
    const bullet = /^- (.*)$/.exec(line);
    const ordered = /^(\d{1,3})\. (.*)$/.exec(line);
    if (bullet || ordered) {
      close();
      const text = bullet ? bullet[1]! : ordered![2]!;
      const letter = bullet ? /^([a-z])\. (.*)$/.exec(text) : null;
      if (letter) open = { lines: [letter[2]!], list: 'letter', label: `${letter[1]}.` };
      else open = { lines: [text], list: bullet ? 'bullet' : 'ordered', label: ordered ? `${ordered[1]}.` : null };
      continue;
    }
    if (open) open.lines.push(line.trim());
    else open = { lines: [line.trim()], list: null, label: null };
  }
  close();

  // Footnotes are numbered as Word numbers them: by the order of their references.
  const numbers = new Map<string, number>();
  const footnotes: string[] = [];
  for (const block of blocks) {
    if (block.kind !== 'paragraph' && block.kind !== 'item') continue;
    const text = (block.inlines[0] as { text: string }).text;
    const inlines: PolicyInline[] = [];
    let last = 0;
    for (const ref of text.matchAll(/\[\^([^\]]+)\]/g)) {
      const key = ref[1]!;
      if (!numbers.has(key) && noteTexts.has(key)) {
        footnotes.push(noteTexts.get(key)!);
        numbers.set(key, footnotes.length);
      }
      const n = numbers.get(key);
      if (n === undefined) continue;
      if (ref.index > last) inlines.push({ text: unescape(text.slice(last, ref.index)) });
      inlines.push({ note: n });
      last = ref.index + ref[0].length;
    }
    if (last < text.length) inlines.push({ text: unescape(text.slice(last)) });
    block.inlines = inlines;
  }
  // Link lines (what a PDF left of hyperlinks at a page's foot) close the document as paragraphs.
  for (const url of links) blocks.push({ kind: 'paragraph', inlines: [{ text: url }] });
  return { slug, title, blocks, footnotes };
}

/** A heading as printed: its number and text. */
export function headingText(block: Extract<PolicyBlock, { kind: 'heading' }>): string {
  return block.label ? `${block.label} ${block.text}` : block.text;
}

/** The document's headings as printed (the title not among them). */
export function knownHeadings(doc: PolicyDocument): Array<{ text: string; level: number }> {
  return doc.blocks.flatMap((b) => (b.kind === 'heading' ? [{ text: headingText(b), level: b.level }] : []));
}

/** The text of a run of inlines, footnote references left out. */
export function plainText(inlines: PolicyInline[]): string {
  return inlines.map((i) => ('text' in i ? i.text : '')).join('');
}

/** Every word the document holds, in reading order: title, headings, text, list labels, footnotes. */
export function documentText(doc: PolicyDocument): string {
  const parts: string[] = [];
  for (const block of doc.blocks) {
    if (block.kind === 'title') parts.push(block.text);
    else if (block.kind === 'heading') parts.push(headingText(block));
    else if (block.kind === 'paragraph') parts.push(plainText(block.inlines));
    else parts.push(block.label ? `${block.label} ${plainText(block.inlines)}` : plainText(block.inlines));
  }
  return [...parts, ...doc.footnotes].join('\n');
}

/** A sentence of running text, long enough to wrap. */
export function sampleSentence(start: string): string {
  return `${start} werkt de gemeente samen met zorgpartners, de politie en het Veiligheidshuis, zodat inwoners met verward gedrag op tijd de juiste hulp krijgen en de buurt dat merkt.`;
}

/** A heading block; `label` "1.1" gives the number [1, 1]. */
export function policyHeading(level: number, text: string, label: string | null = null): PolicyBlock {
  return { kind: 'heading', level, label, number: label ? label.replace(/\.$/, '').split('.').map(Number) : null, text };
}

/** A paragraph of two sentences. */
export function policyParagraph(start: string): PolicyBlock {
  return { kind: 'paragraph', inlines: [{ text: `${sampleSentence(start)} ${sampleSentence('Daarnaast')}` }] };
}

/** A small policy document: title, numbered chapters and sections, an unnumbered sub-section. */
export const sampleNota: PolicyDocument = {
  slug: 'nota',
  title: 'Nota zorg en veiligheid 2025',
  footnotes: [],
  blocks: [
    { kind: 'title', text: 'Nota zorg en veiligheid 2025' },
    policyHeading(1, 'Inleiding en proces', '1'),
    policyParagraph('In Zwolle'),
    policyHeading(2, 'Urgentie', '1.1'),
    policyParagraph('Sinds 2023'),
    policyHeading(3, 'Samenwerking met de politie'),
    policyParagraph('In elke wijk'),
    policyHeading(1, 'Beleid over zorg en veiligheid', '2'),
    policyParagraph('Op het snijvlak'),
  ],
};
