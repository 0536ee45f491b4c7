import { execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkspaceFiles } from './files.js';

let root: string;
let files: WorkspaceFiles;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'answer-files-'));
  files = new WorkspaceFiles(root);
});
afterEach(async () => {
  await chmod(join(root, 'answers', 'x.md'), 0o644).catch(() => undefined);
  await rm(root, { recursive: true, force: true });
});

const path = () => join(root, 'answers', 'x.md');

describe('the workspace write policy', () => {
  it('creates a file that does not exist', async () => {
    const write = await files.write({ path: path(), existing: 'refuse', content: () => 'nieuw\n' });
    expect(write).toEqual({ file: 'answers/x.md', action: 'created', backup: null });
    expect(await readFile(path(), 'utf8')).toBe('nieuw\n');
  });

  it('refuses an existing file with one wording, and leaves it as it is', async () => {
    await files.write({ path: path(), existing: 'refuse', content: () => 'van een mens\n' });
    await expect(files.write({ path: path(), existing: 'refuse', content: () => 'anders\n' })).rejects.toThrow(
      'exists; not overwriting it (use --force to replace it; the old version is kept under .answer/backups/)',
    );
    expect(await readFile(path(), 'utf8')).toBe('van een mens\n');
  });

  it('replaces only after a backup under .answer/backups, and leaves unchanged content alone', async () => {
    await files.write({ path: path(), existing: 'refuse', content: () => 'eerste\n' });
    const same = await files.write({ path: path(), existing: 'replace', content: () => 'eerste\n' });
    expect(same).toEqual({ file: 'answers/x.md', action: 'unchanged', backup: null });
    const replaced = await files.write({ path: path(), existing: 'replace', content: () => 'tweede\n' });
    expect(replaced.action).toBe('replaced');
    expect(replaced.backup).toMatch(/^\.answer\/backups\/answers\/x\.\d{8}T\d{6}\.\d{3}Z\.md$/);
    expect(await readFile(join(root, replaced.backup!), 'utf8')).toBe('eerste\n');
    const merged = await files.write({ path: path(), existing: 'merge', content: (old) => `${old}derde\n` });
    expect(merged.action).toBe('updated');
    expect(await readFile(path(), 'utf8')).toBe('tweede\nderde\n');
    const versions = await files.backups(path());
    expect(versions.map((v) => v.file)).toEqual([merged.backup, replaced.backup]);
    expect(await readdir(join(root, 'answers'))).toEqual(['x.md']);
  });

  it('keeps Windows line ends of a file written with them', async () => {
    await mkdir(join(root, 'answers'));
    await writeFile(path(), 'a\r\nb\r\n');
    await files.write({ path: path(), existing: 'merge', content: () => 'a\nb\nc\n' });
    expect(await readFile(path(), 'utf8')).toBe('a\r\nb\r\nc\r\n');
  });

  it('never replaces a read-only file', async () => {
    await files.write({ path: path(), existing: 'refuse', content: () => 'vastgesteld\n' });
    await chmod(path(), 0o444);
    await expect(files.write({ path: path(), existing: 'replace', content: () => 'anders\n' })).rejects.toThrow(/is read-only/);
    expect(await readFile(path(), 'utf8')).toBe('vastgesteld\n');
  });

  it('refuses a symbolic link, a FIFO and a device before reading them', async () => {
    await mkdir(join(root, 'answers'));
    await writeFile(join(root, 'hook'), 'hook\n');
    await symlink(join(root, 'hook'), path());
    await expect(files.write({ path: path(), existing: 'replace', content: () => 'x' })).rejects.toThrow(/symbolic link/);
    expect(await readFile(join(root, 'hook'), 'utf8')).toBe('hook\n');
    await rm(path());
    execFileSync('mkfifo', [path()]);
    await expect(files.readText(path())).rejects.toThrow(/not a regular file/);
    await expect(files.write({ path: path(), existing: 'replace', content: () => 'x' })).rejects.toThrow(/not a regular file/);
    await rm(path());
    await symlink('/dev/zero', path());
    await expect(files.readBytes(path())).rejects.toThrow(/symbolic link/);
  });

  it('refuses to write through a linked folder or below a file', async () => {
    await mkdir(join(root, 'elders'));
    await symlink(join(root, 'elders'), join(root, 'answers'));
    await expect(files.write({ path: path(), existing: 'refuse', content: () => 'x' })).rejects.toThrow(/symbolic link \(answers\)/);
    await rm(join(root, 'answers'));
    await writeFile(join(root, 'answers'), 'a file');
    await expect(files.write({ path: path(), existing: 'refuse', content: () => 'x' })).rejects.toThrow(/answers is a file, not a folder/);
  });
});
