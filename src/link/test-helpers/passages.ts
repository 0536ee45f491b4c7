/** Small hand-made passages for the link tests. */
import type { Passage } from '../../model.js';

let counter = 0;

/** A policy passage with sensible defaults; `heading` without the title. */
export function passage(text: string, over: Partial<Passage> = {}): Passage {
  counter++;
  const doc = over.doc ?? 'beleid';
  const title = over.title ?? 'Beleidsnota';
  return {
    id: over.id ?? `${doc}-${counter}`,
    doc,
    file: over.file ?? `corpus/${doc}.md`,
    title,
    heading: over.heading ?? [title],
    lines: over.lines ?? [counter, counter],
    text,
    kind: over.kind ?? 'policy',
    ...(over.question !== undefined ? { question: over.question } : {}),
  };
}
