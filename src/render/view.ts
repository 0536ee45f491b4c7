/**
 * The data a memo template sees. Text fields are plain strings from the question document: the
 * template inserts them through markdown-escaping helpers. Fields that already are markdown (an
 * answer as a person wrote it, the rendered source list) are `Markdown` objects and go in as is.
 * Phrases that need Dutch grammar (who asked, which kind of questions) are built here, so a
 * template stays a sentence with blanks.
 */
import { ANSWER_PLACEHOLDER } from '../documents/answer-document.js';
import { answerPointer } from '../documents/answer-pointer.js';
import { formatCitation } from '../documents/citation.js';
import type { AnswerStatus, Citation, QuestionDocument, QuestionPart } from '../model.js';
import { joinNames } from './helpers.js';
import { Markdown } from '../text/markdown-escape.js';

/** Memo settings from `answer.config.json`. */
export interface MemoSettings {
  /** The municipality; the letter's municipality when not configured. */
  municipality?: string | null;
  burgemeester?: string | null;
  secretaris?: string | null;
}

/** One question with its answer, as a template sees it. */
export interface QuestionView {
  number: number;
  label: string | null;
  /** The question as asked (plain text). */
  text: string;
  parts: QuestionPart[];
  /** The answer as written (markdown), or the placeholder. */
  answer: Markdown;
  answered: boolean;
  /** The question numbers a combined answer points to ("Zie het antwoord op vraag 2"), or null. */
  pointer: number[] | null;
  /** Suggested sources (for templates that lay them out themselves). */
  sources: Array<Citation & { href: string | null }>;
  /** The source list as markdown (one `- ` item per source), or null when there are none. */
  bronnen: Markdown | null;
}

export interface MemoView {
  letter: {
    id: string | null;
    title: string | null;
    subject: string | null;
    article: string | null;
    municipality: string | null;
    party: string | null;
    parties: string[];
    members: string[];
    date: string | null;
    received: string | null;
    deadline: string | null;
    source: string | null;
    preamble: string;
    /** The letter's own text after its last question ('' when it has none). */
    afterword: string;
    /** Who asked: "de raadsfractie van D66", "de raadsfracties van D66 en VVD", "raadslid J. Jansen". */
    afzender: string;
    /** What was asked: "artikel 45 vragen", or "schriftelijke vragen" when no article is known. */
    soort: string;
    /** The letter as an attachment: "Vragen D66 regionale zorg en veiligheid". */
    bijlage: string;
  };
  /** The municipality (configuration, else the letter). */
  municipality: string | null;
  signatories: { burgemeester: string | null; secretaris: string | null };
  memo: { status: AnswerStatus; date: string | null; portefeuillehouder: string | null };
  questions: QuestionView[];
  /** Answers kept for questions that no longer exist ("Vervallen vragen"). */
  orphans: QuestionView[];
  placeholder: Markdown;
}

/** An answer for the view: as written, with its Bronnen when a person kept or edited them. */
export interface ViewAnswer {
  answer: string;
  /**
   * The Bronnen list as written in the answer file, kept instead of new suggestions ('' keeps
   * none); null or absent: suggest sources.
   */
  bronnen?: string | null;
}

export interface ViewInput {
  letter: QuestionDocument;
  settings?: MemoSettings;
  /** Answers by question number. */
  answers?: Map<number, ViewAnswer>;
  /** Suggested sources by question number. */
  sources?: Map<number, Citation[]>;
  /** Sections kept for questions that no longer exist. */
  orphans?: Array<{ number: number; question: string; answer: string; bronnen?: string | null }>;
  memo?: { status?: AnswerStatus; date?: string | null; portefeuillehouder?: string | null };
  /** Where a citation links to, from the answer file's folder (default: the corpus file as is). */
  href?: (file: string) => string;
}

function clean(value: string | null | undefined): string | null {
  const text = (value ?? '').replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

/** Who asked, as the memo's Inleiding says it. */
export function afzender(letter: Pick<QuestionDocument, 'party' | 'parties' | 'members'>): string {
  const parties = (letter.parties.length > 0 ? letter.parties : letter.party ? [letter.party] : []).map((p) => p.trim()).filter(Boolean);
  if (parties.length === 1) return `de raadsfractie van ${parties[0]}`;
  if (parties.length > 1) return `de raadsfracties van ${joinNames(parties)}`;
  const members = letter.members.map((m) => m.trim()).filter(Boolean);
  if (members.length === 1) return `raadslid ${members[0]}`;
  if (members.length > 1) return `de raadsleden ${joinNames(members)}`;
  return 'een raadslid';
}

function soort(article: string | null): string {
  const number = clean(article)?.replace(/^art(?:ikel|\.)?\s*/i, '');
  return number ? `artikel ${number} vragen` : 'schriftelijke vragen';
}

function sourceList(citations: Citation[], href: (file: string) => string): { sources: Array<Citation & { href: string | null }>; bronnen: Markdown | null } {
  const sources = citations.map((c) => ({ ...c, href: c.file ? href(c.file) : null }));
  if (sources.length === 0) return { sources, bronnen: null };
  return { sources, bronnen: new Markdown(sources.map((c) => `- ${formatCitation(c, c.href)}`).join('\n')) };
}

/** Build the view a memo template renders. */
export function buildMemoView(input: ViewInput): MemoView {
  const { letter } = input;
  const href = input.href ?? ((file: string) => file);
  const answers = input.answers ?? new Map<number, ViewAnswer>();
  const sources = input.sources ?? new Map<number, Citation[]>();
  const question = (number: number, label: string | null, text: string, parts: QuestionPart[], given: ViewAnswer | undefined, citations: Citation[]): QuestionView => {
    const written = given && given.answer.trim() !== '' ? given.answer.trim() : null;
    // A Bronnen text given (even empty) is what the file has and stays; null asks for suggestions.
    const keep = typeof given?.bronnen === 'string';
    const kept = keep && given!.bronnen!.trim() ? new Markdown(given!.bronnen!.trim()) : null;
    const list = sourceList(keep ? [] : citations, href);
    return {
      number,
      label,
      text,
      parts,
      answer: new Markdown(written ?? ANSWER_PLACEHOLDER),
      answered: written !== null && written !== ANSWER_PLACEHOLDER,
      pointer: written ? answerPointer(written) : null,
      sources: list.sources,
      bronnen: kept ?? list.bronnen,
    };
  };
  const municipality = clean(input.settings?.municipality) ?? clean(letter.municipality);
  const party = clean(letter.party);
  const subject = clean(letter.subject);
  return {
    letter: {
      id: letter.id,
      title: clean(letter.title),
      subject,
      article: clean(letter.article),
      municipality: clean(letter.municipality),
      party,
      parties: letter.parties,
      members: letter.members,
      date: letter.date,
      received: letter.received ?? letter.date,
      deadline: letter.deadline ?? null,
      source: letter.source ?? null,
      preamble: letter.preamble,
      afterword: letter.afterword ?? '',
      afzender: afzender(letter),
      soort: soort(letter.article),
      bijlage: ['Vragen', party, subject].filter(Boolean).join(' ') || clean(letter.title) || 'Vragen',
    },
    municipality,
    signatories: { burgemeester: clean(input.settings?.burgemeester), secretaris: clean(input.settings?.secretaris) },
    memo: {
      status: input.memo?.status ?? 'concept',
      date: input.memo?.date ?? null,
      portefeuillehouder: input.memo?.portefeuillehouder ?? null,
    },
    questions: letter.questions.map((q) => question(q.number, q.label, q.text, q.parts, answers.get(q.number), sources.get(q.number) ?? [])),
    orphans: (input.orphans ?? []).map((o) => question(o.number, null, o.question, [], { answer: o.answer, bronnen: o.bronnen ?? null }, [])),
    placeholder: new Markdown(ANSWER_PLACEHOLDER),
  };
}
