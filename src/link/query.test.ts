import { describe, expect, it } from 'vitest';
import { buildQuery, DEFAULT_PREAMBLE, FOLLOW_UP_WEIGHT, FRAMING_WEIGHT, framingTerms, leansOnPrevious, NAME_WEIGHT, PREVIOUS_WEIGHT, SYNONYM_WEIGHT, UNKNOWN_SYNONYM_WEIGHT } from './query.js';
import { parseSynonyms, synonymSet } from './synonyms.js';
import { stem } from './stem.js';

const weightOf = (q: ReturnType<typeof buildQuery>, word: string) => q.terms.find((t) => t.term === stem(word))?.weight ?? 0;

const Q8 = 'Welke maatregelen hoopt het college dat het Rijk neemt om mee te werken aan het oplossen van problematiek op het gebied van zorg en veiligheid?';
const Q9 = 'Welke pogingen onderneemt het college om hier bij het Rijk op aan te dringen?';

describe('buildQuery', () => {
  it('weighs the question words fully and framing words like "college" little', () => {
    const q = buildQuery('Is het college bereid de wachtlijsten voor beschermd wonen te verkorten?');
    expect(weightOf(q, 'wachtlijsten')).toBe(1);
    expect(weightOf(q, 'college')).toBeCloseTo(FRAMING_WEIGHT);
    expect(weightOf(q, 'bereid')).toBeCloseTo(FRAMING_WEIGHT);
  });

  it('takes its framing words from the measured list, by the share of letters they occur in', () => {
    const framing = framingTerms();
    expect(framing.has(stem('college'))).toBe(true);
    expect(framing.has(stem('wachtlijsten'))).toBe(false);
    // A lower cut-off takes more words; one above every count takes none, and then nothing is weighed down.
    expect(framingTerms(0.1).size).toBeGreaterThan(framing.size);
    expect(framingTerms(2).size).toBe(0);
    expect(weightOf(buildQuery('Is het college bereid?', { framing: framingTerms(2) }), 'college')).toBe(1);
  });

  it('leaves out the asking party and its members', () => {
    const q = buildQuery('Deelt het college de mening van D66 over de politie?', { exclude: ['D66', 'Jan de Vries'] });
    expect(weightOf(q, 'd66')).toBe(0);
    expect(weightOf(q, 'politie')).toBe(1);
  });

  it('borrows the terms of the question before when this one points back at it', () => {
    const q = buildQuery(Q9, { previous: Q8 });
    expect(q.borrowed).toBe(true);
    expect(weightOf(q, 'rijk')).toBe(1);
    expect(weightOf(q, 'problematiek')).toBeCloseTo(PREVIOUS_WEIGHT);
    expect(weightOf(q, 'veiligheid')).toBeCloseTo(PREVIOUS_WEIGHT);
    expect(q.terms.find((t) => t.term === stem('veiligheid'))!.source).toBe('previous');
  });

  it('does not borrow for a question that stands on its own', () => {
    const q = buildQuery('Hoeveel meldingen van verward gedrag kreeg de politie in 2024?', { previous: Q8 });
    expect(q.borrowed).toBe(false);
    expect(weightOf(q, 'problematiek')).toBe(0);
  });

  it('lets the subject and preamble weigh in, below the question itself', () => {
    const preamble = 'De druk op de wijken Dieze en Holtenbroek neemt toe. Kwetsbare inwoners wonen langer zelfstandig. '.repeat(3);
    const q = buildQuery('Hoeveel meldingen kreeg de politie?', { subject: 'Zorg en veiligheid', preamble });
    expect(weightOf(q, 'meldingen')).toBe(1);
    const context = q.terms.filter((t) => t.source === 'context');
    expect(context.length).toBeGreaterThan(5);
    for (const t of context) expect(t.weight).toBeLessThanOrEqual(DEFAULT_PREAMBLE.cap);
    const total = context.reduce((s, t) => s + t.weight, 0);
    expect(total).toBeLessThan(q.terms.filter((t) => t.source === 'question').reduce((s, t) => s + t.weight, 0));
  });

  it('weighs a preamble sentence by the words it shares with the question: the one a question picks up counts more', () => {
    const preamble = 'Vorige week berichtte de krant over een peiling. Steeds meer inwoners komen in de financiële problemen.';
    const q = buildQuery('Welke middelen zijn er voor deze inwoners beschikbaar?', { preamble });
    expect(weightOf(q, 'financiële')).toBeGreaterThan(weightOf(q, 'krant'));
    const flat = buildQuery('Welke middelen zijn er voor deze inwoners beschikbaar?', { preamble, preambleSettings: { focus: 0 } });
    expect(weightOf(flat, 'financiële')).toBeCloseTo(weightOf(flat, 'krant'));
  });

  it('gives a question that points back into the preamble its leaning share, and a question that does not the usual one', () => {
    const preamble = 'Steeds meer inwoners komen in de financiële problemen.';
    const settings = { leaningShare: 1 };
    const leaning = buildQuery('Welke middelen zijn er voor deze inwoners beschikbaar?', { preamble, preambleSettings: settings });
    const usual = buildQuery('Welke middelen zijn er voor deze inwoners beschikbaar?', { preamble });
    expect(weightOf(leaning, 'financiële')).toBeGreaterThan(weightOf(usual, 'financiële'));
    const own = buildQuery('Welke middelen zijn er voor ouderen beschikbaar?', { preamble, preambleSettings: settings });
    const ownUsual = buildQuery('Welke middelen zijn er voor ouderen beschikbaar?', { preamble });
    expect(weightOf(own, 'financiële')).toBeCloseTo(weightOf(ownUsual, 'financiële'));
  });

  it('gives words the corpus does not hold no share in the budget of the context', () => {
    const stats = { passages: 100, df: (term: string) => (term === stem('knarrenhof') ? 0 : 5) };
    const preamble = 'Kleinschalige woonkernen voor ouderen worden niet gebouwd.';
    // Every word in 5% of the passages would make the question generic (the next test).
    const preambleSettings = { generic: null };
    const withName = buildQuery('Wat is het beleid voor een knarrenhof?', { preamble, stats, preambleSettings });
    const without = buildQuery('Wat is het beleid voor een knarrenhof?', { preamble, preambleSettings });
    expect(withName.own).toBeLessThan(without.own);
    expect(weightOf(withName, 'ouderen')).toBeLessThan(weightOf(without, 'ouderen'));
  });

  it('gives a question none of whose own words is rare in the corpus more of the preamble, never a term above a word of its own', () => {
    const preamble = 'Steeds meer inwoners komen in de financiële problemen.';
    const question = 'Welke middelen zijn er voor deze inwoners beschikbaar?';
    const common = { passages: 1000, df: () => 50 };
    const rare = { passages: 1000, df: (term: string) => (term === stem('middelen') ? 3 : 50) };
    const generic = buildQuery(question, { preamble, stats: common });
    const specific = buildQuery(question, { preamble, stats: rare });
    expect(weightOf(generic, 'financiële')).toBeGreaterThan(weightOf(specific, 'financiële'));
    expect(weightOf(generic, 'financiële')).toBeLessThanOrEqual(1);
    const off = buildQuery(question, { preamble, stats: common, preambleSettings: { generic: null } });
    expect(weightOf(off, 'financiële')).toBeCloseTo(weightOf(specific, 'financiële'));
  });
});

describe('names, synonyms and follow-ups', () => {
  it('weighs down the name of another place or a newspaper, not the corpus\'s own place', () => {
    const q = buildQuery('De gemeente Almere stopt met jeugdhulp, schreef het Reformatorisch Dagblad.');
    expect(weightOf(q, 'almere')).toBeCloseTo(NAME_WEIGHT);
    expect(weightOf(q, 'reformatorisch')).toBeCloseTo(NAME_WEIGHT);
    expect(weightOf(q, 'jeugdhulp')).toBe(1);
    const home = buildQuery('Wat doet Zwolle?', { stats: { passages: 100, df: (term) => (term === stem('zwolle') ? 40 : 1) } });
    expect(weightOf(home, 'zwolle')).toBe(1);
    expect(weightOf(buildQuery('Wat doet Almere?', { names: false }), 'almere')).toBe(1);
  });

  it('adds the terms of a synonym at half weight, saying through which phrase', () => {
    const q = buildQuery('Hoeveel meldingen over verwarde personen krijgt de politie?');
    const gedrag = q.terms.find((t) => t.term === stem('gedrag'))!;
    expect(gedrag.source).toBe('synonym');
    expect(gedrag.weight).toBeCloseTo(SYNONYM_WEIGHT);
    expect(gedrag.via).toEqual(['verward gedrag']);
    expect(gedrag.synonym).toMatchObject({ trigger: [stem('verwarde'), stem('personen')] });
    expect(buildQuery('Hoeveel meldingen over verwarde personen?', { synonyms: null }).terms.some((t) => t.source === 'synonym')).toBe(false);
  });

  it('weighs the own words of a follow-up sentence as framing words', () => {
    const q = buildQuery('Is de gemeente bezig met een lokale inclusieagenda? Zo ja: wanneer komt de planning?');
    expect(weightOf(q, 'inclusieagenda')).toBe(1);
    expect(weightOf(q, 'planning')).toBeCloseTo(FOLLOW_UP_WEIGHT);
  });
});

describe('leansOnPrevious', () => {
  it('sees pronominal adverbs pointing back', () => {
    expect(leansOnPrevious(Q9, Q8)).toBe(true);
    expect(leansOnPrevious('Wat is daarvan de reden?', Q8)).toBe(true);
  });

  it('sees a demonstrative with a noun of the question before', () => {
    expect(leansOnPrevious('Wanneer verwacht het college dat deze maatregelen effect hebben op de wachttijden?', Q8)).toBe(true);
  });

  it('does not take "op dit moment" for a pointer', () => {
    expect(leansOnPrevious('In hoeverre wordt op dit moment gestuurd op het opbouwen van lokale voorzieningen in de regiogemeenten?', Q8)).toBe(false);
  });

  it('treats a very short question as leaning on the one before', () => {
    expect(leansOnPrevious('Zo ja, wanneer?', Q8)).toBe(true);
  });

  it('never leans on nothing', () => {
    expect(leansOnPrevious(Q9, null)).toBe(false);
  });
});

describe('question frames', () => {
  it('weighs down the frame of a council question, not its topic', () => {
    const q = buildQuery('Deelt het college de opvatting van D66 dat regiogemeenten lokaal voorzieningen moeten opbouwen?');
    expect(weightOf(q, 'deelt')).toBeCloseTo(FRAMING_WEIGHT);
    expect(weightOf(q, 'opvatting')).toBeCloseTo(FRAMING_WEIGHT);
    expect(weightOf(q, 'regiogemeenten')).toBe(1);
    expect(weightOf(q, 'voorzieningen')).toBe(1);
  });

  it('takes the noun a "welke" question asks for as frame when the college hopes, sees or undertakes', () => {
    const q = buildQuery(Q8);
    expect(weightOf(q, 'maatregelen')).toBeCloseTo(FRAMING_WEIGHT);
    expect(weightOf(q, 'hoopt')).toBeCloseTo(FRAMING_WEIGHT);
    expect(weightOf(q, 'rijk')).toBe(1);
  });

  it('keeps verbs that carry the question, and frames only when asked for', () => {
    const q = buildQuery('Voert het college gesprekken met woningcorporaties?');
    expect(weightOf(q, 'voert')).toBe(1);
    expect(weightOf(buildQuery(Q8, { frames: false }), 'maatregelen')).toBe(1);
  });

  describe('with the corpus statistics', () => {
    const holds = (...words: string[]) => {
      const terms = new Set(words.map(stem));
      return { passages: 100, df: (term: string) => (terms.has(term) ? 5 : 0) };
    };
    const synonyms = synonymSet(parseSynonyms('knarrenhof, hofje => geclusterd wonen\nfinanciële problemen => schulden').rules);

    it('gives the synonyms of a word the corpus does not hold a whole word\'s weight, and those of one it holds half', () => {
      const stats = holds('hofje', 'geclusterd', 'wonen', 'bouwen');
      expect(weightOf(buildQuery('Wil het college een Knarrenhof bouwen?', { synonyms, stats }), 'geclusterd')).toBeCloseTo(UNKNOWN_SYNONYM_WEIGHT);
      expect(weightOf(buildQuery('Wil het college een hofje bouwen?', { synonyms, stats }), 'geclusterd')).toBeCloseTo(SYNONYM_WEIGHT);
    });

    it('spends the preamble\'s budget on words the corpus holds', () => {
      const preamble = 'De krant berichtte over de financiële problemen in de Zaanstreek.';
      const stats = holds('financiële', 'problemen', 'krant', 'schulden', 'helpen');
      const q = buildQuery('Hoe helpt het college?', { preamble, stats, synonyms: null });
      expect(weightOf(q, 'zaanstreek')).toBe(0);
      expect(weightOf(q, 'problemen')).toBeGreaterThan(0);
      const kept = buildQuery('Hoe helpt het college?', { preamble, stats, synonyms: null, preambleSettings: { corpusOnly: false } });
      expect(weightOf(kept, 'zaanstreek')).toBeGreaterThan(0);
      expect(weightOf(q, 'problemen')).toBeGreaterThan(weightOf(kept, 'problemen'));
    });

    it('applies the synonyms to the preamble too, at the weight of the words that fire them', () => {
      const preamble = 'Steeds meer inwoners komen in de financiële problemen.';
      const stats = holds('financiële', 'problemen', 'inwoners', 'schulden', 'helpen');
      const q = buildQuery('Hoe helpt het college deze inwoners?', { preamble, stats, synonyms });
      const schulden = q.terms.find((t) => t.term === stem('schulden'));
      expect(schulden?.source).toBe('synonym');
      expect(schulden!.weight).toBeLessThanOrEqual(Math.min(weightOf(q, 'financiële'), weightOf(q, 'problemen')) * SYNONYM_WEIGHT + 1e-9);
      expect(weightOf(buildQuery('Hoe helpt het college deze inwoners?', { preamble, stats, synonyms, preambleSynonyms: 0 }), 'schulden')).toBe(0);
    });
  });
});
