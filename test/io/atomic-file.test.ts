/** Files written whole or not at all (src/io/atomic-file.ts). */
import { execFileSync, spawn } from 'node:child_process';
import { lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SoraError } from '../../src/errors.js';
import { writeAll, writeFileAtomic } from '../../src/io/atomic-file.js';
import { scratchDir } from '../helpers/scratch.js';

const files = (entries: Record<string, string>) => new Map(Object.entries(entries));

describe('writing never replaces what is not ours', () => {
  const scratch = scratchDir();

  // A FIFO stands in for /dev/null here: a writer that replaced it must not be run
  // against the machine's own /dev/null as root — running this test before the fix did exactly that.
  it('writes to a FIFO (a non-regular target, like /dev/null) as a stream: it stays a FIFO', async () => {
    const fifo = join(scratch.dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo]);
    let read = '';
    reader.stdout.on('data', (chunk: Buffer) => (read += chunk.toString()));
    // The reader waits for a writer; before the fix none ever came (the FIFO was replaced): stop it after 10 s.
    const done = Promise.race([new Promise((resolve) => reader.on('exit', resolve)), new Promise((resolve) => setTimeout(resolve, 10_000).unref())]).finally(() => reader.kill());
    writeFileAtomic(fifo, 'hello\n');
    await done;
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(read).toBe('hello\n');
  }, 20_000);

  it("never follows a symlink planted at the old predictable temporary name (<target>.<pid>.tmp)", () => {
    const dir = join(scratch.dir, 'shared');
    mkdirSync(dir);
    const outside = scratch.write('outside.txt', 'precious\n');
    symlinkSync(outside, join(dir, `result.json.${process.pid}.tmp`));
    writeFileAtomic(join(dir, 'result.json'), '{}\n');
    expect(readFileSync(outside, 'utf8')).toBe('precious\n');
    expect(readFileSync(join(dir, 'result.json'), 'utf8')).toBe('{}\n');
  });

  it('replaces a symlink at the target itself, never the file it points to', () => {
    const outside = scratch.write('outside-2.txt', 'precious\n');
    const target = join(scratch.dir, 'linked.json');
    symlinkSync(outside, target);
    writeFileAtomic(target, 'new\n');
    expect(readFileSync(outside, 'utf8')).toBe('precious\n');
    expect(lstatSync(target).isFile()).toBe(true);
  });

  it('leaves no temporary file behind', () => {
    const dir = join(scratch.dir, 'tidy');
    writeAll(files({ [join(dir, 'a.json')]: 'a', [join(dir, 'b.json')]: 'b' }));
    expect(readdirSync(dir).sort()).toEqual(['a.json', 'b.json']);
  });
});

describe('a failing write leaves nothing half-written', () => {
  const scratch = scratchDir();

  it('baseline files are written all or nothing: one bad target leaves the others as they were', () => {
    const dir = join(scratch.dir, 'baselines');
    mkdirSync(join(dir, 'b.json'), { recursive: true });
    writeFileSync(join(dir, 'a.json'), 'old a');
    expect(() => writeAll(files({ [join(dir, 'a.json')]: 'new a', [join(dir, 'b.json')]: 'new b' }))).toThrow(SoraError);
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe('old a');
    expect(readdirSync(dir).sort()).toEqual(['a.json', 'b.json']);
  });
});
