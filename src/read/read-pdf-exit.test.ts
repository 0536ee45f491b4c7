import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('reading a PDF', () => {
  it('lets the process exit afterwards: the idle pdf.js worker keeps nothing alive', () => {
    const script = `
      import { buildLetterPdf } from './test/builders/letter-pdf.ts';
      import { readSource } from './src/read/read-source.ts';
      const built = await buildLetterPdf('Geacht college,\\n\\n1. Klopt het dat de brug dicht is?');
      const source = await readSource({ name: 'brief.pdf', data: built.data });
      console.log(source.text.includes('Klopt het') ? 'read' : 'missing');
    `;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, timeout: 30_000, encoding: 'utf8' });
    expect(child.error).toBeUndefined();
    expect(child.stdout.trim()).toBe('read');
    expect(child.status).toBe(0);
  });
});
