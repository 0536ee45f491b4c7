/**
 * What Dutch (and Flemish) question letters say, as patterns: questions, lead-ins to a list of
 * questions, follow-ups ("Zo ja, ..."), closings and answers. Each pattern was written from the
 * shapes seen across the development letters, in general form.
 */
import { withoutQuotes } from '../text/text-utils.js';

/** Question words and finite verbs that open a Dutch question (verb-first = yes/no question). */
const OPENERS = [
  'wat', 'wie', 'waar', 'waarom', 'wanneer', 'welk', 'welke', 'hoe', 'hoeveel', 'hoelang', 'hoeverre', 'in hoeverre',
  'waarop', 'waarmee', 'waarvoor', 'waaraan', 'waardoor', 'waarin', 'waarover', 'waarvan', 'vanaf wanneer', 'per wanneer',
  'tot wanneer', 'sinds wanneer', 'op welke', 'in welke', 'met welke', 'van welke', 'voor welke', 'aan welke', 'bij welke',
  'op grond van welke', 'bij wie', 'aan wie', 'voor wie', 'met wie', 'door wie', 'van wie',
  'is', 'zijn', 'was', 'waren', 'heeft', 'hebben', 'had', 'hadden', 'kan', 'kunt', 'kunnen', 'kon', 'konden', 'zal', 'zult',
  'zullen', 'zou', 'zouden', 'wil', 'wilt', 'willen', 'wordt', 'worden', 'werd', 'werden', 'deelt', 'deelt', 'ziet', 'zien',
  'vindt', 'vinden', 'acht', 'achten', 'bent', 'klopt', 'kloppen', 'gaat', 'gaan', 'komt', 'komen', 'doet', 'doen', 'weet',
  'weten', 'mag', 'mogen', 'moet', 'moeten', 'staat', 'staan', 'voert', 'voldoet', 'voldoen', 'onderneemt', 'overweegt',
  'erkent', 'herkent', 'verwacht', 'verwachten', 'neemt', 'krijgt', 'krijgen', 'houdt', 'geeft', 'geven', 'beschikt',
  'bestaat', 'bestaan', 'speelt', 'spelen', 'loopt', 'lopen', 'wijst', 'ontvangt', 'ontstaan', 'ontstaat', 'mocht',
  'mochten', 'leidt', 'biedt', 'onderschrijft', 'steunt', 'betekent', 'denkt', 'begrijpt', 'hoort', 'stelt',
];
const OPENER_RE = new RegExp(`^(?:en |maar |ook |tot slot[;:,]? |ten slotte[;:,]? )?(?:${OPENERS.join('|')})\\b`, 'i');

/** Requests that ask the college to answer without a question mark ("Graag aangeven ...", "Kunt u ..."). */
const REQUEST_RE =
  /^(?:graag|gaarne|wil(?:t)? u|kunt u|kan het college|zou(?:den)? (?:u|het college)|verzoeke?n? (?:wij|ik)?|(?:wij|ik|we) (?:verzoeken|vragen|willen|zouden|verneem|vernemen)|ook de vraag|de vraag (?:is )?of)\b/i;

/** Indirect questions inside prose: "vraagt onze fractie welke stappen ...", "Graag verneem ik ... of". */
const INDIRECT_RE =
  /\b(?:vraagt|vragen|vraag) (?:onze|de|mijn) (?:fractie|partij)\b|\bgraag (?:verneem|vernemen|vraag|hoor|horen|ontvang|ontvangen|krijg|krijgen|wil|willen|zou|zouden) (?:ik|wij|we)\b|^(?:ook )?de vraag of\b|\b(?:ik|wij|we) (?:wil|willen|zou|zouden) graag (?:weten|vernemen)\b/i;

/** A sentence that asks: ends in "?" outside quotes, or opens like a question/request. */
export function isQuestionSentence(sentence: string): boolean {
  const s = sentence.trim();
  if (!s) return false;
  if (/\?\s*["”’')\]]*\s*$/.test(withoutQuotes(s)) || /\?["”’]?\s*$/.test(s)) return true;
  if (INDIRECT_RE.test(s)) return true;
  return false;
}

/** Text that asks the college something: a "?" outside quotes, a question opener or a request. */
export function isQuestionLike(text: string): boolean {
  const t = text.trim();
  if (!t) return false;
  if (withoutQuotes(t).includes('?') || /\?["”’]/.test(t)) return true;
  const first = t.replace(/^[\s"“‘'(]+/, '');
  return OPENER_RE.test(first) || REQUEST_RE.test(first) || INDIRECT_RE.test(t) || REQUEST_INSIDE_RE.test(t);
}

/** A request inside a sentence: "Indien ..., graag aangeven waarom ..." (letter 34). */
const REQUEST_INSIDE_RE = /\b(?:graag|gaarne)\s+(?:aangeven|aan te geven|toelichten|weten|vernemen|horen|een toelichting|een reactie|uw reactie|een overzicht|een antwoord)\b/i;

/** Whether a text contains a real question mark (outside quotes). */
export function hasQuestionMark(text: string): boolean {
  return withoutQuotes(text).includes('?') || /\?["”’]\s*$/.test(text.trim());
}

/** A follow-up that belongs to the question before it: "Zo ja, ...", "Indien nee, ...", "En zo ja, ...". */
export function isFollowUp(text: string): boolean {
  const t = text.trim().replace(/^[\s"“‘'(]+/, '');
  // "Waarom (wel of) niet?" on its own asks after the question before it.
  if (/^(?:en\s+)?waarom\s+(?:(?:wel|niet)(?:\s+of\s+(?:wel|niet))?|dan\s+niet)\s*\?$/i.test(t)) return true;
  return /^(?:en\s+)?(?:zo|indien|als|mocht dat|wanneer dat|in dat geval)\s*(?:ja|nee|neen|niet|wel|dit (?:niet|wel) het geval is|dat (?:niet|wel) (?:zo|het geval) is)\b/i.test(t);
}

/** A line that announces the list of questions ("de volgende vragen:", "Vragen", "Hierover de vragen:"). */
export function isLeadIn(text: string): boolean {
  const t = text.trim();
  if (/^(?:de )?(?:vragen|vraag)\s*:?$/i.test(t)) return true;
  if (/\b(?:volgende|onderstaande|navolgende|hiernavolgende|hierna volgende|aantal|enkele|een paar|nog|deze|onze|mijn|de)\s+(?:\w+\s+)?(?:schriftelijke\s+|vervolg)?(?:vragen|vraag)\b/i.test(t)) {
    return /:\s*$/.test(t) || /\b(?:volgende|onderstaande|navolgende|hiernavolgende|hierna volgende)\b/i.test(t) || /\b(?:stellen|stelt|stel|voorleggen|voor te leggen|gesteld|heeft|hebben)\b/i.test(t);
  }
  if (/:\s*$/.test(t) && /\b(?:vragen|vraag|verzoeken|verzoek|aan te geven|willen weten|graag weten|aangeven)\b/i.test(t)) return true;
  return false;
}

/** Closing lines that end the questions: greetings, requests to answer in time, "Wordt vervolgd". */
export function isClosing(text: string): boolean {
  const t = text.trim();
  return (
    /^(?:met\s+)?(?:vriendelijke|hartelijke|beste|collegiale)\s+groet(?:en)?\b/i.test(t) ||
    /^(?:hoogachtend|groet(?:en)?|m\.?v\.?g\.?|mvg)\b/i.test(t) ||
    /^namens\b/i.test(t) ||
    /^(?:wij|we|ik)\s+(?:zien|zie|kijken|kijk|wachten|wacht)\s+(?:uw|de|jullie|graag|met|met belangstelling|uit naar)\b/i.test(t) ||
    /^(?:wij|we|ik)\s+(?:vertrouwen|vertrouw)\s+(?:erop|er\s+op|op)\b/i.test(t) ||
    /^(?:wij|we|ik)\s+(?:danken|dank)\s+u\b/i.test(t) ||
    /^(?:in afwachting|bij voorbaat|alvast bedankt|dank (?:u )?(?:bij voorbaat|voor))/i.test(t) ||
    /^(?:graag|gaarne)\s+(?:uw|een spoedig)\s+(?:reactie|reacties|antwoord|beantwoording)\b/i.test(t) ||
    /^wordt vervolgd\b/i.test(t) ||
    /\b(?:verzoek(?:t|en)?|vragen)\b.{0,60}\b(?:bovenstaande|deze)\s+vragen\b.{0,80}\b(?:termijn|beantwoorden|spoedig)/i.test(t) ||
    /^(?:gezien de urgentie|wij verzoeken u|ik verzoek u)\b.*\b(?:antwoord|beantwoord|tegemoet)/i.test(t)
  );
}

/** Who answers, after "Antwoord" or "Reactie": "(van) het college", "B&W", "burgemeester en wethouders", "de wethouder". */
const ANSWERER = String.raw`(?:van\s+)?(?:(?:het\s+)?college(?:\s+van\s+b\s?&\s?w)?|b\s?&\s?w|burgemeester\s+en\s+wethouders|(?:de\s+)?wethouder)`;

/**
 * The start of an answer interleaved with the questions: "Antwoord:", "Antwoord 2:",
 * "Beantwoording:", "Antwoord van het college:", "Reactie college:". ("Antwoord van het college:"
 * was not one, so a letter published with its answers lost the first and kept the last as text.)
 */
export const ANSWER_START_RE = new RegExp(
  String.raw`^(?:\*\*)?(?:beantwoording|antwoord(?:\s+${ANSWERER})?|reactie\s+${ANSWERER})(?:\s+(?:op\s+)?(?:vraag\s+)?\d+)?\s*(?:\*\*)?\s*[:.-]\s*(?:\*\*)?\s*`,
  'i',
);
