/**
 * Step 7 of the conversion: write the blocks as markdown.
 *
 * One sentence per line ("semantic line breaks"): markdown renders it as the same paragraph, a
 * diff shows the sentence that changed, and a passage's line range points at its sentences.
 * Footnotes and link lines go to the end, under "Voetnoten".
 */
import type { Block } from './blocks.js';
import { REF_CLOSE, REF_OPEN, type Footnote, type LinkLine } from './footnotes.js';
import { joinLines, type Vocabulary } from '../text/hyphenation.js';
import { autolink, escapeHeading, escapeText, escapeLineStart } from '../text/markdown-escape.js';
import { splitSentences } from '../text/sentences.js';

/** The heading the converter adds above the footnotes: the only words it writes itself. */
export const FOOTNOTES_HEADING = 'Voetnoten';

export interface Rendered {
  body: string;
  /** Unreadable glyphs (U+FFFD) dropped from the text. */
  glyphs: number;
}

const REF = new RegExp(`${REF_OPEN}([^${REF_CLOSE}]*)${REF_CLOSE}`, 'g');

/** Render markdown body text for a title, blocks, footnotes and links. */
export function renderPolicyMarkdown(title: string, blocks: Block[], footnotes: Footnote[], links: LinkLine[], vocabulary: Vocabulary): Rendered {
  let glyphs = 0;
  const clean = (text: string): string => {
    const stripped = text.replace(/\ufffd/g, () => {
      glyphs++;
      return '';
    });
    return stripped.replace(/\s+/g, ' ').trim();
  };
  /** Sentences of a run of lines, escaped, one per output line, the first without indentation. */
  const sentenceLines = (lines: string[], indent: string): string[] =>
    splitSentences(clean(joinLines(lines, vocabulary))).map((sentence, i) => {
      const escaped = escapeLineStart(escapeText(sentence).replace(REF, '[^$1]'));
      return i === 0 ? escaped : `${indent}${escaped}`;
    });

  const out: string[] = [`# ${escapeHeading(clean(title))}`];
  for (const block of blocks) {
    if (block.kind === 'heading') {
      out.push('', `${'#'.repeat(block.depth)} ${escapeHeading(clean(block.text))}`);
      continue;
    }
    if (block.kind === 'paragraph') {
      const lines = sentenceLines(block.lines.map((l) => l.text), '');
      if (lines.length > 0) out.push('', ...lines);
      continue;
    }
    out.push('');
    for (const item of block.items) {
      const marker = block.list === 'ordered' ? `${Number.parseInt(item.label ?? '1', 10)}.` : '-';
      const prefix = block.list === 'letter' && item.label ? `${escapeText(item.label)} ` : '';
      const indent = ' '.repeat(marker.length + 1);
      const lines = sentenceLines(item.lines.map((l) => l.text), indent);
      if (lines.length === 0) continue;
      out.push(`${marker} ${prefix}${lines[0]!}`, ...lines.slice(1));
    }
  }
  if (footnotes.length > 0 || links.length > 0) {
    out.push('', `## ${FOOTNOTES_HEADING}`);
    for (const note of footnotes) {
      const lines = sentenceLines(note.lines.map((l) => l.text), '    ');
      out.push('', `[^${note.label}]: ${lines[0] ?? ''}`, ...lines.slice(1));
    }
    if (links.length > 0) {
      out.push('');
      for (const link of links) out.push(`- ${autolink(link.url)}`);
    }
  }
  return { body: `${out.join('\n')}\n`, glyphs };
}
