import { describe, expect, it } from 'vitest';
import type { Passage } from '../model.js';
import { functionWordShare, PROSE_FLOOR, proseFactor } from './prose.js';

const passage = (text: string): Passage => ({ id: 'x', doc: 'd', file: 'corpus/d.md', title: 'D', heading: ['D'], lines: [1, 1], text, kind: 'policy' });

describe('proseFactor', () => {
  it('leaves running Dutch text alone', () => {
    const p = passage('De gemeente zet in op een betere samenwerking tussen de zorg en de politie, zodat er minder meldingen zijn.');
    expect(functionWordShare(p)).toBeGreaterThan(0.4);
    expect(proseFactor(p)).toBe(1);
  });

  it('scores a list of document titles or a table down, never below the floor', () => {
    const titles = passage('Regionale visie MO Opdracht tot herinvoering van de AVE DVO OGGZ Preventie met gezag AVE Preventiescanner MO Convenant woonoverlast');
    expect(proseFactor(titles)).toBeLessThan(1);
    const table = passage('Ouderen 55-64 65-74 75> Totaal 2005 11.204 7.417 7.011 25.632');
    expect(proseFactor(table)).toBe(PROSE_FLOOR);
  });
});
