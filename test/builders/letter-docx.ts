/**
 * Build a DOCX from a letter's text the way Word stores it: one paragraph per paragraph, and list
 * items as real Word lists, the label taken out of the text and put in a numbering definition
 * ("1." and "1)" as decimal levels, "a." as a lettered level 1, "•" as Word's Symbol-font bullet,
 * "-"/"–" bullets, "o" sub-bullets). A numbered list interrupted by other paragraphs continues
 * (Word prints 1, 2, 3 across the interruption); a number that does not follow on starts a new list.
 * Built at test time; no binary is committed.
 */
import {
  AlignmentType,
  Document,
  FootnoteReferenceRun,
  Header,
  LevelFormat,
  Packer,
  Paragraph,
  TextRun,
  type ILevelsOptions,
  type ParagraphChild,
} from 'docx';
import { splitLetter, type LetterParagraph } from './letter-lines.js';

export interface LetterDocxOptions {
  /** Running header (Word's page header; not body text). Null for none. */
  header?: string | null;
  /** Footnotes: the marker goes right after the first occurrence of `after`. */
  footnotes?: { after: string; text: string }[];
  /** Write the letter's blank lines as empty paragraphs. Default false. */
  keepBlankLines?: boolean;
}

export interface BuiltDocx {
  data: Uint8Array;
  /** The labels Word prints, in document order. */
  labels: string[];
}

const BULLET_TEXT: Record<string, { text: string; font?: string }> = {
  // Word's default bullet: U+F0B7 in the Symbol font.
  '•': { text: '\uf0b7', font: 'Symbol' },
  '-': { text: '-' },
  '–': { text: '–' },
};

export function level(levelIndex: number, format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string, start = 1, font?: string): ILevelsOptions {
  return {
    level: levelIndex,
    format,
    text,
    start,
    alignment: AlignmentType.LEFT,
    style: {
      paragraph: { indent: { left: 720 * (levelIndex + 1), hanging: 360 } },
      ...(font ? { run: { font } } : {}),
    },
  };
}

interface ListPlan {
  reference: string;
  levels: ILevelsOptions[];
}

/** Which numbering definition and level each list paragraph uses. */
export function planLists(paragraphs: LetterParagraph[]): { configs: ListPlan[]; uses: Map<number, { reference: string; level: number }> } {
  const configs: ListPlan[] = [];
  const uses = new Map<number, { reference: string; level: number }>();
  let numbered: { reference: string; delimiter: string; next: number; plan: ListPlan } | null = null;
  const bulletRefs = new Map<string, string>();
  let lastBullet: string | null = null;
  const bulletRef = (char: string): string => {
    let ref = bulletRefs.get(char);
    if (!ref) {
      ref = `bullet-${bulletRefs.size}`;
      bulletRefs.set(char, ref);
      const b = BULLET_TEXT[char] ?? { text: char };
      configs.push({
        reference: ref,
        levels: [level(0, LevelFormat.BULLET, b.text, 1, b.font), level(1, LevelFormat.BULLET, 'o', 1, 'Courier New')],
      });
    }
    return ref;
  };
  paragraphs.forEach((p, i) => {
    if (p.kind === 'numbered') {
      if (!numbered || numbered.delimiter !== p.delimiter || numbered.next !== p.number) {
        const reference = `numbered-${configs.length}`;
        const plan: ListPlan = {
          reference,
          levels: [level(0, LevelFormat.DECIMAL, `%1${p.delimiter}`, p.number!), level(1, LevelFormat.LOWER_LETTER, '%2.')],
        };
        configs.push(plan);
        numbered = { reference, delimiter: p.delimiter!, next: p.number!, plan };
      }
      uses.set(i, { reference: numbered.reference, level: 0 });
      numbered.next++;
    } else if (p.kind === 'lettered') {
      if (numbered) {
        numbered.plan.levels[1] = level(1, LevelFormat.LOWER_LETTER, `%2${p.delimiter}`);
        uses.set(i, { reference: numbered.reference, level: 1 });
      } else {
        const reference = `lettered-${configs.length}`;
        configs.push({ reference, levels: [level(0, LevelFormat.LOWER_LETTER, `%1${p.delimiter}`, p.number!)] });
        uses.set(i, { reference, level: 0 });
      }
    } else if (p.kind === 'bullet' && p.level === 0) {
      lastBullet = bulletRef(p.label!);
      uses.set(i, { reference: lastBullet, level: 0 });
    } else if (p.kind === 'bullet') {
      // An "o" sub-item: level 1 of the bullet list it follows, as Word's Tab key makes it.
      uses.set(i, { reference: lastBullet ?? bulletRef('•'), level: 1 });
    }
  });
  return { configs, uses };
}

export async function buildLetterDocx(text: string, options: LetterDocxOptions = {}): Promise<BuiltDocx> {
  const paragraphs = splitLetter(text);
  const { configs, uses } = planLists(paragraphs);
  const footnotes: Record<number, { children: Paragraph[] }> = {};
  const anchors = new Map<number, { at: number; id: number }[]>();
  (options.footnotes ?? []).forEach((spec, n) => {
    const index = paragraphs.findIndex((p) => p.text.includes(spec.after));
    if (index < 0) throw new Error(`footnote anchor not found: ${spec.after}`);
    const p = paragraphs[index]!;
    const at = p.text.indexOf(spec.after) + spec.after.length;
    // The marker goes at the end of the word the anchor ends in.
    const wordEnd = p.text.slice(at).search(/\s|$/);
    const list = anchors.get(index) ?? [];
    list.push({ at: at + wordEnd, id: n + 1 });
    anchors.set(index, list);
    footnotes[n + 1] = { children: [new Paragraph(spec.text)] };
  });
  const children: Paragraph[] = [];
  paragraphs.forEach((p, i) => {
    if (p.kind === 'blank') {
      if (options.keepBlankLines) children.push(new Paragraph({}));
      return;
    }
    const runs: ParagraphChild[] = [];
    let from = 0;
    for (const anchor of (anchors.get(i) ?? []).sort((a, b) => a.at - b.at)) {
      runs.push(new TextRun(p.text.slice(from, anchor.at)), new FootnoteReferenceRun(anchor.id));
      from = anchor.at;
    }
    if (from < p.text.length) runs.push(new TextRun(p.text.slice(from)));
    const use = uses.get(i);
    children.push(new Paragraph({ children: runs, ...(use ? { numbering: use } : {}) }));
  });
  const labels = paragraphs.filter((p) => p.label !== null).map((p) => p.label!);
  const header = options.header === undefined ? null : options.header;
  const doc = new Document({
    numbering: { config: configs },
    footnotes,
    sections: [
      {
        ...(header ? { headers: { default: new Header({ children: [new Paragraph(header)] }) } } : {}),
        children,
      },
    ],
  });
  const buffer = await Packer.toBuffer(doc);
  return { data: new Uint8Array(buffer), labels };
}
