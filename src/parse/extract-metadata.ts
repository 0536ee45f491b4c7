/**
 * Step 4: the letter's facts: title, subject, article, date, party, members, addressee,
 * municipality. Each is taken from the places letters put it (a "Place, date" line, a
 * "Betreft:" line, "de fractie van X", the signature) and is null when the letter does not say:
 * never guessed.
 */
import type { QuestionDocument } from '../model.js';
import { findDates, parseDateOnly } from './dates.js';
import type { Unit } from './split-questions.js';
import { collapseSpace } from '../text/text-utils.js';
import { isClosing } from './question-words.js';

export type Metadata = Pick<
  QuestionDocument,
  'title' | 'subject' | 'article' | 'municipality' | 'party' | 'parties' | 'members' | 'date' | 'addressee'
> & {
  /** Index of the first unit of the preamble. */
  preambleStart: number;
};

/** National and Flemish parties in their common spellings, with the name to report. */
const KNOWN_PARTIES: Array<[string, RegExp]> = [
  ['GroenLinks-PvdA', /\b(?:groen\s?links\s?(?:[-/]|en)\s?pvda|gl\s?[-/]\s?pvda|pvda\s?[-/]\s?groen\s?links)\b/i],
  ['D66', /\bd\s?['’]?66\b/i],
  ['VVD', /\bvvd\b/i],
  ['CDA', /\bcda\b/i],
  ['PvdA', /\bpvda\b/i],
  ['GroenLinks', /\bgroen\s?links\b/i],
  ['ChristenUnie', /\bchristen\s?unie\b|\bCU\b/i],
  ['SGP', /\bSGP\b/],
  ['SP', /\bSP\b/],
  ['PVV', /\bPVV\b/],
  ['Partij voor de Dieren', /\bpartij voor de dieren\b|\bPvdD\b/i],
  ['50PLUS', /\b50\s?plus\b/i],
  ['DENK', /\bDENK\b/],
  ['JA21', /\bja\s?21\b/i],
  ['Forum voor Democratie', /\bforum voor democratie\b|\bFvD\b/i],
  ['BBB', /\bBBB\b|\bboer\s?burger\s?beweging\b/i],
  ['Volt', /\bVolt\b/],
  ['NSC', /\bNSC\b|\bnieuw sociaal contract\b/i],
  ['Vlaams Belang', /\bvlaams belang\b/i],
  ['N-VA', /\bN-VA\b/i],
  ['Vooruit', /\bVooruit\b/],
  ['Open VLD', /\bopen\s?vld\b/i],
  ['CD&V', /\bcd\s?&\s?v\b/i],
  ['PVDA', /\bPVDA\b/],
];

/** A party or person name as printed: capitalised words, acronyms and the small words between them. */
// Quantifiers are bounded: these patterns run unanchored over whatever a letter holds, and an
// unbounded run inside them made a 1 MB line take quadratic time.
const NAME_WORD = String.raw`(?:[\p{Lu}\d][\p{L}\d&'’+-]{0,30}(?:\.[\p{L}\d]{1,10}){0,2}|[\p{Ll}]{1,12}[\p{Lu}][\p{L}]{0,30})`;
const NAME_JOIN = String.raw`(?:voor|van|de|der|den|het|en|in|op|aan|'t)`;
const PARTY_NAME = String.raw`(${NAME_WORD}(?:[ \t]+(?:${NAME_JOIN}[ \t]+){0,2}${NAME_WORD}){0,3})`;
const PARTICLE = String.raw`(?:van|de|der|den|ten|ter|te|het|'t|in|op|la|le|du|da|Van|De|Der|Den|Ten|Ter|Te)`;
const PERSON = String.raw`([\p{Lu}][\p{L}'’.-]{1,30}(?:[ \t]+(?:${PARTICLE}[ \t]+){0,3}[\p{Lu}][\p{L}'’.-]{1,30}){1,3})`;

const ROLE_WORDS = /^(?:met|namens|fractie|fracties|raadslid|gemeenteraadslid|fractievoorzitter|gemeenteraad|lees|klik|deel|bron|gericht|indiener|share|politiek|nieuws|landelijk|terug|de|het|een|voor|hartelijke|vriendelijke|beste|geachte|geacht|wethouder|burgemeester|schepen|college|inleiding|toelichting|vragen|vraag|antwoord|telefoonnummer|email|tijdstip|advertentie|help|word|interessant)$/i;

export function extractMetadata(units: readonly Unit[], firstQuestionUnit: number, closingUnit: number, questionTexts: readonly string[] = []): Metadata {
  const header = units.slice(0, firstQuestionUnit);
  const closing = units.slice(closingUnit);
  const headerTexts = header.map((u) => u.line.text);
  const allNonQuestion = [...headerTexts, ...closing.map((u) => u.line.text)];

  const title = findTitle(header);
  const subject = findSubject(header, title);
  const date = findDate(units, firstQuestionUnit, closingUnit);
  const article = findArticle([title ?? '', ...headerTexts].join('\n'));
  const { party, parties } = findParties(header, closing, title, questionTexts);
  const members = findMembers(header, closing, parties);
  const addressee = findAddressee(header);
  const municipality = findMunicipality(units, allNonQuestion);
  const preambleStart = findPreambleStart(header, title);
  return { title, subject, article, municipality, party, parties, members, date, addressee, preambleStart };
}

const CHROME_RE =
  /^(?:terug|politiek|nieuws\b.*|berichten\b.*|home|menu|share this:?|deel (?:dit|via).*|bijgewerkt:.*|gepubliceerd op.*|bron:.*|door op .*|\(tekst:.*\)|telefoonnummer|email|bereikbaar|ma-vr.*|gemeenteraad|advertentie|landelijk\/provinciaal|vragenuurtje|motivering|toelichting.*|indiener\(s\)|gericht aan|tijdstip van indienen|[\w.-]+@[\w.-]+|\d[\d\s]{6,})$/i;

/** A signature's role line: "Gemeenteraadslid", "Raadslid Gemeente belangen", "Fractievoorzitter partij voor de Dieren". */
const ROLE_LINE = /^(?:raadslid|gemeenteraadslid|burgerraadslid|commissielid|fractievoorzitter|fractievolger|steunfractielid|fractie)\b/i;

/** Site chrome after a letter on a web page: "Lees verder", "Klik hier voor de antwoorden", "Misschien bent u ook geïnteresseerd". */
const PAGE_CHROME_START = /^(?:lees|klik|deel|bekijk|download|reageer|misschien|interessant|meer\s+(?:nieuws|berichten|lezen))\b/i;

/**
 * E-mail and site boilerplate after a letter: a disclaimer, "Verzonden vanaf mijn iPhone", a
 * social-media or copyright footer, a cookie notice. These speak to their reader in full sentences
 * ("Indien u dit bericht ten onrechte heeft ontvangen, ..."), so without this they passed the
 * afterword's test of a letter speaking to the college, whatever their length.
 */
const BOILERPLATE_START =
  /^(?:disclaimer\b|(?:deze|dit)\s+(?:e-?mail(?:bericht)?|mail)\b|dit\s+bericht\s+(?:is|kan|en)\b|verzonden\s+(?:vanaf|vanuit|met|via)\b|sent\s+from\b|volg\s+(?:ons|de\s+fractie)\b|(?:wij|we)\s+gebruiken\s+cookies\b|cookies?\b|privacy(?:verklaring|beleid|statement)\b|©|\(c\)\s*\d{4}|copyright\b|alle\s+rechten\s+voorbehouden\b)/i;

/**
 * Whether a line after the questions ends the letter's own text: a closing, a signature (a
 * person's name, a role, a party standing alone) or page chrome. The lines before it are the
 * letter's afterword (afterword.ts); "Toelichting", chrome in a letter's header, is a label here.
 */
export function endsLetterText(text: string, parties: readonly string[]): boolean {
  const t = text.trim().replace(/[.,]$/, '');
  if (t === '') return false;
  if (isClosing(t)) return true;
  if (CHROME_RE.test(t) && !/^toelichting\b/i.test(t)) return true;
  if (looksLikePerson(t, parties)) return true;
  const words = t.split(/\s+/).length;
  if (words <= 6 && ROLE_LINE.test(t)) return true;
  if (words <= 5 && (parties.some((p) => t.toLowerCase().includes(p.toLowerCase())) || KNOWN_PARTIES.some(([, re]) => re.test(t)))) return true;
  if (BOILERPLATE_START.test(t)) return true;
  return words <= 12 && PAGE_CHROME_START.test(t);
}

function isSalutation(text: string): boolean {
  return /^(?:geachte?|beste|hooggeachte|aan (?:het|de)|dear)\b/i.test(text) && text.length < 120;
}

function findTitle(header: readonly Unit[]): string | null {
  const candidates: string[] = [];
  for (const u of header.slice(0, 12)) {
    const t = u.line.text;
    if (isSalutation(t)) break;
    if (CHROME_RE.test(t) || parseDateOnly(t) || t.length > 200) continue;
    if (/^[\p{Lu}][\p{L}\s'-]+,?\s+\d/u.test(t) && parseDateOnly(t.replace(/^[^,\d]+,?\s*/, ''))) continue;
    if (/^(?:betreft|onderwerp|datum|indiendatum|briefnr|kenmerk)\b/i.test(t)) continue;
    candidates.push(t);
  }
  const withVragen = candidates.find((t) => /\b(?:vragen|vraag|interpellatie|raadsvragen)\b/i.test(t) && !/[.!]$/.test(t.replace(/["”]\.$/, '"')) && t.length < 160);
  const plain = candidates.find((t) => t.length < 160 && !/[.:;,]$/.test(t) && !/\?$/.test(t));
  return withVragen ?? plain ?? null;
}

const SUBJECT_PREFIXES: RegExp[] = [
  /^\d{1,2}\s+\p{L}+\.?\s+\d{4}\s+/u,
  /^\d{4}_\w+_\d+\s*-\s*/,
  /^(?:mondelinge|schriftelijke)\s+vraag\s+van\s+raadslid\s+[^:]+:\s*/i,
  /^interpellatie\s+van\s+raadslid\s+.*?\s+(?:omtrent|over|inzake|betreffende)\s+/i,
  /^[^:]*\bstelt\s+(?:\p{L}+\s+){0,2}(?:raads)?vragen\s+(?:over|inzake|betreffende|aan)\s+/iu,
  /^beantwoording\s+/i,
  /^art\.?\s?\d+\s*[-–:]\s*/i,
  /^(?:schriftelijke|mondelinge|technische|aanvullende)?\s*(?:raads|vervolg)?(?:vragen|vraag)\s*/i,
  /^(?:ex\.?|conform|op grond van|ingevolge|o\.?g\.?v\.?)?\s*(?:art(?:ikel)?\.?\s*\d+\w*)\s*(?:(?:van het\s+)?(?:RvO|reglement van orde))?\s*/i,
  /^(?:aan het college\s+)?(?:over|inzake|betreffende|aangaande|m\.?b\.?t\.?|omtrent|met betrekking tot|van de fractie [^:]+? over)\s*:?\s*/i,
  /^[:\-–]\s*/,
];

function cleanSubject(text: string): string | null {
  let s = text.trim();
  for (let round = 0; round < 3; round++) {
    for (const re of SUBJECT_PREFIXES) s = s.replace(re, '');
  }
  s = s.replace(/^["“‘'](.*)["”’']\.?$/, '$1').replace(/[.]+$/, '').trim();
  return s.length >= 3 ? s : null;
}

function findSubject(header: readonly Unit[], title: string | null): string | null {
  for (const u of header) {
    const m = /^(?:betreft|onderwerp|inzake)\s*:\s*(.+)$/i.exec(u.line.text);
    if (m?.[1]) return cleanSubject(m[1]);
  }
  return title ? cleanSubject(title) : null;
}

/** Score every date outside the questions by where it stands; take the best that is clearly the letter's. */
function findDate(units: readonly Unit[], firstQuestionUnit: number, closingUnit: number): string | null {
  let best: { iso: string; score: number; at: number } | null = null;
  units.forEach((u, i) => {
    if (i >= firstQuestionUnit && i < closingUnit) return;
    const t = u.line.text;
    const prev = units[i - 1]?.line.text ?? '';
    for (const d of findDates(t)) {
      let score = 0;
      const before = t.slice(0, d.index);
      if (/\b(?:antwoorddatum|beantwoord|bijgewerkt|gewijzigd|laatst|d\.d\.|gepubliceerd)\b/i.test(before) || /^(?:bijgewerkt|gepubliceerd|antwoorddatum)/i.test(t)) score = -5;
      else if (/\b(?:indiendatum|datum|ingediend|verzonden|gedateerd)\s*:?\s*(?:op\s*)?$/i.test(before)) score = 7;
      else if (/\b(?:indien|ingediend|datum)\b/i.test(prev) && parseDateOnly(t)) score = 7;
      else if (/^[\p{Lu}][\p{L}'’ -]+,?\s*$/u.test(before) && before.trim().length > 2 && before.trim().split(/\s+/).length <= 4) score = 6;
      else if (parseDateOnly(t)) score = i < 12 ? 5 : 3;
      else if (/\b(?:gesteld|ingediend|verzonden|gestuurd|gedateerd)\s+op\s*$/i.test(before) || (/^op\s*$/i.test(before.trim() + ' ') && /\b(?:vragen|verzoek|ingediend|gesteld|verzonden)\b/i.test(t))) score = 4;
      else if (/\bop\s*$/i.test(before) && /\b(?:heeft|hebben)\b.*\b(?:vragen|verzoek)\b.*\b(?:ingediend|gesteld|verzonden|gestuurd)\b/i.test(t)) score = 4;
      if (score >= 3 && (!best || score > best.score)) best = { iso: d.iso, score, at: i };
    }
  });
  return (best as { iso: string } | null)?.iso ?? null;
}

function findArticle(text: string): string | null {
  let best: { n: string; score: number } | null = null;
  for (const m of text.matchAll(/\b(?:art(?:ikel)?\.?\s*|art)(\d{1,3}[a-z]?)\b/gi)) {
    const n = m[1] ?? '';
    const at = m.index ?? 0;
    const after = text.slice(at + m[0].length, at + m[0].length + 60);
    const before = text.slice(Math.max(0, at - 45), at);
    let score = 0;
    if (/^\s*(?:,?\s*(?:\d+e\s+lid\s+|lid\s+\d+\w*\s+))?(?:van\s+de\s+)?(?:gemeentewet|woningwet|wet\b|\p{L}+wet\b|grondwet)/iu.test(after)) score -= 5;
    if (/\b(?:RvO|reglement van orde|gemeentedecreet|vragen|vraag)\b/i.test(after.slice(0, 50))) score += 3;
    if (/\b(?:vragen|vraag|conform|ex\.?|op grond van|op basis van|in het kader van|overeenkomstig|ingevolge)\s*$/i.test(before)) score += 3;
    if (score >= 0 && (!best || score > best.score)) best = { n, score };
  }
  return (best as { n: string } | null)?.n ?? null;
}

/**
 * The name to report: a national party in its usual spelling, also when a local branch is named
 * ("VVD Westland" → VVD); a local party as printed, except for a known spelling variant of the
 * whole name ("Gemeente belangen" → Gemeentebelangen).
 */
function canonicalParty(name: string): string {
  for (const [canonical, re] of KNOWN_PARTIES) {
    const m = re.exec(name);
    if (m && (m.index === 0 || m[0].length >= name.length - 1)) return canonical;
  }
  for (const [canonical, re] of LOCAL_SPELLINGS) if (re.test(name)) return canonical;
  return name;
}

/** Local party names whose spelling varies within one letter; only the whole name is normalised. */
const LOCAL_SPELLINGS: Array<[string, RegExp]> = [['Gemeentebelangen', /^gemeente\s?belangen$/i]];

function cleanPartyName(raw: string): string | null {
  const name = raw.replace(/[\s,.;:]+$/, '').replace(/^(?:de|het)\s+/i, '').trim();
  if (!name || name.length > 50) return null;
  if (/^(?:gemeente|college|raad|gemeenteraad|stad|wethouder|burgemeester|heeft|is|wil|vindt|stelt)$/i.test(name)) return null;
  const first = name.split(/\s+/)[0] ?? '';
  if (/^(?:Zij|Wij|We|Ik|Deze|Die|Dit|Dat|Het|De|Een|In|Op|Bij|Ook|Als|Er|Daarom|Hierom|Vandaar|Tevens|Namens|Bovendien|Daarnaast|Inmiddels|Graag|Dus|Toch|Nu|Gemeente)$/.test(first)) return null;
  return canonicalParty(name);
}

function findParties(header: readonly Unit[], closing: readonly Unit[], title: string | null, questionTexts: readonly string[]): { party: string | null; parties: string[] } {
  const headerText = header.map((u) => u.line.text).join('\n');
  const closingText = closing.map((u) => u.line.text).join('\n');
  const found: string[] = [];
  const add = (raw: string | undefined) => {
    if (!raw) return;
    const name = cleanPartyName(raw);
    if (name && !found.some((f) => f.toLowerCase() === name.toLowerCase())) found.push(name);
  };
  const strong: RegExp[] = [
    new RegExp(String.raw`\b(?:[Rr]aads)?[Ff]ractie\s+(?:van\s+(?:de\s+|het\s+)?)?${PARTY_NAME}`, 'gu'),
    new RegExp(String.raw`(${NAME_WORD})[- ][Ff]ractie\b`, 'gu'),
    new RegExp(String.raw`\b[Nn]amens\s+(?:de\s+fractie\s+(?:van\s+)?)?${PARTY_NAME}`, 'gu'),
    new RegExp(String.raw`\b[Aa]ls\s+${PARTY_NAME}\s+(?:maken|vinden|willen|zijn|hebben|denken|zien|constateren)\b`, 'gu'),
    new RegExp(String.raw`^${PARTY_NAME}\s+(?:stelt|heeft|wil|vraagt|legt)\b`, 'gmu'),
    new RegExp(String.raw`^Schriftelijke vraag van:\s*[^,]+,\s*(.+)$`, 'gmi'),
  ];
  for (const text of [title ?? '', headerText, closingText]) {
    for (const re of strong) for (const m of text.matchAll(re)) add(m[1]);
  }
  // A party name standing alone in the signature, or a known party named anywhere outside the questions.
  for (const u of closing) {
    const t = u.line.text.replace(/[.,]$/, '');
    for (const [canonical, re] of KNOWN_PARTIES) if (re.test(t) && t.length < 40) add(canonical);
    const paren = /\(([^)]{2,30})\)\s*$/.exec(t);
    if (paren?.[1]) add(paren[1]);
  }
  // Co-signers: "samen met Groen Links, PvdA en D66", "Namens de fracties van\nGroenLinks, D66, PUUR, PvdA,".
  const coSign = /\bsamen met\s+([^.]+?)(?:,\s*(?:artikel|art\.)|\s+(?:vragen|heeft|hebben)\b|[.:]|$)/im.exec(headerText);
  if (coSign?.[1]) for (const part of coSign[1].split(/,|\sen\s/)) add(part.trim());
  const fracties = /namens de fracties van\s*\n?([^\n]+)/i.exec(closingText);
  if (fracties?.[1]) for (const part of fracties[1].split(/,|\s{2,}/)) add(part.trim());
  // Last resort: a known party named outside the questions, then in them ("Deelt het college de
  // opvatting van D66 ...": the asking party names itself).
  for (const text of [`${title ?? ''}\n${headerText}\n${closingText}`, questionTexts.join('\n')]) {
    if (found.length > 0) break;
    for (const [canonical, re] of [...KNOWN_PARTIES, ...LOCAL_SPELLINGS.map(([c]) => [c, /\bgemeente\s?belangen\b/i] as [string, RegExp])]) if (re.test(text)) add(canonical);
  }
  const parties = found.filter((p) => p.length >= 2);
  return { party: parties[0] ?? null, parties };
}

function splitPersons(text: string): string[] {
  return text
    .split(/\s{2,}|\s&\s|\s+en\s+|,\s*/)
    .map((s) => s.replace(/[.,;:]+$/, '').trim())
    .filter(Boolean);
}

function looksLikePerson(text: string, parties: readonly string[]): boolean {
  const words = text.split(/\s+/);
  if (words.length < 2 || words.length > 6 || text.length > 45) return false;
  if (!new RegExp(`^${PERSON}$`, 'u').test(text)) return false;
  if (words.some((w) => ROLE_WORDS.test(w.replace(/[.,]/g, '')) && !/^(?:de|van|der|den)$/i.test(w))) return false;
  if (parties.some((p) => text.toLowerCase().includes(p.toLowerCase()))) return false;
  if (/\d/.test(text)) return false;
  return true;
}

function findMembers(header: readonly Unit[], closing: readonly Unit[], parties: readonly string[]): string[] {
  const members: string[] = [];
  const add = (name: string | undefined) => {
    if (!name) return;
    const clean = name.replace(/[.,;:]+$/, '').trim();
    if (looksLikePerson(clean, parties) && !members.includes(clean)) members.push(clean);
  };
  const headerText = header.map((u) => u.line.text).join('\n');
  const patterns = [
    new RegExp(String.raw`\b(?:raadslid|het lid|gemeenteraadslid|commissielid|mevrouw|de heer)\s+${PERSON}`, 'gu'),
    new RegExp(String.raw`\bvraag(?:en)? van:?\s+${PERSON}`, 'giu'),
    new RegExp(String.raw`${PERSON},\s+(?:fractie\s?voorzitter|raadslid|gemeenteraadslid)\b`, 'gu'),
  ];
  for (const re of patterns) for (const m of headerText.matchAll(re)) add(m[1]);
  const indiener = header.findIndex((u) => /^indiener\(?s?\)?:?$/i.test(u.line.text));
  if (indiener >= 0) for (const n of splitPersons(header[indiener + 1]?.line.text ?? '')) add(n);
  for (const u of closing) {
    const t = u.line.text;
    if (isClosing(t) && !/^namens/i.test(t)) continue;
    const withParty = /^(.+?)\s*\(([^)]+)\)\s*$/.exec(t);
    for (const part of splitPersons(withParty?.[1] ?? t)) add(part);
    for (const re of patterns) for (const m of t.matchAll(re)) add(m[1]);
  }
  return members;
}

function findAddressee(header: readonly Unit[]): string | null {
  for (let i = 0; i < header.length; i++) {
    const t = header[i]?.line.text ?? '';
    const m = /^(?:geachte?|hooggeachte|beste|aan)\s+(?:het\s+|de\s+)?(college(?:\s+van\s+(?:burgemeester\s+en\s+(?:wethouders|schepenen)|b\s?&\s?w))?|voorzitter\s+van\s+de\s+(?:gemeente)?raad|burgemeester(?:\s+en\s+(?:wethouders|schepenen))?|leden\s+van\s+het\s+college|wethouder\s+[\p{Lu}][\p{L}-]+|schepen\s+[\p{L} ]+)\b/iu.exec(t);
    if (m?.[1]) {
      const phrase = collapseSpace(m[1]);
      if (/^aan\s+de\s+voorzitter/i.test(t)) return `de ${phrase}`;
      return phrase.charAt(0).toLowerCase() + phrase.slice(1);
    }
    if (/^gericht aan:?$/i.test(t)) {
      const next = header[i + 1]?.line.text;
      if (next) return next;
    }
  }
  return null;
}

function findMunicipality(units: readonly Unit[], nonQuestion: readonly string[]): string | null {
  for (const t of nonQuestion) {
    const m = /^([\p{Lu}][\p{L}'’-]+(?:[ -][\p{Lu}a-z][\p{L}'’-]+){0,3}),?\s+(.+)$/u.exec(t);
    if (m?.[1] && m[2] && parseDateOnly(m[2]) && !/^(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|op|de|het)$/i.test(m[1])) {
      return m[1];
    }
    const raad = /^gemeenteraad\s+([\p{Lu}][\p{L}'’-]+(?:[ -][\p{Lu}][\p{L}'’-]+){0,3})$/u.exec(t);
    if (raad?.[1]) return raad[1];
  }
  const counts = new Map<string, number>();
  const all = units.map((u) => u.line.text).join('\n');
  for (const m of all.matchAll(/\bgemeente\s+([\p{Lu}][\p{L}'’-]+(?:[ -](?:aan den |op |den |aan de )?[\p{Lu}][\p{L}'’-]+){0,2})/gu)) {
    const name = m[1] ?? '';
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const [top, second] = ranked;
  if (top && top[1] >= 2 && (!second || second[1] < top[1])) return top[0];
  return null;
}

/** The preamble starts after the title, date and salutation lines at the top of the letter. */
function findPreambleStart(header: readonly Unit[], title: string | null): number {
  let start = 0;
  for (let i = 0; i < Math.min(header.length, 14); i++) {
    const t = header[i]?.line.text ?? '';
    if (isSalutation(t) || t === title || parseDateOnly(t) || CHROME_RE.test(t) || /^(?:betreft|onderwerp|datum|indiendatum|briefnr|kenmerk)\b/i.test(t)) {
      start = i + 1;
    } else if (/^[\p{Lu}][\p{L}\s'-]+,?\s+/u.test(t) && parseDateOnly(t.replace(/^[^,\d]+,?\s*/, ''))) {
      start = i + 1;
    }
  }
  return start;
}
