/**
 * Replacing a file by temporary file and rename
 * gave it the new file's mode and owner. A private baseline (0600) came back world-readable (0644)
 * after `baseline --update`, and as root every replaced file of a checkout owned by the CI user
 * became root's, so the user's next step could no longer write it. A replaced file now keeps its
 * mode, and its owner when sora-mc runs as root.
 */
import { chownSync, chmodSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeAll, writeFileAtomic } from '../../src/io/atomic-file.js';
import { scratchDir } from '../helpers/scratch.js';

describe('a replaced file keeps its mode and owner', () => {
  const scratch = scratchDir();

  it('a 0600 file stays 0600', () => {
    const file = scratch.write('private.json', '{}\n');
    chmodSync(file, 0o600);
    writeFileAtomic(file, '{"new": true}\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('a new file gets the usual mode (umask applies)', () => {
    const file = join(scratch.dir, 'new.json');
    writeFileAtomic(file, '{}\n');
    expect(statSync(file).mode & 0o777).toBe(0o666 & ~process.umask());
  });

  it.runIf(process.getuid?.() === 0)("as root, a file owned by another user stays that user's (several files at once too)", () => {
    const [a, b] = [scratch.write('a.json', '1\n'), scratch.write('b.json', '2\n')];
    chownSync(a, 1234, 2345);
    chownSync(b, 4321, 5432);
    writeAll(new Map([[a, '10\n'], [b, '20\n']]));
    expect([statSync(a).uid, statSync(a).gid, statSync(b).uid, statSync(b).gid]).toEqual([1234, 2345, 4321, 5432]);
  });
});
