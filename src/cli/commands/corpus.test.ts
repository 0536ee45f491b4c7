import { copyFile, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliIn, tempWorkspace } from '../test-helpers.js';

const SEED = new URL('../../../test/fixtures/seeds/policy/zwolse-agenda-zorg-en-veiligheid-2025-2026.txt', import.meta.url);

let dir: string;
beforeEach(async () => {
  dir = await tempWorkspace('answer-corpus-cli-');
  await copyFile(SEED, join(dir, 'zwolse-agenda-zorg-en-veiligheid-2025-2026.txt'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function run(argv: string[]) {
  return runCliIn(dir, argv);
}

describe('answer corpus add', () => {
  it('writes corpus/<slug>.md and prints its path', async () => {
    const { code, out, err } = await run(['corpus', 'add', 'zwolse-agenda-zorg-en-veiligheid-2025-2026.txt']);
    expect(code).toBe(0);
    expect(out).toBe('corpus/zwolse-agenda-zorg-en-veiligheid-2025-2026.md\n');
    expect(err).toContain('"Zwolse agenda zorg en veiligheid 2025-2026" (2025)');
    const markdown = await readFile(join(dir, 'corpus', 'zwolse-agenda-zorg-en-veiligheid-2025-2026.md'), 'utf8');
    expect(markdown).toMatch(/^---\ntitle: Zwolse agenda zorg en veiligheid 2025-2026\ndate: "2025"\nsource: zwolse-agenda-zorg-en-veiligheid-2025-2026.txt\n---\n# Zwolse agenda/);
    expect(markdown).toContain('\n### 4.3 Aanpassen van de systeemwereld op de leefwereld\n');
  });

  it('takes --title, --date, --kind and --dir', async () => {
    await writeFile(join(dir, 'nota.txt'), 'Dit is de tekst van een korte nota over wonen en zorg in de wijk.\n');
    const { code, out } = await run(['corpus', 'add', 'nota.txt', '--title', 'Visie wonen', '--date', '2024-03', '--kind', 'visie', '--dir', 'beleid']);
    expect(code).toBe(0);
    expect(out).toBe('beleid/nota.md\n');
    expect(await readFile(join(dir, 'beleid', 'nota.md'), 'utf8')).toMatch(/^---\ntitle: Visie wonen\ndate: 2024-03\nsource: nota.txt\nkind: visie\n---\n# Visie wonen\n/);
  });

  it('never overwrites a corpus file without --force, and keeps a backup under .answer/backups', async () => {
    await run(['corpus', 'add', 'zwolse-agenda-zorg-en-veiligheid-2025-2026.txt']);
    const target = join(dir, 'corpus', 'zwolse-agenda-zorg-en-veiligheid-2025-2026.md');
    await writeFile(target, 'mijn eigen aantekeningen');
    const refused = await run(['corpus', 'add', 'zwolse-agenda-zorg-en-veiligheid-2025-2026.txt']);
    expect(refused.code).toBe(2);
    expect(refused.err).toBe('corpus/zwolse-agenda-zorg-en-veiligheid-2025-2026.md  exists; not overwriting it (use --force to replace it; the old version is kept under .answer/backups/)\n');
    expect(await readFile(target, 'utf8')).toBe('mijn eigen aantekeningen');
    const forced = await run(['corpus', 'add', 'zwolse-agenda-zorg-en-veiligheid-2025-2026.txt', '--force']);
    expect(forced.code).toBe(0);
    expect(await readdir(join(dir, 'corpus'))).toEqual(['zwolse-agenda-zorg-en-veiligheid-2025-2026.md']);
    const backups = await readdir(join(dir, '.answer', 'backups', 'corpus'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/^zwolse-agenda-zorg-en-veiligheid-2025-2026\.\d{8}T\d{6}\.\d{3}Z\.md$/);
    expect(await readFile(join(dir, '.answer', 'backups', 'corpus', backups[0]!), 'utf8')).toBe('mijn eigen aantekeningen');
  });

  it('refuses an existing target before converting anything', async () => {
    await run(['corpus', 'add', 'zwolse-agenda-zorg-en-veiligheid-2025-2026.txt']);
    // A document that could not even be read: the refusal comes first, so it costs no conversion.
    await writeFile(join(dir, 'zwolse-agenda-zorg-en-veiligheid-2025-2026.pdf'), '%PDF-1.7 kapot');
    const { code, err } = await run(['corpus', 'add', 'zwolse-agenda-zorg-en-veiligheid-2025-2026.pdf']);
    expect(code).toBe(2);
    expect(err).toMatch(/^corpus\/zwolse-agenda-zorg-en-veiligheid-2025-2026\.md {2}exists; not overwriting it/);
  });

  it('exits 2 with one line naming the file for an unreadable document, and writes nothing', async () => {
    await writeFile(join(dir, 'leeg.txt'), '');
    const { code, err } = await run(['corpus', 'add', 'zwolse-agenda-zorg-en-veiligheid-2025-2026.txt', 'leeg.txt']);
    expect(code).toBe(2);
    expect(err).toBe('leeg.txt  the file is empty\n');
    await expect(readdir(join(dir, 'corpus'))).rejects.toThrow();
  });

  it('refuses --title for more than one file, and a bad --date', async () => {
    await writeFile(join(dir, 'b.txt'), 'Tekst.\n');
    expect((await run(['corpus', 'add', 'zwolse-agenda-zorg-en-veiligheid-2025-2026.txt', 'b.txt', '--title', 'X'])).code).toBe(2);
    const bad = await run(['corpus', 'add', 'b.txt', '--date', '12-03-2024']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--date must be YYYY, YYYY-MM or YYYY-MM-DD');
  });
});
