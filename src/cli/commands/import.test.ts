import { copyFile, mkdir, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../main.js';
import { runCliIn, tempWorkspace } from '../test-helpers.js';

const D66 = new URL('../../../test/fixtures/seeds/questions/2025-04-12-d66-regionale-zorg-en-veiligheid.txt', import.meta.url);
const NO_QUESTIONS = 'Geachte heer,\n\nHierbij stuur ik u het verslag van de vergadering.\n\nMet vriendelijke groet\n';

let dir: string;
beforeEach(async () => {
  dir = await tempWorkspace('answer-import-');
  await copyFile(D66, join(dir, 'd66.txt'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function run(argv: string[]) {
  return runCliIn(dir, argv);
}

async function importedId(): Promise<string> {
  const json = JSON.parse((await run(['parse', 'd66.txt', '--json'])).out) as { id: string };
  return json.id;
}

describe('answer import', () => {
  it('writes questions/<id>.md and says what it wrote', async () => {
    const id = await importedId();
    expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    const { code, out } = await run(['import', 'd66.txt']);
    expect(code).toBe(0);
    expect(out).toMatch(new RegExp(`^wrote questions/${id}\\.md \\(\\d+ questions?, deadline \\d{4}-\\d{2}-\\d{2}\\)\\n$`));
    const md = await readFile(join(dir, 'questions', `${id}.md`), 'utf8');
    expect(md).toMatch(new RegExp(`^---\\nid: ${id}\\n`));
    expect(md).toContain('\nsource: d66.txt\n');
    expect(md).toMatch(/\nreceived: .*\nkind: schriftelijke-vragen\ndeadline: /);
    expect(md).toMatch(/\n## Vraag 1\b/);
  });

  it('never overwrites without --force', async () => {
    const id = await importedId();
    await run(['import', 'd66.txt']);
    const file = join(dir, 'questions', `${id}.md`);
    await writeFile(file, 'edited by a person');
    const { code, out, err } = await run(['import', 'd66.txt']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe(`questions/${id}.md  exists; not overwriting it (use --force to replace it; the old version is kept under .answer/backups/)\n`);
    expect(await readFile(file, 'utf8')).toBe('edited by a person');
  });

  it('replaces with --force and keeps a backup of the old file', async () => {
    const id = await importedId();
    await run(['import', 'd66.txt']);
    const file = join(dir, 'questions', `${id}.md`);
    await writeFile(file, 'edited by a person');
    const { code, out } = await run(['import', 'd66.txt', '--force']);
    expect(code).toBe(0);
    const backup = /the old version is (\S+)$/m.exec(out)?.[1];
    expect(backup).toMatch(new RegExp(`^\\.answer/backups/questions/${id}\\.\\d{8}T\\d{6}\\.\\d{3}Z\\.md$`));
    expect(await readFile(join(dir, backup!), 'utf8')).toBe('edited by a person');
    expect(await readFile(file, 'utf8')).toMatch(/^---\nid: /);
  });

  it('leaves an identical file alone with --force', async () => {
    await run(['import', 'd66.txt']);
    const { code, out } = await run(['import', 'd66.txt', '--force']);
    expect(code).toBe(0);
    expect(out).toMatch(/: unchanged \(/);
    expect((await readdir(join(dir, 'questions'))).filter((f) => f.includes('.bak-'))).toEqual([]);
  });

  it('writes nothing for a letter without questions, reports each file, and exits 2', async () => {
    await writeFile(join(dir, 'geen.txt'), NO_QUESTIONS);
    const { code, out, err } = await run(['import', 'geen.txt', 'd66.txt', 'missing.txt']);
    expect(code).toBe(2);
    expect(out).toMatch(/^wrote questions\/.*\.md/);
    expect(err).toMatch(/^geen\.txt {2}no questions found in this letter; nothing written\nmissing\.txt {2}no such file\n$/);
    expect(await readdir(join(dir, 'questions'))).toHaveLength(1);
  });

  it('writes to --dir, and to the questions folder of answer.config.json', async () => {
    expect((await run(['import', 'd66.txt', '--dir', 'elders/vragen'])).code).toBe(0);
    expect(await readdir(join(dir, 'elders', 'vragen'))).toHaveLength(1);
    await writeFile(join(dir, 'answer.config.json'), '{"questions": "raadsvragen"}');
    expect((await run(['import', 'd66.txt'])).code).toBe(0);
    expect(await readdir(join(dir, 'raadsvragen'))).toHaveLength(1);
  });

  it('refuses a target that is a symbolic link', async () => {
    const id = await importedId();
    await mkdir(join(dir, '.git', 'hooks'), { recursive: true });
    await mkdir(join(dir, 'questions'));
    await writeFile(join(dir, '.git', 'hooks', 'pre-commit'), '#!/bin/sh\n');
    await symlink(join(dir, '.git', 'hooks', 'pre-commit'), join(dir, 'questions', `${id}.md`));
    for (const argv of [['import', 'd66.txt'], ['import', 'd66.txt', '--force']]) {
      const { code, err } = await run(argv);
      expect(code).toBe(2);
      expect(err).toMatch(/symbolic link/);
    }
    expect(await readFile(join(dir, '.git', 'hooks', 'pre-commit'), 'utf8')).toBe('#!/bin/sh\n');
  });

  it('refuses a questions folder that is a symbolic link, with or without --force', async () => {
    await mkdir(join(dir, 'elsewhere'));
    await symlink(join(dir, 'elsewhere'), join(dir, 'questions'));
    for (const argv of [['import', 'd66.txt'], ['import', 'd66.txt', '--force']]) {
      const { code, err } = await run(argv);
      expect(code).toBe(2);
      expect(err).toMatch(/symbolic link/);
    }
    expect(await readdir(join(dir, 'elsewhere'))).toEqual([]);
  });

  it('refuses two letters that get the same id in one run', async () => {
    await copyFile(D66, join(dir, 'kopie.txt'));
    const { code, out, err } = await run(['import', 'd66.txt', 'kopie.txt']);
    expect(code).toBe(2);
    expect(out.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(/^kopie\.txt {2}gets the same id as d66\.txt/);
  });

  it('uses an id from the front matter only as [a-z0-9-], never as a path', async () => {
    await writeFile(join(dir, 'x.md'), '---\nid: ../../.git/hooks/pre-commit\ntitle: x\n---\n## Vraag 1\n\nWat?\n');
    const { code, out } = await run(['import', 'x.md']);
    expect(code).toBe(0);
    expect(out).toMatch(/^wrote questions\/git-hooks-pre-commit\.md /);
    expect(await readdir(dir)).not.toContain('.git');
  });
});

describe('answer import --received', () => {
  it('records the date the griffie received the letter and counts the deadline from it', async () => {
    const dir = await tempWorkspace('answer-received-');
    await writeFile(join(dir, 'brief.txt'), 'Zwolle, 12 april 2025\n\nDe fractie van D66 heeft de volgende vragen:\n\n1. Klopt het dat de brug dicht is?\n');
    const io = { stdout: new PassThrough(), stderr: new PassThrough(), cwd: dir, env: {} };
    expect(await runCli({ argv: ['import', 'brief.txt', '--received', '2025-05-01'], ...io })).toBe(0);
    const [name] = await readdir(join(dir, 'questions'));
    const written = await readFile(join(dir, 'questions', name ?? ''), 'utf8');
    expect(written).toMatch(/^received: 2025-05-01$/m);
    expect(written).toMatch(/^deadline: 2025-05-31$/m);
    expect(await runCli({ argv: ['import', 'brief.txt', '--force', '--received', '1 mei'], ...io })).toBe(2);
    await rm(dir, { recursive: true, force: true });
  });
});
