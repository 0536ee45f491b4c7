import fc from 'fast-check';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { hasFrontMatter, parseFrontMatter, parseYaml, plainYaml, readFrontMatter, stringifyFrontMatter } from './front-matter.js';

function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('readFrontMatter', () => {
  it('refuses a ---js block without running it', () => {
    const g = globalThis as { pwned?: boolean };
    delete g.pwned;
    for (const fence of ['---js', '---javascript', '--- js', '---JS', '---coffee', '---json', '---toml']) {
      const text = `${fence}\n{ title: (globalThis.pwned = true, "x") }\n---\nbody\n`;
      const error = inputError(() => readFrontMatter(text, 'questions/x.md'));
      expect(error.file).toBe('questions/x.md');
      expect(error.line).toBe(1);
      expect(error.message).toContain('YAML');
    }
    expect(g.pwned).toBeUndefined();
  });

  it('accepts a fence that names yaml', () => {
    expect(readFrontMatter('---yaml\na: b\n---\nx').data.a).toBe('b');
    expect(readFrontMatter('---yml\na: b\n---\nx').data.a).toBe('b');
  });

  it('keeps every scalar a string: no YAML 1.1 or core typing', () => {
    const { data } = readFrontMatter('---\nnr: 0012\ntime: 12:30\ndate: 2025-04-12\nyes: no\nhex: 0x1F\nfloat: 1e3\n---\n');
    expect(data.nr).toBe('0012');
    expect(data.time).toBe('12:30');
    expect(data.date).toBe('2025-04-12');
    expect(data.yes).toBe('no');
    expect(data.hex).toBe('0x1F');
    expect(data.float).toBe('1e3');
  });

  it('reads a plain null, ~ or empty value as null, but a quoted "null" as text', () => {
    const { data } = readFrontMatter('---\na: null\nb: ~\nc:\nd: "null"\ne: \'\'\n---\n');
    expect(data.a).toBeNull();
    expect(data.b).toBeNull();
    expect(data.c).toBeNull();
    expect(data.d).toBe('null');
    expect(data.e).toBe('');
  });

  it('keeps __proto__ and constructor keys as own data, away from prototypes', () => {
    const { data } = readFrontMatter('---\n__proto__:\n  polluted: yes\nconstructor: x\nnested:\n  __proto__: { polluted: yes }\n---\n');
    expect(Object.getPrototypeOf(data)).toBeNull();
    expect(Object.keys(data)).toEqual(['__proto__', 'constructor', 'nested']);
    expect((data['__proto__'] as Record<string, unknown>).polluted).toBe('yes');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(data.nested)).toBeNull();
  });

  it('refuses an alias bomb quickly', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const error = inputError(() => readFrontMatter(`---\n${levels.join('\n')}\n---\n`, 'bomb.md'));
    expect(error.message).toMatch(/alias/);
  });

  it('expands a few aliases into independent copies', () => {
    const { data } = readFrontMatter('---\nbase: &b [x, y]\ncopy: *b\n---\n');
    expect(data.copy).toEqual(['x', 'y']);
    expect(data.copy).not.toBe(data.base);
  });

  it('reports broken YAML with the file and the line in the file', () => {
    const error = inputError(() => readFrontMatter('---\ntitle: ok\nparty: [D66\ndate: 2025\n---\nbody', 'q.md'));
    expect(error.file).toBe('q.md');
    expect(error.line).toBeGreaterThanOrEqual(3);
    expect(error.message).toMatch(/not valid YAML/);
  });

  it('reports a duplicate key at its line', () => {
    const error = inputError(() => readFrontMatter('---\ntitle: a\ndate: x\ntitle: b\n---\n', 'q.md'));
    expect(error.line).toBe(4);
  });

  it('refuses an unclosed block and a malformed closing fence', () => {
    expect(inputError(() => readFrontMatter('---\ntitle: a\n', 'q.md')).message).toMatch(/not closed/);
    const error = inputError(() => readFrontMatter('---\ntitle: a\n---x\nbody', 'q.md'));
    expect(error.line).toBe(3);
  });

  it('refuses front matter that is not a map', () => {
    expect(inputError(() => readFrontMatter('---\n- a\n- b\n---\n', 'q.md')).message).toMatch(/key: value/);
    expect(inputError(() => readFrontMatter('---\njust text\n---\n', 'q.md')).line).toBe(2);
  });

  it('gives the line of every key by dotted path', () => {
    const text = '---\ntitle: x\nuitstel:\n  date: 2025-05-01\n  until: 2025-06-01\nparties:\n  - D66\n  - VVD\n---\nbody\n';
    const { keyLines, body, bodyStartLine } = readFrontMatter(text);
    expect(keyLines).toMatchObject({ title: 2, uitstel: 3, 'uitstel.date': 4, 'uitstel.until': 5, parties: 6, 'parties.0': 7, 'parties.1': 8 });
    expect(body).toBe('body\n');
    expect(bodyStartLine).toBe(10);
  });

  it('handles CRLF files, a byte order mark and a fence with trailing spaces', () => {
    const { data, body, keyLines } = readFrontMatter('\ufeff---\r\ntitle: x\r\ndate: y\r\n---  \r\nbody\r\n');
    expect(data.title).toBe('x');
    expect(keyLines.date).toBe(3);
    expect(body).toBe('body\r\n');
  });

  it('returns the whole text as body when there is no front matter', () => {
    const result = readFrontMatter('# Title\n\ntext');
    expect(result.body).toBe('# Title\n\ntext');
    expect(result.bodyStartLine).toBe(1);
    expect(Object.keys(result.data)).toEqual([]);
    expect(hasFrontMatter('----\nx')).toBe(false);
    expect(hasFrontMatter('---\nx: y\n---\n')).toBe(true);
  });

  it('reads an empty block as no data', () => {
    const result = readFrontMatter('---\n# only a comment\n---\nbody');
    expect(Object.keys(result.data)).toEqual([]);
    expect(result.body).toBe('body');
  });
});

describe('parseFrontMatter', () => {
  it('returns what readFrontMatter refuses as a schema problem at its line, never throwing', () => {
    const cases: Array<[string, number, RegExp]> = [
      ['---js\n{ a: 1 }\n---\nbody', 1, /must be YAML/],
      ['---\ntitle: a\n', 1, /not closed/],
      ['---\ntitle: a\n---x\nbody', 3, /closing fence/],
      ['---\ntitle: ok\nparty: [D66\n---\nbody', 3, /not valid YAML/],
      ['---\n- a\n---\n', 2, /key: value/],
    ];
    for (const [text, line, message] of cases) {
      const read = parseFrontMatter(text, 'q.md');
      expect(read.present).toBe(true);
      expect(read.problems).toEqual([{ code: 'schema', severity: 'error', message: expect.stringMatching(message), file: 'q.md', line }]);
      expect(Object.keys(read.data)).toEqual([]);
    }
    // The body after a closed block is still there to read.
    expect(parseFrontMatter('---\nparty: [D66\n---\n## Vraag 1\n').body).toBe('## Vraag 1\n');
  });

  it('tells a file without front matter apart', () => {
    expect(parseFrontMatter('# Titel\n')).toMatchObject({ present: false, problems: [], body: '# Titel\n', bodyStartLine: 1 });
  });
});

describe('the plain subset', () => {
  const byYaml = (yamlText: string) => {
    try {
      return parseYaml(yamlText, null);
    } catch {
      return 'refused';
    }
  };

  it('reads what the writer writes exactly as yaml does', () => {
    const yamlText = 'id: x\narticle: "45"\nnote: \'a: b\'\nparties:\n  - D66\n  - SP\nmembers: []\nuitstel:\n  date: 2025-05-01\n  reason:\n  until: 2025-06-01\nempty:\nnul: null';
    expect(plainYaml(yamlText)).toEqual(byYaml(yamlText));
    expect(plainYaml(yamlText)).not.toBeNull();
  });

  it('steps aside for YAML beyond it', () => {
    for (const yamlText of ['a: b # c', 'a: [1, 2]', 'a: {b: c}', 'a: &x b', 'a: |\n  b', 'a: "b\\"c"', 'a: b\na: c', '# comment', 'a:\n    b: c', 'a:\n  -', 'a: b ', 'a:  b', '? a', 'a: b\r']) {
      expect(plainYaml(yamlText), yamlText).toBeNull();
    }
  });

  it('agrees with yaml on any mix of plain lines', () => {
    const line = fc.constantFrom('id: x', 'title: Vragen over zorg', 'a: "45"', "b: 'c'", 'd:', 'e: null', 'f: ~', 'g: []', '  - D66', '- SP', '  until: 2025-06-01', 'h: a:b', 'i: https://x.nl', 'j: x, y', 'k: [a', 'l: -5', '',
      'm: a#b', 'n: a #b', 'o: a:', 'p: x: y', 'q: Null', 'r: "a#b"', "s: 'x: y'", 't: @x', 'u: `x`', 'v: a:b:c', 'w: NULL', 'x: nulls', 'y: "a: b"', 'z: ~x');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), (lines) => {
        const yamlText = lines.join('\n');
        const plain = plainYaml(yamlText);
        if (plain === null) return;
        expect(plain).toEqual(byYaml(yamlText));
      }),
      { numRuns: 500 },
    );
  });

  it('gives the key lines of the file', () => {
    expect(readFrontMatter('---\nid: x\nparties:\n  - D66\n---\n').keyLines).toEqual({ id: 2, parties: 3, 'parties.0': 4 });
  });
});

describe('stringifyFrontMatter', () => {
  it('writes readable YAML with plain dates and quotes what a typed reader would misread', () => {
    const text = stringifyFrontMatter({ date: '2025-04-12', nr: '0012', time: '12:30', answer: 'yes', word: 'null', count: 3, none: null, skipped: undefined }, 'body\n');
    expect(text).toContain('date: 2025-04-12\n');
    expect(text).toContain('nr: "0012"\n');
    expect(text).toContain('time: "12:30"\n');
    expect(text).toContain('answer: "yes"\n');
    expect(text).toContain('word: "null"\n');
    expect(text).toContain('count: 3\n');
    expect(text).toContain('none: null\n');
    expect(text).not.toContain('skipped');
    expect(text.endsWith('---\nbody\n')).toBe(true);
    const typed11 = YAML.parse(text.split('---\n')[1]!, { version: '1.1' }) as Record<string, unknown>;
    expect(typed11.nr).toBe('0012');
    expect(typed11.time).toBe('12:30');
    expect(typed11.answer).toBe('yes');
    const typedCore = YAML.parse(text.split('---\n')[1]!) as Record<string, unknown>;
    expect(typedCore.nr).toBe('0012');
    expect(typedCore.word).toBe('null');
  });

  it('round-trips arbitrary string data and the body exactly', () => {
    const key = fc.string({ minLength: 1, maxLength: 12 });
    const scalar = fc.oneof(fc.string(), fc.constant(null), fc.constantFrom('0012', '12:30', 'yes', '~', '---', '...', '#x', '- a', '2025-04-12'));
    const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 4 }), fc.dictionary(key, scalar, { maxKeys: 3 }));
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 6 }), fc.string(), (data, body) => {
        const back = readFrontMatter(stringifyFrontMatter(data, body));
        expect(JSON.parse(JSON.stringify(back.data))).toEqual(JSON.parse(JSON.stringify(data)));
        expect(back.body).toBe(body);
      }),
      { numRuns: 300 },
    );
  });

  it('writes a __proto__ key as data', () => {
    const data = Object.create(null) as Record<string, string>;
    data['__proto__'] = 'x';
    const text = stringifyFrontMatter(data, '');
    expect(readFrontMatter(text).data['__proto__']).toBe('x');
  });
});
