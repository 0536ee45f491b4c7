import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { display } from './load-workspace.js';

describe('display', () => {
  const ws = join(sep, 'tmp', 'werk', 'raad');
  it('names a file inside the workspace by its path from there, with forward slashes', () => {
    expect(display(ws, join(ws, 'questions', 'a.md'))).toBe('questions/a.md');
    expect(display(ws, join(ws, 'answers', 'sub', 'b.md'))).toBe('answers/sub/b.md');
    expect(display(ws, ws)).toBe('.');
  });

  it('gives what path.relative gives for paths outside it, or written unnormalised', () => {
    for (const path of [
      join(sep, 'tmp', 'werk', 'raad2', 'a.md'),
      join(sep, 'tmp', 'werk', 'a.md'),
      `${ws}${sep}questions${sep}..${sep}a.md`,
      `${ws}${sep}.${sep}a.md`,
      `${ws}${sep}${sep}a.md`,
      join(ws, '.answer', 'index.bin'),
    ]) {
      expect(display(ws, path)).toBe(relative(ws, path).split(sep).join('/'));
    }
  });
});
