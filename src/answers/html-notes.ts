/**
 * Footnotes and endnotes of an HTML memo (memo-blocks.ts reads the memo): which in-page links are
 * note references, which elements are their notes, and each note's text.
 */
import type { Element, ElementContent, Root } from 'hast';

/**
 * A superscript that holds an in-page link (`<sup><a href="#footnote-1">[1]</a></sup>`): a note
 * reference. One whose note is not in the page (`findHtmlNotes`) is left out.
 */
export function isNoteReference(node: Element): boolean {
  return node.children.some((child) => child.type === 'element' && child.tagName === 'a' && String(child.properties?.href ?? '').startsWith('#'));
}

/** Whether a reference link of these notes is inside the element (a `<sup>` around it). */
export function holdsReference(node: Element, notes: HtmlNotes): boolean {
  return node.children.some((child) => child.type === 'element' && (notes.references.has(child) || holdsReference(child, notes)));
}

/**
 * The footnotes and endnotes of an HTML memo, as office suites and converters export them:
 * - LibreOffice: `<a class="sdfootnoteanc" name="sdfootnote1anc" href="#sdfootnote1sym"><sup>1</sup></a>`,
 *   the note at the end as `<div id="sdfootnote1"><p class="sdfootnote"><a class="sdfootnotesym"
 *   name="sdfootnote1sym" href="#sdfootnote1anc">1</a>text</p></div>` (`sdendnote` for endnotes);
 * - Word's "Save as Web Page": `<a href="#_ftn1" name="_ftnref1">[1]</a>`, the note as
 *   `<div id=ftn1><p><a href="#_ftnref1" name="_ftn1">[1]</a> text</p></div>` (`_edn` for endnotes,
 *   numbered "[i]");
 * - pandoc and mammoth: `<a href="#fn1" id="fnref1"><sup>1</sup></a>`, the note as an item
 *   `<li id="fn1">text <a href="#fnref1">↩</a></li>`.
 * A reference is an in-page link whose text is a number ("1", "[1]", "[i]"), and its note is
 * found by the link back to it (the reference's own name or id), or by the exporter's naming when
 * the back link lacks a name (LibreOffice's `#sdfootnote1sym` is in `sdfootnote1`, Word's `#_ftn1`
 * in `ftn1`); a further link into a note found so is a reference to it too. The note is the element
 * that holds only that one number link: the `<div>` or `<li>` around it, else its paragraph. A
 * reference comes before its note: of two numbers that link to each other, the first is the
 * reference. Any other in-page link stays text, in a note too ("zie noot 2").
 *
 * A note keeps its printed number, unless that is no number or another note has it first (Word's
 * endnote "i", LibreOffice's endnote 1 beside its footnote 1): such a note gets the next number
 * after the highest, as the DOCX reader numbers a document's endnotes after its footnotes.
 */
export interface HtmlNotes {
  /** Reference links, with their note's number. */
  references: Map<Element, string>;
  /** The notes' bodies (left out where they stand) and their number links (left out of the note). */
  skipped: Set<Element>;
  /** A note's number → its text as inline markdown, its paragraphs on one line. */
  text: Map<string, string>;
  /** A note's number → the numbers of the notes its own text refers to (a note in a note), in order. */
  inner: Map<string, string[]>;
  /** Notes already given to a block: each goes with the first block that refers to it. */
  given: Set<string>;
}

export const NO_NOTES: HtmlNotes = { references: new Map(), skipped: new Set(), text: new Map(), inner: new Map(), given: new Set() };
const NOTE_NUMBER = /^\s*\[?\s*(\d{1,3}|[ivxlc]{1,7})\s*\]?\s*$/i;
/**
 * A note is a paragraph or a few: its link back to its reference is looked for among this many
 * elements of the target at most, and once per target (a target that is the whole memo holds none,
 * and searching all of it for each of thousands of links took minutes).
 */
const MAX_NOTE_ELEMENTS = 2000;
/** Elements that may hold one note (several paragraphs). */
const NOTE_HOLDERS = new Set(['div', 'li', 'aside', 'section', 'footer', 'dd']);
/** The element an exporter puts a note in, by the reference's target: LibreOffice and Word. */
const EXPORTER_NOTE = [/^(sd(?:foot|end)note\d+)sym$/, /^_((?:ftn|edn)\d+)$/];

function elementText(node: Element): string {
  return node.children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? elementText(child) : '')).join('');
}

function inPageTarget(link: Element): string | null {
  const href = link.properties?.href;
  if (typeof href !== 'string' || !href.startsWith('#') || href.length < 2) return null;
  try {
    return decodeURIComponent(href.slice(1));
  } catch {
    return href.slice(1);
  }
}

export interface FindNotesOptions {
  /** Whether an element is inline (a note's paragraph is its first ancestor that is not). */
  isInline: (tag: string) => boolean;
  /**
   * A note body's text as inline markdown, its paragraphs on one line, read with these notes (its
   * own number links skipped), and the numbers of the notes it refers to.
   */
  bodyMarkdown: (body: Element, notes: HtmlNotes) => { markdown: string; refs: string[] };
}

export function findHtmlNotes(tree: Root, options: FindNotesOptions): HtmlNotes {
  const byId = new Map<string, Element>();
  const byName = new Map<string, Element>();
  const parent = new Map<Element, Element>();
  const links: Element[] = [];
  const visit = (node: Root | Element): void => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (node.type === 'element') parent.set(child, node);
      const { id, name } = child.properties ?? {};
      if (typeof id === 'string' && !byId.has(id)) byId.set(id, child);
      if (child.tagName === 'a' && typeof name === 'string' && !byName.has(name)) byName.set(name, child);
      if (child.tagName === 'a' && inPageTarget(child) !== null) links.push(child);
      visit(child);
    }
  };
  visit(tree);
  const within = (outer: Element, inner: Element): boolean => {
    for (let node: Element | undefined = inner; node; node = parent.get(node)) if (node === outer) return true;
    return false;
  };
  const printed = (link: Element): string | undefined => NOTE_NUMBER.exec(elementText(link))?.[1]?.toLowerCase();
  const numbered = new Set(links.filter((link) => printed(link) !== undefined));
  // How many number links each element holds, counted once: asking each element's links anew took minutes for thousands of links.
  const numberLinks = new Map<Element, number>();
  for (const link of numbered) for (let node: Element | undefined = link; node; node = parent.get(node)) numberLinks.set(node, (numberLinks.get(node) ?? 0) + 1);
  const alone = (node: Element, back: Element): boolean => (numberLinks.get(node) ?? 0) - (numbered.has(back) && within(node, back) ? 1 : 0) === 0;
  /** The element around a note's number link that holds no other number link: its `<div>` or `<li>`, else its paragraph. */
  const holder = (back: Element): Element | undefined => {
    let block: Element | undefined;
    for (let node = parent.get(back); node; node = parent.get(node)) {
      if (NOTE_HOLDERS.has(node.tagName)) return alone(node, back) ? node : block;
      if (!options.isInline(node.tagName)) block ??= alone(node, back) ? node : undefined;
    }
    return block;
  };
  /** The in-page links of a target (itself and its first elements), the first by address; each target read once. */
  const linksOf = new Map<Element, Map<string, Element>>();
  const linksIn = (target: Element): Map<string, Element> => {
    let byHref = linksOf.get(target);
    if (!byHref) {
      const found = new Map<string, Element>();
      for (const node of [target, ...firstElements(target, MAX_NOTE_ELEMENTS)]) {
        const href = node.tagName === 'a' ? node.properties?.href : undefined;
        if (typeof href === 'string' && !found.has(href)) found.set(href, node);
      }
      byHref = found;
      linksOf.set(target, byHref);
    }
    return byHref;
  };
  /** The note a target lies in, when it is one found already. */
  const noteAround = (target: Element | undefined): Element | undefined => {
    for (let node = target; node; node = parent.get(node)) if (found.has(node)) return node;
    return undefined;
  };
  const notes: HtmlNotes = { references: new Map(), skipped: new Set(), text: new Map(), inner: new Map(), given: new Set() };
  /** The notes found, in the order of their first reference, with their printed number; and each reference's note. */
  const found = new Map<Element, { printed: string; label: string }>();
  const referenceTo = new Map<Element, Element>();
  const backs = new Set<Element>();
  for (const link of numbered) {
    if (backs.has(link)) continue;
    const target = inPageTarget(link)!;
    const own = [link.properties?.id, link.properties?.name].filter((x): x is string => typeof x === 'string' && x !== '').map((x) => `#${x}`);
    const targetElement = byId.get(target) ?? byName.get(target);
    const back = own.length === 0 || !targetElement ? undefined : own.map((href) => linksIn(targetElement).get(href)).find((link) => link !== undefined);
    let body: Element | undefined;
    if (back) body = back === targetElement ? holder(back) : targetElement;
    else {
      for (const pattern of EXPORTER_NOTE) {
        const m = pattern.exec(target);
        if (m) body = byId.get(m[1]!);
      }
      // One more reference to a note found before it, set as one (raised, or with a name to link back to): a plain "zie noot 2" stays text.
      const raised = own.length > 0 || parent.get(link)?.tagName === 'sup' || descendants(link).some((node) => node.tagName === 'sup');
      if (raised) body ??= noteAround(targetElement);
    }
    if (!body || within(body, link)) continue;
    if (back) backs.add(back);
    if (!found.has(body)) found.set(body, { printed: printed(link)!, label: '' });
    referenceTo.set(link, body);
    notes.skipped.add(body);
  }
  // Numbers: the printed one where it is a number no note has before; the others after the highest.
  const taken = new Set<string>();
  for (const note of found.values()) {
    const n = /^\d+$/.test(note.printed) ? String(Number(note.printed)) : null;
    if (n !== null && !taken.has(n)) {
      note.label = n;
      taken.add(n);
    }
  }
  let next = Math.max(0, ...[...taken].map(Number));
  for (const note of found.values()) {
    if (note.label !== '') continue;
    note.label = String(++next);
    taken.add(note.label);
  }
  for (const [link, body] of referenceTo) notes.references.set(link, found.get(body)!.label);
  // In a note, its back link and the number it starts with are left out of its text; a link to a note's number in its text ("zie noot 2") stays.
  for (const [body, note] of found) {
    for (const node of descendants(body)) {
      if (node.tagName !== 'a' || notes.references.has(node)) continue;
      if (backs.has(node) || (numbered.has(node) && printed(node) === note.printed && startsWith(body, node))) notes.skipped.add(node);
    }
  }
  for (const [body, note] of found) {
    const { markdown, refs } = options.bodyMarkdown(body, notes);
    // A note whose number is printed as text, not as a link ("[1] text"): the number is left out too.
    const text = markdown.trim().replace(new RegExp(`^\\\\\\[${note.printed}\\\\\\]\\s*`, 'i'), '');
    if (text !== '') notes.text.set(note.label, text);
    if (refs.length > 0) notes.inner.set(note.label, refs);
  }
  return notes;
}

function descendants(node: Element): Element[] {
  return node.children.flatMap((child) => (child.type === 'element' ? [child, ...descendants(child)] : []));
}

/** Whether no text comes before `inner` in `outer`. */
function startsWith(outer: Element, inner: Element): boolean {
  const stack: ElementContent[] = [...outer.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === inner) return true;
    if (node.type === 'text' && node.value.trim() !== '') return false;
    if (node.type === 'element') stack.push(...[...node.children].reverse());
  }
  return false;
}

/** The first `limit` elements in `outer`, in document order. */
function firstElements(outer: Element, limit: number): Element[] {
  // Each open element with the index of its next child: an element of thousands of children is not copied.
  const out: Element[] = [];
  const stack: { children: ElementContent[]; next: number }[] = [{ children: outer.children, next: 0 }];
  while (stack.length > 0 && out.length < limit) {
    const top = stack[stack.length - 1]!;
    const node = top.children[top.next++];
    if (node === undefined) stack.pop();
    else if (node.type === 'element') {
      out.push(node);
      stack.push({ children: node.children, next: 0 });
    }
  }
  return out;
}
