import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { backupFile, withFileLock, writeFileAtomic } from './atomic-write.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'answer-atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('writes a new file and creates missing folders', async () => {
    await writeFileAtomic(join(dir, 'questions', 'a.md'), 'hello');
    expect(await readFile(join(dir, 'questions', 'a.md'), 'utf8')).toBe('hello');
    expect(await readdir(join(dir, 'questions'))).toEqual(['a.md']);
  });

  it('writes content given in parts one after the other', async () => {
    await writeFileAtomic(join(dir, 'index.bin'), [Buffer.from('een '), new Uint8Array([0x74, 0x77]), Buffer.from('ee')]);
    expect(await readFile(join(dir, 'index.bin'), 'utf8')).toBe('een twee');
  });

  it('never replaces an existing file without overwrite', async () => {
    const file = join(dir, 'a.md');
    await writeFile(file, 'mine');
    await expect(writeFileAtomic(file, 'new')).rejects.toThrow(InputError);
    expect(await readFile(file, 'utf8')).toBe('mine');
    expect(await readdir(dir)).toEqual(['a.md']);
  });

  it('replaces an existing file with overwrite, leaving no temp file', async () => {
    const file = join(dir, 'a.md');
    await writeFile(file, 'old');
    await writeFileAtomic(file, 'new', { overwrite: true });
    expect(await readFile(file, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['a.md']);
  });

  it('replaces a cache file the same way without flushing it to the disk', async () => {
    const file = join(dir, 'index.bin');
    await writeFile(file, 'old');
    await writeFileAtomic(file, [Buffer.from('new '), Buffer.from('index')], { overwrite: true, durable: false });
    expect(await readFile(file, 'utf8')).toBe('new index');
    expect(await readdir(dir)).toEqual(['index.bin']);
  });

  it('refuses a target that is a symbolic link, and leaves the link target alone', async () => {
    await mkdir(join(dir, '.git', 'hooks'), { recursive: true });
    await mkdir(join(dir, 'answers'));
    const hook = join(dir, '.git', 'hooks', 'pre-commit');
    await writeFile(hook, '#!/bin/sh\n');
    await symlink(hook, join(dir, 'answers', 'x.md'));
    for (const overwrite of [false, true]) {
      const error = await writeFileAtomic(join(dir, 'answers', 'x.md'), 'rm -rf /', { overwrite, root: dir }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).message).toMatch(/symbolic link/);
    }
    expect(await readFile(hook, 'utf8')).toBe('#!/bin/sh\n');
  });

  it('refuses a dangling symbolic link', async () => {
    await symlink(join(dir, 'nowhere'), join(dir, 'x.md'));
    await expect(writeFileAtomic(join(dir, 'x.md'), 'x', { overwrite: true })).rejects.toThrow(/symbolic link/);
  });

  it('refuses a folder inside the workspace that is a symbolic link', async () => {
    await mkdir(join(dir, 'elsewhere'));
    await symlink(join(dir, 'elsewhere'), join(dir, 'answers'));
    await expect(writeFileAtomic(join(dir, 'answers', 'x.md'), 'x', { root: dir })).rejects.toThrow(/symbolic link/);
    expect(await readdir(join(dir, 'elsewhere'))).toEqual([]);
  });

  it('leaves the old file intact when the writing process is killed mid-write', async () => {
    const file = join(dir, 'q.md');
    await writeFile(file, 'old');
    const module = new URL('./atomic-write.ts', import.meta.url).href;
    const script = `const { writeFileAtomic } = await import(${JSON.stringify(module)});
      await writeFileAtomic(process.argv[1], 'x'.repeat(50_000_000), { overwrite: true });`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, file], { stdio: 'ignore' });
    const exited = new Promise((done) => child.on('exit', done));
    // Kill as soon as the temp file exists: the content is being written.
    for (let i = 0; i < 2_000 && !(await readdir(dir)).some((name) => name.endsWith('.tmp')); i++) {
      await new Promise((done) => setTimeout(done, 2));
    }
    child.kill('SIGKILL');
    await exited;
    const content = await readFile(file, 'utf8');
    // Either the old file or the whole new one: never a partial write.
    expect(content === 'old' || content.length === 50_000_000).toBe(true);
  });

  it('never clobbers when many writers race for one new file', async () => {
    const file = join(dir, 'race.md');
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => writeFileAtomic(file, `writer ${i}`)));
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    expect(await readFile(file, 'utf8')).toMatch(/^writer \d+$/);
    expect(await readdir(dir)).toEqual(['race.md']);
  });
});

describe('backupFile', () => {
  it('keeps a copy beside the file and never overwrites an earlier backup', async () => {
    const file = join(dir, 'q.md');
    await writeFile(file, 'v1');
    const first = await backupFile(file);
    await writeFile(file, 'v2');
    const second = await backupFile(file);
    expect(first).not.toBe(second);
    expect(first).toMatch(/q\.md\.bak-\d{8}T\d{6}Z/);
    expect(await readFile(first, 'utf8')).toBe('v1');
    expect(await readFile(second, 'utf8')).toBe('v2');
  });
});

describe('withFileLock', () => {
  it('runs read-modify-write cycles one at a time', async () => {
    const file = join(dir, 'count.txt');
    await writeFile(file, '0');
    await Promise.all(
      Array.from({ length: 10 }, () =>
        withFileLock(file, async () => {
          const n = Number(await readFile(file, 'utf8'));
          await new Promise((done) => setTimeout(done, 5));
          await writeFileAtomic(file, String(n + 1), { overwrite: true });
        }),
      ),
    );
    expect(await readFile(file, 'utf8')).toBe('10');
    expect(await readdir(dir)).toEqual(['count.txt']);
  });

  it('takes over a lock whose process is gone', async () => {
    const file = join(dir, 'a.md');
    const child = spawn(process.execPath, ['-e', '']);
    const pid = child.pid!;
    await new Promise((done) => child.on('exit', done));
    const { hostname } = await import('node:os');
    await writeFile(`${file}.lock`, JSON.stringify({ pid, host: hostname(), time: Date.now(), token: 'old' }));
    expect(await withFileLock(file, async () => 'ran', { timeoutMs: 1_000 })).toBe('ran');
    expect(await readdir(dir)).toEqual([]);
  });

  it('gives up with a clear error while a live run holds the lock', async () => {
    const file = join(dir, 'a.md');
    const { hostname } = await import('node:os');
    await writeFile(`${file}.lock`, JSON.stringify({ pid: process.pid, host: hostname(), time: Date.now(), token: 'other' }));
    const error = await withFileLock(file, async () => 'ran', { timeoutMs: 100 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(/locked by another answer run/);
    expect(await readdir(dir)).toEqual(['a.md.lock']);
  });

  it('refuses to put its lock through a symbolic link inside the workspace', async () => {
    await mkdir(join(dir, 'elsewhere'));
    await symlink(join(dir, 'elsewhere'), join(dir, 'questions'));
    await expect(withFileLock(join(dir, 'questions', 'a.md'), async () => 'ran', { root: dir })).rejects.toThrow(/symbolic link/);
    expect(await readdir(join(dir, 'elsewhere'))).toEqual([]);
  });

  it('releases the lock when the work throws', async () => {
    const file = join(dir, 'a.md');
    await expect(withFileLock(file, async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect(await readdir(dir)).toEqual([]);
  });
});
