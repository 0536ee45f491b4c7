import { describe, expect, it } from 'vitest';
import { followsNumbering, isRestart, numberedHeadingShape, plainHeadingShape } from './headings.js';

describe('numberedHeadingShape', () => {
  it('reads the number, its label and the title', () => {
    expect(numberedHeadingShape('4.3 Samenwerking met de politie')).toEqual({ number: [4, 3], label: '4.3', title: 'Samenwerking met de politie' });
    expect(numberedHeadingShape('2. Welke lessen hebben we geleerd?')).toEqual({ number: [2], label: '2.', title: 'Welke lessen hebben we geleerd?' });
    expect(numberedHeadingShape('1. \ufffdWat is de huidige koers')?.title).toBe('Wat is de huidige koers');
  });
  it('refuses sentences, clauses, lower case and long lines', () => {
    expect(numberedHeadingShape('1. We willen breder kijken naar een vraag.')).toBeNull();
    expect(numberedHeadingShape('2. Decentralisatie. Gemeenten moeten zorgen voor')).toBeNull();
    expect(numberedHeadingShape('1 op de 10 Zwollenaren')).toBeNull();
    expect(numberedHeadingShape('4. Wij zoeken aansluiting bij de kracht;')).toBeNull();
    expect(numberedHeadingShape(`1 ${'Lang '.repeat(13)}`)).toBeNull();
  });
});

describe('plainHeadingShape', () => {
  it('takes short capitalised lines, with a question mark allowed', () => {
    expect(plainHeadingShape('Coalitieakkoord')).toBe('Coalitieakkoord');
    expect(plainHeadingShape('Hoe staat Zwolle ervoor? De context van beleid')).toBe('Hoe staat Zwolle ervoor? De context van beleid');
  });
  it('refuses clauses, unbalanced brackets and URLs', () => {
    expect(plainHeadingShape('Bijvoorbeeld:')).toBeNull();
    expect(plainHeadingShape('VIA)')).toBeNull();
    expect(plainHeadingShape('https://vng.nl/')).toBeNull();
  });
});

describe('followsNumbering', () => {
  it('accepts the next sibling at any depth and a first child', () => {
    for (const next of [[4, 3], [5], [5, 1], [4, 3, 1], [4, 2, 1], [4, 2, 1, 1]]) expect(followsNumbering([4, 2], next)).toBe(true);
  });
  it('refuses jumps and repeats', () => {
    for (const next of [[4, 2], [4, 4], [6], [3, 1], [5, 2], [4, 2, 2]]) expect(followsNumbering([4, 2], next)).toBe(false);
  });
  it('tolerates a missing chapter heading (2.1 after 1.3)', () => {
    expect(followsNumbering([1, 3], [2, 1])).toBe(true);
  });
  it('knows a restart of the numbering', () => {
    expect(isRestart([1])).toBe(true);
    expect(isRestart([1, 1])).toBe(true);
    expect(isRestart([2])).toBe(false);
  });
});
