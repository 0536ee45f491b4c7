import { describe, expect, it } from 'vitest';
import type { LinkedPassage, LinkResult } from '../../index.js';
import { formatEvalText, formatLinkText, formatSearchText, quote } from './link-text.js';

const passage: LinkedPassage = {
  id: 'zwolse-agenda:abc', doc: 'zwolse-agenda', file: 'corpus/zwolse-agenda.md', title: 'Zwolse agenda',
  heading: ['Zwolse agenda', '4.3 Aanpassen van de systeemwereld'], lines: [612, 615], kind: 'policy',
  text: 'Uit de signalen vanuit het werkveld blijkt dat de systeemwereld in de weg zit. De gemeente praat met het Rijk in de G40.',
  score: 12.345, matched: ['Rijk', 'G40'], context: ['zorg'], synonyms: [],
};

describe('formatLinkText', () => {
  it('shows per question the heading path, file and lines, score, matched words and a quote', () => {
    const result: LinkResult = { id: 'd66', questions: [{ number: 9, text: 'Wat doet het college hier bij het Rijk?', borrowed: true, passages: [passage] }] };
    expect(formatLinkText(result)).toBe(
      [
        'Vraag 9: Wat doet het college hier bij het Rijk?  [+ vraag 8]',
        '   1.  12.35  Zwolse agenda › 4.3 Aanpassen van de systeemwereld',
        '             corpus/zwolse-agenda.md:612-615  matched: Rijk, G40  (context: zorg)',
        '             "… De gemeente praat met het Rijk in de G40."',
        '',
      ].join('\n'),
    );
  });

  it('says through which phrase of the synonym list a passage matched', () => {
    const viaSynonym = { ...passage, matched: [], context: [], synonyms: ['verward gedrag'] };
    const text = formatLinkText({ id: null, questions: [{ number: 1, text: 'Verwarde personen?', borrowed: false, passages: [viaSynonym] }] });
    expect(text).toContain('corpus/zwolse-agenda.md:612-615  matched: -  via synoniem: verward gedrag');
  });

  it('says so for a question without passages', () => {
    expect(formatLinkText({ id: null, questions: [{ number: 1, text: 'Vraag?', borrowed: false, passages: [] }] })).toContain('  no passages found');
  });
});

describe('quote', () => {
  it('picks the sentence with the most matched words and clips long ones', () => {
    expect(quote('Eerste zin over niets. Tweede zin over de politie en meldingen.', ['politie'])).toBe('… Tweede zin over de politie en meldingen.');
    expect(quote(`${'lang '.repeat(60)}einde.`, []).length).toBeLessThanOrEqual(180);
  });

  it('shows the answer rather than the quoted question of an earlier answer when both match as well', () => {
    const answer = '> Deelt het college de mening dat de politie minder meldingen moet krijgen?\n\nJa. De politie krijgt minder meldingen door samenwerking.';
    expect(quote(answer, ['politie', 'meldingen'])).toBe('… De politie krijgt minder meldingen door samenwerking.');
    expect(quote(answer, ['politie', 'meldingen', 'mening'])).toBe('> Deelt het college de mening dat de politie minder meldingen moet krijgen?');
  });
});

describe('formatSearchText', () => {
  it('says so when nothing matches', () => {
    expect(formatSearchText('zwembad', [])).toBe('No passages match "zwembad".\n');
  });
});

describe('formatEvalText', () => {
  it('prints a row per question and the averages', () => {
    const m = { hit1: 0.5, hit5: 1, recall5: 0.75, recall10: 1, mrr: 0.75, ndcg10: 0.8 };
    const out = formatEvalText('gold.json', {
      questions: 2, metrics: m, unreachable: [],
      perQuestion: [{ n: 1, firstRelevant: 1, gold: 1, ...m }, { n: 2, firstRelevant: null, gold: 2, ...m }],
    });
    expect(out).toContain('gold.json: 2 questions with gold passages');
    expect(out).toContain('   2      -      1.000    0.800');
    expect(out.trimEnd().split('\n').at(-1)).toBe('hit@1 0.500  hit@5 1.000  recall@5 0.750  recall@10 1.000  MRR 0.750  nDCG@10 0.800');
  });

  it('says how wide the 95% interval of a small set is, when the report has it', () => {
    const m = { hit1: 0, hit5: 0.5, recall5: 0.5, recall10: 0.5, mrr: 0.4, ndcg10: 0.4 };
    const out = formatEvalText('gold.json', {
      questions: 2, metrics: m, unreachable: [], perQuestion: [],
      intervals: { hit5: { low: 0, high: 1 }, recall10: { low: 0.25, high: 0.75 }, mrr: { low: 0.1, high: 0.7 }, over: 'letters', groups: 2 },
    });
    expect(out.trimEnd().split('\n').at(-1)).toBe('95% interval (bootstrap over the 2 letters): hit@5 0.000–1.000  recall@10 0.250–0.750  MRR 0.100–0.700');
  });
});
