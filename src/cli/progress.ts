/**
 * A progress line on stderr for work that takes more than about a second (files converted,
 * passages indexed), only when stderr is a terminal and `--quiet` is not given. The spinner
 * library is loaded only when a line is actually shown, so short commands never load it.
 */
import type { Writable } from 'node:stream';
import type { ProgressEvent } from '../index.js';
import { terminalSafe } from './terminal.js';

/** Work shorter than this shows nothing: a line that flashes by helps no one. */
const SHOW_AFTER_MS = 1000;

export interface Progress {
  report(event: ProgressEvent): void;
  /** Remove the line (before the command prints its result). */
  stop(): void;
}

export function createProgress(stderr: Writable, enabled: boolean): Progress {
  if (!enabled) return { report: () => undefined, stop: () => undefined };
  let started: number | null = null;
  let latest = '';
  let spinner: { text: string; stop(): unknown; clear(): unknown } | null = null;
  let loading = false;
  let stopped = false;
  const describe = (event: ProgressEvent) => terminalSafe(`${event.task}${event.total ? ` ${Math.min(event.done, event.total)}/${event.total}` : ''}${event.item ? ` ${event.item}` : ''}`);
  return {
    report(event) {
      if (stopped) return;
      latest = describe(event);
      started ??= Date.now();
      if (spinner) {
        spinner.text = latest;
        return;
      }
      if (loading || Date.now() - started < SHOW_AFTER_MS) return;
      loading = true;
      void import('yocto-spinner').then(({ default: yoctoSpinner }) => {
        if (stopped) return;
        spinner = yoctoSpinner({ text: latest, stream: stderr, handleSignals: false }).start();
      });
    },
    stop() {
      stopped = true;
      spinner?.clear();
      spinner?.stop();
      spinner = null;
    },
  };
}
