import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createProgress } from './progress.js';

function terminal(): PassThrough & { isTTY: boolean; written: string } {
  // The methods a terminal stream (tty.WriteStream) has and the spinner uses.
  const stream = Object.assign(new PassThrough(), { isTTY: true, written: '', columns: 80, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
  stream.on('data', (d: Buffer) => (stream.written += d.toString()));
  return stream;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the progress line', () => {
  it('shows nothing for work shorter than a second', () => {
    const stderr = terminal();
    const progress = createProgress(stderr, true);
    progress.report({ task: 'indexing', done: 1, total: 3 });
    progress.stop();
    expect(stderr.written).toBe('');
  });

  it('shows the task and the count once work has gone on for a second, and clears it at the end', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const stderr = terminal();
    const progress = createProgress(stderr, true);
    progress.report({ task: 'indexing', done: 0, total: 300 });
    vi.setSystemTime(Date.now() + 1500);
    progress.report({ task: 'indexing', done: 120, total: 300 });
    await vi.waitFor(() => expect(stderr.written).toContain('indexing 120/300'));
    progress.stop();
  });

  it('stays silent when disabled (not a terminal, or --quiet)', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const stderr = terminal();
    const progress = createProgress(stderr, false);
    progress.report({ task: 'indexing', done: 0, total: 3 });
    vi.setSystemTime(Date.now() + 5000);
    progress.report({ task: 'indexing', done: 2, total: 3 });
    progress.stop();
    expect(stderr.written).toBe('');
  });
});
