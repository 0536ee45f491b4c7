import { describe, expect, it } from 'vitest';
import { countWords, sentenceSpans, splitSentences } from './sentences.js';

describe('splitSentences', () => {
  it('splits Dutch text at sentence ends before a capital, a digit or a quote', () => {
    expect(splitSentences('Deze problematiek neemt toe. Zowel in aantal als in complexiteit! Wat gaat goed? “Veel.” 8 jaar later.')).toEqual([
      'Deze problematiek neemt toe.',
      'Zowel in aantal als in complexiteit!',
      'Wat gaat goed?',
      '“Veel.”',
      '8 jaar later.',
    ]);
  });

  it('does not split after abbreviations, initials or before lower case', () => {
    expect(splitSentences('Dit geldt o.a. voor de GGD. Zie bijv. Nota 3. Mw. J. de Vries en ca. 20 personen. vervolg hier.')).toEqual([
      'Dit geldt o.a. voor de GGD.',
      'Zie bijv. Nota 3.',
      'Mw. J. de Vries en ca. 20 personen. vervolg hier.',
    ]);
  });

  it('does not split after letters dotted between them or a single lower-case letter, listed or not', () => {
    expect(splitSentences('De a.s.r. Verzekeringen betaalt mee. Zie onder a. En b. Daarna. Dit bijvoorbeeld. Dat ook.')).toEqual([
      'De a.s.r. Verzekeringen betaalt mee.',
      'Zie onder a. En b. Daarna.',
      'Dit bijvoorbeeld.',
      'Dat ook.',
    ]);
  });

  it('gives spans that cover every sentence of the text', () => {
    const text = '  Een. Twee?  Drie  ';
    expect(sentenceSpans(text).map(([a, b]) => text.slice(a, b))).toEqual(['Een.', 'Twee?', 'Drie']);
  });
});

describe('countWords', () => {
  it('counts hyphenated compounds and elisions as one word', () => {
    expect(countWords('Het GGZ-Veiligheidsoverleg en de thema’s van 2025-2026.')).toBe(7);
  });
});
