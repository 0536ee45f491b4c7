import { describe, expect, it } from 'vitest';
import { frameTokens } from './question-frame.js';
import { tokenize } from './tokenize.js';

/** The question with its frame words in brackets. */
function marked(question: string): string {
  const tokens = tokenize(question);
  const frame = frameTokens(tokens);
  return tokens.map((t, i) => (frame.has(i) ? `[${t.raw}]` : t.raw)).join(' ');
}

describe('frameTokens', () => {
  it('finds the opinion verb before the addressee and the opinion noun before "dat"', () => {
    expect(marked('Deelt het college de opvatting van D66 dat de draaglast toeneemt?')).toBe('[Deelt] het college de [opvatting] van D66 dat de draaglast toeneemt');
    expect(marked('Deelt u de mening dat de wachtlijst te lang is?')).toBe('[Deelt] u de [mening] dat de wachtlijst te lang is');
  });

  it('finds the predicates "bekend met" and "bereid"', () => {
    expect(marked('Is het college bekend met het bericht over schimmel?')).toBe('Is het college [bekend] met het bericht over schimmel');
    expect(marked('Is het college bereid de kermis te behouden?')).toBe('Is het college [bereid] de kermis te behouden');
  });

  it('finds the predicates of knowing: "inzichtelijk", "in beeld", "zicht op", "inzicht in"', () => {
    expect(marked('Heeft het college inzichtelijk hoeveel ouderen alleen wonen?')).toBe('Heeft het college [inzichtelijk] hoeveel ouderen alleen wonen');
    expect(marked('Heeft het college in beeld hoe lang de wachtlijst is?')).toBe('Heeft het college in [beeld] hoe lang de wachtlijst is');
    expect(marked('Heeft u zicht op de wachttijden?')).toBe('Heeft u [zicht] op de wachttijden');
    expect(marked('Heeft het college inzicht in de kosten van de opvang?')).toBe('Heeft het college [inzicht] in de kosten van de opvang');
    // The same words elsewhere in the question are its topic.
    expect(marked('Hoe brengt de GGD de groep in beeld?')).toBe('Hoe brengt de GGD de groep in beeld');
  });

  it('takes the wethouder or burgemeester asked for the frame, not for the topic', () => {
    expect(marked('Kan de wethouder aangeven wanneer de raad wordt geïnformeerd?')).toBe('Kan de [wethouder] aangeven wanneer de raad wordt geïnformeerd');
    expect(marked('Is de burgemeester bereid te handhaven?')).toBe('Is de [burgemeester] [bereid] te handhaven');
    expect(marked('Zo ja, kan de wethouder dat toelichten?')).toBe('Zo ja kan de [wethouder] dat toelichten');
    expect(marked('Hoe kijkt de wethouder hier tegenaan?')).toBe('Hoe [kijkt] de [wethouder] hier tegenaan');
    // Not the addressee: the subject of a question about the wethouder's work is left alone.
    expect(marked('Welke rol heeft de wethouder in het overleg?')).toBe('Welke rol heeft de wethouder in het overleg');
  });

  it('leaves verbs that carry the question and sentences without the addressee alone', () => {
    expect(marked('Voert het college gesprekken met woningcorporaties?')).toBe('Voert het college gesprekken met woningcorporaties');
    expect(marked('Hoeveel meldingen kreeg de politie in 2024?')).toBe('Hoeveel meldingen kreeg de politie in 2024');
  });
});
