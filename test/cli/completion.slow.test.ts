import { spawnSync } from 'node:child_process';
import { chmodSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLI, runCli } from '../helpers/cli.js';
import { scratchDir } from '../helpers/scratch.js';

// `sora-mc completion` prints yargs' completion script for the user's shell (docs/cli.md).
describe('sora-mc completion', () => {
  it('prints a bash script that asks sora-mc for completions', () => {
    const { status, stdout } = runCli(['completion'], { SHELL: '/bin/bash' });
    expect(status).toBe(0);
    expect(stdout).toContain('--get-yargs-completions');
    expect(stdout).toMatch(/^complete -o bashdefault -o default -F _sora-mc_yargs_completions sora-mc$/m);
  });

  it('prints a zsh script under zsh', () => {
    const { status, stdout } = runCli(['completion'], { SHELL: '/usr/bin/zsh' });
    expect(status).toBe(0);
    expect(stdout).toMatch(/^#compdef sora-mc$/m);
  });

  it('completes commands and flags in bash', () => {
    const bin = scratchDir('sora-mc-completion-');
    const shim = bin.write('sora-mc', `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
    chmodSync(shim, 0o755);
    const script = [
      'source <(sora-mc completion)',
      'COMP_WORDS=(sora-mc ru); COMP_CWORD=1; _sora-mc_yargs_completions; echo "${COMPREPLY[*]}"',
      'COMP_WORDS=(sora-mc run --sam); COMP_CWORD=2; _sora-mc_yargs_completions; echo "${COMPREPLY[*]}"',
      'COMP_WORDS=(sora-mc ini); COMP_CWORD=1; _sora-mc_yargs_completions; echo "${COMPREPLY[*]}"',
    ].join('\n');
    const { stdout, status } = spawnSync('bash', ['-c', script], { encoding: 'utf8', env: { ...process.env, PATH: `${bin.dir}:${process.env.PATH}`, SHELL: '/bin/bash' } });
    expect(status).toBe(0);
    expect(stdout.split('\n').slice(0, 3)).toEqual(['run', '--samples', 'init']);
  });
});
