/**
 * A report folder's lock (src/io/folder-lock.ts) judged by who holds it: a holder that runs is
 * waited for and then refused by name; one that stopped — including a live process id with another
 * start time, as a reused id in a container — is taken over; one on another host is never taken.
 * test/io/concurrent-writers.slow.test.ts runs writers in separate processes and kills a holder.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { currentHolder, liveness, type Holder } from '../../src/io/process-identity.js';
import { writeFolder } from '../../src/io/report-folder.js';
import { scratchDir } from '../helpers/scratch.js';

const REPORT = new Map([['report.html', 'page']]);

/** A folder whose lock names `holder`, planted as a writer leaves it. */
function lockedBy(dir: string, holder: Holder): void {
  mkdirSync(join(dir, '.sora-mc.lock'), { recursive: true });
  writeFileSync(join(dir, '.sora-mc.lock', `${holder.token}.holder`), JSON.stringify(holder));
}

const other = (changes: Partial<Holder>): Holder => ({ ...currentHolder('0123456789abcdef'), ...changes });

describe('who holds a lock', () => {
  it('this process runs; the same id with another start time (a reused id) has stopped; another host cannot be judged', () => {
    expect(liveness(currentHolder('a'))).toBe('running');
    expect(liveness(other({ start: '1' }))).toBe('stopped');
    expect(liveness(other({ host: 'some-other-machine' }))).toBe('unknown');
    expect(liveness(other({ pidns: 'pid:[1]' }))).toBe('unknown');
  });
});

describe('a folder locked by another writer', () => {
  const scratch = scratchDir();

  it('a live process id with another start time is stale: taken over, said in one line, the report written', async () => {
    const dir = join(scratch.dir, 'reused');
    lockedBy(dir, other({ start: '12345' }));
    const said: string[] = [];
    await writeFolder(dir, REPORT, { say: (line) => said.push(line) });
    expect(said).toEqual([expect.stringMatching(new RegExp(`took over the lock of sora-mc process ${process.pid}, which has stopped`))]);
    expect(readdirSync(dir).sort()).toEqual(['.sora-mc', 'report.html']);
  });

  it('a holder that runs: waited for (said once), then refused naming it; nothing written, no candidate left', async () => {
    const dir = join(scratch.dir, 'running');
    lockedBy(dir, other({}));
    const said: string[] = [];
    const error = (await writeFolder(dir, REPORT, { say: (line) => said.push(line), lockWaitMs: 300 }).catch((e: unknown) => e)) as Error & { details: { found: string; hint: string } };
    expect(error.message).toBe('another sora-mc run is writing this folder');
    expect(error.details.found).toMatch(new RegExp(`locked by process ${process.pid} on `));
    expect(error.details.hint).toMatch(/wait for it to finish/);
    expect(said).toEqual([expect.stringMatching(/waiting for sora-mc process \d+ to finish writing it/)]);
    expect(readdirSync(dir)).toEqual(['.sora-mc.lock']);
  });

  it('a holder on another host: never taken; refused with how to remove the lock if no run is left', async () => {
    const dir = join(scratch.dir, 'remote');
    lockedBy(dir, other({ host: 'ci-runner-7' }));
    const error = (await writeFolder(dir, REPORT, { say: () => {}, lockWaitMs: 100 }).catch((e: unknown) => e)) as Error & { details: { found: string; hint: string } };
    expect(error.details.found).toMatch(/"ci-runner-7"/);
    expect(error.details.hint).toMatch(/cannot tell whether that run goes on .* remove .*\.sora-mc\.lock/);
    expect(existsSync(join(dir, '.sora-mc.lock', '0123456789abcdef.holder'))).toBe(true);
  });

  it('a lock folder left empty (a release cut short) is free, and stopped writers’ candidates are removed', async () => {
    const dir = join(scratch.dir, 'empty-lock');
    mkdirSync(join(dir, '.sora-mc.lock'), { recursive: true });
    const candidate = join(dir, '.sora-mc.lock.fedcba9876543210');
    mkdirSync(candidate);
    writeFileSync(join(candidate, 'fedcba9876543210.holder'), JSON.stringify(other({ start: '1', token: 'fedcba9876543210' })));
    await writeFolder(dir, REPORT, { say: () => {} });
    expect(readdirSync(dir).sort()).toEqual(['.sora-mc', 'report.html']);
  });

  it('two writers in one process: one waits for the other; the folder is one of the two reports', async () => {
    const dir = join(scratch.dir, 'two');
    await Promise.all(['one', 'two'].map((page) => writeFolder(dir, new Map([['report.html', page]]), { say: () => {} })));
    expect(['one', 'two']).toContain(readFileSync(join(dir, 'report.html'), 'utf8'));
    expect(readdirSync(dir).sort()).toEqual(['.sora-mc', 'report.html']);
  });
});
