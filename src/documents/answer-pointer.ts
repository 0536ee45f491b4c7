/**
 * A combined answer: an answer whose whole text points to the answer of other questions
 * ("Zie het antwoord op vraag 2.", "Zie antwoord bij vraag 2 en 3", "Zie vraag 7"). Colleges
 * answer related questions together this way; `answer check` resolves the pointer. A pointer
 * inside a longer answer ("... netwerksamenwerking (zie antwoord bij vraag 7) ...", seed memo,
 * answer 11) is a reference, not a combined answer, so only an answer that is nothing but the
 * pointer counts.
 */

/** Verbs and phrases that open a pointer. */
const LEAD = String.raw`(?:zie(?:\s+(?:hiervoor|daarvoor|hierover|ook))?|(?:wij|we|ik)\s+verwijz(?:en|e)\s+(?:u\s+)?(?:hiervoor\s+)?naar|verwezen\s+wordt\s+naar|hiervoor\s+(?:wordt\s+)?verwezen\s+(?:wordt\s+)?naar|deze\s+vraag\s+is\s+(?:al\s+|reeds\s+)?beantwoord\s+(?:bij|onder|in))`;
/** "het antwoord op", "de antwoorden bij", "de beantwoording van", "ons antwoord onder". */
const ANSWER_WORDS = String.raw`(?:(?:het|de|ons|onze)\s+)?(?:antwoord(?:en)?|beantwoording)(?:\s+(?:op|bij|van|onder|in|gegeven\s+bij))?\s+`;
/** "vraag", "de vragen", "vraag nr.". */
const QUESTION_WORD = String.raw`(?:(?:de|het)\s+)?(?:vra(?:ag|gen)\s*(?:nr\.?|nummer)?\s*)?`;
const NUMBER = String.raw`\d{1,3}[a-z]?`;
const JOIN = String.raw`\s*(?:,|&|\ben\b|\bof\b|t\/m|tot\s+en\s+met|-|–|—)\s*`;
const TRAIL = String.raw`(?:\s*\(?(?:hierboven|hieronder|hiervoor|hierna|eerder|bovenaan)\)?)?`;

const POINTER = new RegExp(
  String.raw`^${LEAD}\s+(?:${ANSWER_WORDS})?${QUESTION_WORD}(${NUMBER}(?:${JOIN}${NUMBER})*)${TRAIL}$`,
  'i',
);

/** What `plain` leaves at the start of a pointer: an optional label, an optional "(", a word of `LEAD`. */
const MAY_POINT = /^\s*(?:antwoord\s*:?\s*:?\s*)?\(?\s*(?:zie|wij|we|ik|verwezen|hiervoor|deze)\s/i;

/** Markdown decoration a person may put around a pointer (emphasis, a label, a final stop). */
function plain(text: string): string {
  const flat = text
    .replace(/^\s*(?:\*\*|__)?antwoord\s*:?\s*(?:\*\*|__)?\s*:?\s*/i, '')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\(|\)$/g, '');
  // `/[.!;:]+$/` by hand: the expression tries again from every mark of a run, and an answer
  // with 200,000 dots took seconds on every draft.
  let end = flat.length;
  while (end > 0 && '.!;:'.includes(flat[end - 1]!)) end--;
  return flat.slice(0, end).trim();
}

/**
 * The question numbers an answer points to when its whole text is a pointer, else null.
 * Ranges are expanded: "vraag 2 t/m 4" gives [2, 3, 4].
 */
export function answerPointer(text: string): number[] | null {
  // Most answers are not pointers: the word a pointer starts with decides that in its first
  // characters (a pointer has its lead word within 400, however much markup is around it).
  const head = text.length > 400 ? text.slice(0, 400) : text;
  if (!MAY_POINT.test(MARKUP.test(head) ? head.replace(MARKUP_ALL, '') : head)) return null;
  return pointerNumbers(text);
}

/** The emphasis and code marks `plain` drops. */
const MARKUP = /[*_`]/;
const MARKUP_ALL = /[*_`]/g;
/** Splits a pointer's numbers from their joiners (kept: a range joiner expands). */
const JOINERS = new RegExp(`(${JOIN})`, 'i');

/** `answerPointer` without its quick first look (the tests hold the one to the other). */
export function pointerNumbers(text: string): number[] | null {
  if (/\n\s*\n/.test(text.trim())) return null;
  const match = POINTER.exec(plain(text));
  if (!match) return null;
  const list = match[1]!;
  const numbers: number[] = [];
  const tokens = list.split(JOINERS);
  for (let i = 0; i < tokens.length; i += 2) {
    const n = parseInt(tokens[i]!, 10);
    const joiner = i > 0 ? tokens[i - 1]!.trim().toLowerCase() : '';
    const previous = numbers[numbers.length - 1];
    if (previous !== undefined && /^(?:t\/m|tot\s+en\s+met|-|–|—)$/.test(joiner) && n > previous && n - previous <= 50) {
      for (let k = previous + 1; k <= n; k++) numbers.push(k);
    } else {
      numbers.push(n);
    }
  }
  return [...new Set(numbers)];
}

/**
 * A combined answer with its question numbers moved: `moved` maps an old number to the new one.
 * Only a whole-answer pointer is rewritten, and only when every number it names moved to a
 * known place and a range ("vraag 2 t/m 4") still covers the same questions; else null. The
 * numbers are the only digits a pointer has (none of its words holds one), so each is replaced
 * where it stands and everything else of the text stays as written.
 */
export function renumberPointer(text: string, moved: ReadonlyMap<number, number>): string | null {
  const targets = answerPointer(text);
  if (targets === null) return null;
  const now = targets.map((n) => moved.get(n));
  if (now.some((n) => n === undefined)) return null;
  const rewritten = text.replace(/(?<![\d\p{L}])(\d{1,3})(?![\d])/gu, (digits) => String(moved.get(Number(digits)) ?? digits));
  const after = answerPointer(rewritten);
  if (after === null || after.length !== now.length || after.some((n, i) => n !== now[i])) return null;
  return rewritten;
}
