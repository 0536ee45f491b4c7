import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AnswerSection, Question } from '../model.js';
import { matchSections, questionSimilarity } from './match-sections.js';

const q = (number: number, text: string): Question => ({ number, label: null, text, parts: [] });
const s = (number: number, question: string, answer = 'Een antwoord.'): AnswerSection => ({ number, question, answer, sources: [], line: number * 10 });

const Q = [
  'Deelt het college de opvatting van D66 dat de draaglast in sommige wijken onder druk staat?',
  'Ziet het college mogelijkheden om de druk op wijken te verlichten door voorzieningen te spreiden?',
  'Welke pogingen onderneemt het college om hier bij het Rijk op aan te dringen?',
];

describe('matchSections', () => {
  it('matches by number and text when nothing changed', () => {
    const { matches, unmatched } = matchSections(Q.map((t, i) => q(i + 1, t)), Q.map((t, i) => s(i + 1, t)));
    expect([...matches.values()].map((m) => [m.question, m.section.number, m.kind, m.uncertain])).toEqual([
      [1, 1, 'same', false],
      [2, 2, 'same', false],
      [3, 3, 'same', false],
    ]);
    expect(unmatched).toEqual([]);
  });

  it('follows the text when a question is inserted before it', () => {
    const questions = [q(1, Q[0]!), q(2, 'Een nieuwe vraag over de jongerenvoorziening in Holtenbroek?'), q(3, Q[1]!), q(4, Q[2]!)];
    const { matches } = matchSections(questions, Q.map((t, i) => s(i + 1, t)));
    expect(matches.get(2)).toBeUndefined();
    expect(matches.get(3)).toMatchObject({ kind: 'renumbered', uncertain: false, section: { number: 2 } });
    expect(matches.get(4)).toMatchObject({ kind: 'renumbered', section: { number: 3 } });
  });

  it('keeps a corrected question with its answer, and reports a reworded one as uncertain', () => {
    const questions = [q(1, Q[0]!.replace('Deelt', 'Deel')), q(2, 'Hoe wil het college de druk op wijken verlichten, bijvoorbeeld door corporatiewoningen te spreiden?'), q(3, Q[2]!)];
    const { matches } = matchSections(questions, Q.map((t, i) => s(i + 1, t)));
    expect(matches.get(1)).toMatchObject({ kind: 'same', uncertain: false });
    expect(matches.get(2)).toMatchObject({ section: { number: 2 }, uncertain: true });
  });

  it('leaves a section whose question is gone unmatched', () => {
    const { matches, unmatched } = matchSections([q(1, Q[0]!), q(2, Q[2]!)], Q.map((t, i) => s(i + 1, t)));
    expect(matches.get(2)).toMatchObject({ section: { number: 3 } });
    expect(unmatched.map((u) => u.number)).toEqual([2]);
  });

  it('brings back an answer kept under Vervallen vragen when its question returns', () => {
    const { matches } = matchSections([q(1, Q[0]!), q(2, Q[1]!)], [s(1, Q[0]!)], [s(5, Q[1]!)]);
    expect(matches.get(2)).toMatchObject({ kind: 'restored', section: { number: 5 } });
  });

  it('places a section without a quoted question by its number', () => {
    const { matches } = matchSections([q(1, Q[0]!)], [s(1, '')]);
    expect(matches.get(1)).toMatchObject({ kind: 'same', uncertain: false });
  });

  it('never takes two different questions of one real letter for the same question', () => {
    // The threshold's evidence: every pair of questions within each development letter.
    const dir = 'test/fixtures/letters';
    let highest = 0;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.gold.json'))) {
      const gold = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')) as { questions?: Array<{ text: string }> };
      const texts = (gold.questions ?? []).map((x) => x.text);
      for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) highest = Math.max(highest, questionSimilarity(texts[i]!, texts[j]!));
    }
    expect(highest).toBeGreaterThan(0);
    expect(highest).toBeLessThan(0.8);
  });
});
