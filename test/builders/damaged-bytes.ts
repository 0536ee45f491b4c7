/**
 * A reader's "never throws anything but InputError" property: the bytes of a good file with a few
 * bytes overwritten at random, read again and again.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { InputError } from '../../src/errors.js';

export async function expectOnlyInputErrors(read: (data: Uint8Array) => Promise<unknown>, data: Uint8Array, options: { flips?: number; runs?: number } = {}): Promise<void> {
  await fc.assert(
    fc.asyncProperty(fc.array(fc.tuple(fc.nat(data.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: options.flips ?? 20 }), async (flips) => {
      const copy = data.slice();
      for (const [at, value] of flips) copy[at] = value;
      try {
        await read(copy);
      } catch (error) {
        expect(error).toBeInstanceOf(InputError);
      }
    }),
    { numRuns: options.runs ?? 40 },
  );
}
