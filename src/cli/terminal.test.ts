import { describe, expect, it } from 'vitest';
import { jsonSafe, terminalSafe } from './terminal.js';

describe('terminalSafe', () => {
  it('shows control characters as symbols, and keeps tabs and new lines', () => {
    expect(terminalSafe('a\u001b[2Jb\u0007c\u009b1m\u007f\td\n')).toBe('a\u241b[2Jb\u2407c\ufffd1m\u2421\td\n');
    expect(terminalSafe('regel\rover')).toBe('regel\u240dover');
  });

  it('leaves text without control characters as it is', () => {
    const text = 'Vragen over “zorg” en € 2 — café\n  1. Waarom?\t[x]\n';
    expect(terminalSafe(text)).toBe(text);
  });
});

describe('jsonSafe', () => {
  it('escapes DEL and C1 controls as \\u escapes, which read back as the same data', () => {
    const data = { title: 'a\u009b1m\u007fb' };
    const json = jsonSafe(JSON.stringify(data));
    expect(json).toBe('{"title":"a\\u009b1m\\u007fb"}');
    expect(JSON.parse(json)).toEqual(data);
  });
});
