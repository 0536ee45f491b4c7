import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeText } from './analyze.js';
import { stem } from './stem.js';
import { defaultSynonyms, expandSynonyms, loadSynonyms, parseSynonyms, synonymSet } from './synonyms.js';
import { DEFAULT_SYNONYMS_TEXT } from './synonyms-nl.js';

/** The whole words and compound parts of a text as expandSynonyms takes them. */
function analysed(text: string) {
  const terms = analyzeText(text).terms.map((t) => ({ term: t.term, weight: t.weight, raw: t.raw }));
  return { words: terms.filter((t) => t.weight === 1), parts: terms.filter((t) => t.weight < 1) };
}

function expand(rules: string, text: string) {
  const { words, parts } = analysed(text);
  return expandSynonyms(synonymSet(parseSynonyms(rules).rules), words, parts, text);
}

describe('parseSynonyms', () => {
  it('reads equivalences, one-way rules and comments in the Solr format', () => {
    const { rules, problems } = parseSynonyms('# sociaal domein\nverward gedrag, verwarde personen\nvoedselbank => armoede, minima  # eenrichting\n\n');
    expect(problems).toEqual([]);
    expect(rules).toHaveLength(2);
    expect(rules[0]!.from.map((p) => p.text)).toEqual(['verward gedrag', 'verwarde personen']);
    expect(rules[0]!.to).toBe(rules[0]!.from);
    expect(rules[1]!.from.map((p) => p.text)).toEqual(['voedselbank']);
    expect(rules[1]!.to.map((p) => p.text)).toEqual(['armoede', 'minima']);
    expect(rules[1]!.source).toBe('synoniemen.txt:3');
  });

  it('analyses a phrase as queries are analysed: stopwords out, stems', () => {
    const [rule] = parseSynonyms('personen met verward gedrag, verwarde personen').rules;
    expect(rule!.from[0]!.words).toEqual([stem('personen'), stem('verward'), stem('gedrag')]);
  });

  it('reports a line that gives no rule, and keeps the others', () => {
    const { rules, problems } = parseSynonyms('alleen\nde, het => een\na => b => c\ndakloos, thuisloos', 'corpus/synoniemen.txt');
    expect(rules).toHaveLength(1);
    expect(problems.map((p) => p.line)).toEqual([1, 2, 3]);
    expect(problems[0]!.file).toBe('corpus/synoniemen.txt');
  });
});

describe('expandSynonyms', () => {
  it('fires a phrase whose words stand together in the question, stopwords between them allowed', () => {
    const firings = expand('verward gedrag, personen met verward gedrag, verwarde personen', 'Hoeveel meldingen over verwarde personen krijgt de politie?');
    expect(firings).toHaveLength(1);
    expect(firings[0]!.raws).toEqual(['verwarde', 'personen']);
    expect(firings[0]!.alternatives.map((a) => a.via)).toEqual(['verward gedrag', 'personen met verward gedrag']);
    // The question's own words are never alternatives: only "gedrag" is new.
    expect(firings[0]!.alternatives[0]!.terms.map((t) => t.term)).toEqual([stem('gedrag')]);
  });

  it('fires a phrase of one word and stopwords only where it stands as written', () => {
    const rules = 'alleen wonen, op zichzelf wonen => eenpersoonshuishoudens';
    for (const text of ['Hoeveel ouderen wonen alleen?', 'Hoeveel ouderen wonen er in Zwolle?', 'Wonen zij alleen of samen?', 'Alleen de wijk waar zij wonen telt.']) {
      expect(expand(rules, text), text).toEqual([]);
    }
    const firings = expand(rules, 'Hoeveel ouderen die op zichzelf (dus alleen) wonen kent Zwolle?');
    expect(firings).toHaveLength(1);
    expect(firings[0]!.raws).toEqual(['alleen', 'wonen']);
    expect(firings[0]!.alternatives.map((a) => a.via)).toEqual(['eenpersoonshuishoudens']);
    expect(expand(rules, 'Wonen zij op zichzelf?')).toEqual([]);
    expect(expand(rules, 'ouderen die op zichzelf wonen')[0]!.raws).toEqual(['op', 'zichzelf', 'wonen']);
  });

  it('weighs an exact phrase by its word in the text, and fires it only when given the text', () => {
    const set = synonymSet(parseSynonyms('één loket => wmo-loket').rules);
    const { words, parts } = analysed('Komt er één loket?');
    expect(expandSynonyms(set, words, parts)).toEqual([]);
    expect(expandSynonyms(set, words, parts, 'Komt er één loket?').map((f) => f.weight)).toEqual([1]);
    const light = words.map((w) => ({ ...w, weight: 0.2 }));
    expect(expandSynonyms(set, light, parts, 'Komt er een loket?').map((f) => f.weight)).toEqual([0.2]);
    // Before, the phrase was its one word: every question about a "loket" fired it.
    expect(expand('één loket => wmo-loket', 'Waar is het loket?')).toEqual([]);
  });

  it('does not fire on the words of a phrase apart', () => {
    expect(expand('verward gedrag, verwarde personen', 'Is het gedrag van personen die verward zijn veranderd?')).toEqual([]);
  });

  it('fires a one-way rule only from its left side', () => {
    expect(expand('voedselbank => armoede', 'Hoe groot is de armoede?')).toEqual([]);
    expect(expand('voedselbank => armoede', 'Waarom groeit de voedselbank?')[0]!.alternatives[0]!.via).toBe('armoede');
  });

  it('fires a one-word phrase on a part of a compound, at the part weight', () => {
    const [firing] = expand('senioren, ouderen', 'Hoe staat het met de seniorenhuisvesting?');
    expect(firing!.trigger).toEqual([stem('senioren')]);
    expect(firing!.weight).toBe(0.5);
    expect(firing!.alternatives[0]!.terms.map((t) => t.term)).toEqual([stem('ouderen')]);
  });
});

describe('the default list', () => {
  it('parses without problems, and no phrase loses all its words to the analysis', () => {
    const { rules, problems } = parseSynonyms(DEFAULT_SYNONYMS_TEXT);
    expect(problems).toEqual([]);
    expect(rules.length).toBeGreaterThan(150);
    expect(defaultSynonyms().rules).toHaveLength(rules.length);
  });
});

describe('loadSynonyms', () => {
  it('adds the rules of synoniemen.txt in each corpus folder to the default list, and reports bad lines', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'answer-synonyms-'));
    try {
      await mkdir(join(dir, 'corpus'));
      await writeFile(join(dir, 'corpus', 'synoniemen.txt'), '# eigen woorden\nzwerver, zwervers => dakloos\nkapot =>\n');
      const { synonyms, problems } = await loadSynonyms(dir, ['corpus', 'elders']);
      expect(synonyms.rules).toHaveLength(defaultSynonyms().rules.length + 1);
      expect(synonyms.rules.at(-1)!.source).toBe('corpus/synoniemen.txt:2');
      expect(problems).toEqual([{ file: 'corpus/synoniemen.txt', line: 3, message: 'an arrow needs phrases on both sides' }]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('expands the same from its JSON form (the build ships it so: synonyms.pack.json)', () => {
    const rules = parseSynonyms(DEFAULT_SYNONYMS_TEXT).rules;
    const shipped = synonymSet(JSON.parse(JSON.stringify(rules)) as typeof rules);
    for (const question of ['Wat doet de gemeente voor mensen met geldzorgen en een huurachterstand?', 'Komt er een Knarrenhof voor senioren?', 'Hoe lang zijn de wachtlijsten in de jeugdhulp?']) {
      const { words, parts } = analysed(question);
      expect(expandSynonyms(shipped, words, parts)).toEqual(expandSynonyms(synonymSet(rules), words, parts));
    }
  });
});
