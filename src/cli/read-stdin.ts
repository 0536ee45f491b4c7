import type { Readable } from 'node:stream';
import { InputError } from '../errors.js';
import { DEFAULT_READ_LIMITS } from '../read/limits.js';

/** Read all of standard input, refusing more than the readers' size limit. */
export async function readStdin(stdin: Readable | undefined, maxBytes: number = DEFAULT_READ_LIMITS.maxBytes): Promise<Uint8Array> {
  if (!stdin) throw new InputError('no standard input to read', { file: '<stdin>' });
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stdin) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array);
    total += buffer.length;
    if (total > maxBytes) {
      stdin.destroy();
      throw new InputError(`standard input is larger than the ${Math.round(maxBytes / 1024 / 1024)} MB limit`, { file: '<stdin>' });
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}
