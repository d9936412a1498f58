import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { CLI, runCli } from '../helpers/cli.js';
import { scratchDir } from '../helpers/scratch.js';
import { readAction, runAction } from './run-action.js';

// The GitHub Action (action.yml, scripts/action/check.mjs) run locally: this repository's own
// baselines hold (exit 0), a drifted baseline fails the step (exit 1), a broken one too (exit 2),
// each with its annotation, its job summary and its pull-request comment — with fake `gh`, `npm`
// and `npx` on PATH that record how they were called.
const scratch = scratchDir('sora-mc-action-test-');
const bin = join(scratch.dir, 'bin');
const calls = join(scratch.dir, 'calls.jsonl');

/** A fake command that records its arguments (and working directory) as one JSON line, then runs `body`. */
function fake(name: string, body: string): void {
  const file = join(bin, name);
  writeFileSync(
    file,
    `#!/usr/bin/env bash\n"${process.execPath}" -e 'require("fs").appendFileSync(process.env.FAKE_CALLS, JSON.stringify({ command: process.argv[1], args: process.argv.slice(2), cwd: process.cwd() }) + "\\n")' ${name} "$@"\n${body}\n`,
  );
  chmodSync(file, 0o755);
}

function recorded(command: string): { args: string[]; cwd: string }[] {
  if (!existsSync(calls)) return [];
  return readFileSync(calls, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as { command: string; args: string[]; cwd: string }).filter((c) => c.command === command);
}

const env = () => ({ PATH: `${bin}:${process.env.PATH}`, FAKE_CALLS: calls });
const PULL_REQUEST = { pull_request: { number: 42 } };

/** A project with a lockfile whose `npm ci` (the fake) installs node_modules/.bin/sora-mc as a link to this build. */
function projectWithLockfile(name: string): string {
  const dir = join(scratch.dir, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, private: true }));
  writeFileSync(join(dir, 'package-lock.json'), JSON.stringify({ name, lockfileVersion: 3 }));
  return dir;
}

beforeAll(() => {
  mkdirSync(bin, { recursive: true });
  // gh: FAKE_GH=ok (every call succeeds), edit-fails (--edit-last fails: no earlier comment), fails.
  fake('gh', 'case "${FAKE_GH:-ok}" in ok) exit 0;; edit-fails) [[ " $* " == *" --edit-last "* ]] && exit 1; exit 0;; *) echo "gh: HTTP 403" >&2; exit 1;; esac');
  fake('npm', `if [ "$1" = ci ]; then mkdir -p node_modules/.bin && printf '#!/bin/sh\\nexec "${process.execPath}" "${CLI}" "$@"\\n' > node_modules/.bin/sora-mc && chmod +x node_modules/.bin/sora-mc; fi`);
  fake('npx', `while [ $# -gt 0 ] && [[ "$1" != sora-mc@* ]]; do shift; done; shift; exec "${process.execPath}" "${CLI}" "$@"`);
});

describe('action.yml', () => {
  it('is a composite action with the documented inputs', () => {
    const action = readAction();
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(['baselines', 'alpha', 'fresh-seed', 'comment', 'working-directory', 'version']);
    expect(action.inputs.baselines!.default).toBe('baselines/');
    expect([action.inputs['fresh-seed']!.default, action.inputs.comment!.default]).toEqual(['false', 'false']);
  });
});

describe('the action, run locally', () => {
  it("holds on this repository's baselines: exit 0, the report in the summary, a notice, one comment", () => {
    const run = runAction({ inputs: { comment: 'true' }, workspace: PACKAGE_ROOT, eventName: 'pull_request', event: PULL_REQUEST, env: { ...env(), FAKE_GH: 'ok' } });
    expect(run.status, run.log).toBe(0);
    expect(run.summary).toMatch(/^### sora-mc check: ✅ no drift: 4 baselines, 840 percentiles hold/);
    expect(run.log).toContain('::notice title=sora-mc check::no drift: 4 baselines, 840 percentiles hold');
    expect(run.log).not.toContain('::error');
    expect(run.output).toMatch(/^exit-code=0$/m);
    const report = /^report=(.+)$/m.exec(run.output)![1]!;
    expect(readFileSync(report, 'utf8')).toBe(run.summary.trimEnd() + '\n');
    const gh = recorded('gh');
    expect(gh).toHaveLength(1);
    expect(gh[0]!.args).toEqual(['pr', 'comment', '42', '--body-file', report, '--edit-last']);
    // sora-mc's own output is printed with workflow commands stopped, so none of it is obeyed.
    const stop = /^::stop-commands::([0-9a-f]{32})$/m.exec(run.log);
    expect(stop).not.toBeNull();
    expect(run.log.indexOf(`::${stop![1]}::`)).toBeGreaterThan(run.log.indexOf('sora-mc check: no drift'));
  });

  describe('a project of its own', () => {
    let project: string;

    beforeAll(() => {
      // A baseline of a scenario file, then the scenario moved: drift.
      project = projectWithLockfile('drifted');
      const scenario = join(project, 'fleet.yaml');
      const yaml = 'name: fleet\nseed: 5\nsamples: 2000\ninputs:\n  soraParams: "10B to 30B"\n';
      writeFileSync(scenario, yaml);
      expect(runCli(['baseline', scenario, '--workers', '1', '--out', join(project, 'baselines')]).status).toBe(0);
      writeFileSync(scenario, yaml.replace('10B to 30B', '40B to 90B'));
    });

    it('fails the step on drift: exit 1, an error annotation naming it, the report, a comment (a new one when there is none to edit)', () => {
      const run = runAction({ inputs: { comment: 'true', alpha: '0.01' }, workspace: project, eventName: 'pull_request', event: PULL_REQUEST, env: { ...env(), FAKE_GH: 'edit-fails' } });
      expect(run.status, run.log).toBe(1);
      expect(run.log).toMatch(/^::error title=sora-mc check::drift in 1 of 1 baseline \(fleet\) \(the job summary has the report\)$/m);
      expect(run.summary).toMatch(/^### sora-mc check: ❌ drift in 1 of 1 baseline \(fleet\)/);
      expect(run.summary).toContain('#### fleet:');
      expect(run.output).toMatch(/^exit-code=1$/m);
      // npm ci installed sora-mc (the project has a lockfile), then the project's own sora-mc ran.
      expect(recorded('npm').map((c) => c.args)).toEqual([['ci', '--no-audit', '--no-fund']]);
      expect(recorded('npx')).toEqual([]);
      expect(run.log).toMatch(/α = 0\.01\b/);
      const gh = recorded('gh').slice(-2).map((c) => c.args.at(-1));
      expect(gh).toEqual(['--edit-last', expect.stringMatching(/sora-mc-check-.*\.md$/)]);
    });
  });

  describe('a broken baseline, sora-mc from npx', () => {
    let project: string;

    beforeAll(() => {
      project = join(scratch.dir, 'broken');
      mkdirSync(join(project, 'checks'), { recursive: true });
      writeFileSync(join(project, 'checks', 'broken.json'), '{"format": "sora-mc/baseline", "formatVersion": 1, ');
    });

    it('fails the step on bad input: exit 2, the error in the annotation and the summary; no comment off a pull request', () => {
      const run = runAction({ inputs: { baselines: 'checks/', comment: 'true', version: '1.2.3' }, workspace: project, eventName: 'push', env: env() });
      expect(run.status, run.log).toBe(2);
      expect(run.log).toMatch(/^::error title=sora-mc check::bad input: .*broken\.json.*$/m);
      expect(run.summary).toMatch(/^### sora-mc check: ⚠️ bad input \(exit 2\)\n\n```+\nerror: /);
      expect(run.output).toMatch(/^exit-code=2$/m);
      const npx = recorded('npx').at(-1)!;
      expect(npx.args.slice(0, 4)).toEqual(['--yes', 'sora-mc@1.2.3', 'check', 'checks/']);
      expect(npx.cwd).toBe(project);
      expect(run.log).toContain('::notice title=sora-mc check::comment: true, but this is not a pull request event (push): no comment posted');
    });

    it('never fails the step for a comment that cannot be posted: a warning, and the exit code is still check’s', () => {
      const before = recorded('gh').length;
      const run = runAction({ inputs: { baselines: 'checks/', comment: 'true' }, workspace: project, eventName: 'pull_request', event: PULL_REQUEST, env: { ...env(), FAKE_GH: 'fails' } });
      expect(run.status, run.log).toBe(2);
      expect(recorded('gh').length - before).toBe(2);
      expect(run.log).toMatch(/^::warning title=sora-mc check::could not comment on pull request #42 \(gh exit 1\); the report is in the job summary$/m);
    });

    it('refuses an input that is not true or false: exit 2, before running anything', () => {
      const before = recorded('npx').length;
      const run = runAction({ inputs: { 'fresh-seed': 'yes' }, workspace: project, eventName: 'push', env: env() });
      expect(run.status).toBe(2);
      expect(run.log).toContain('::error title=sora-mc check::the input fresh-seed must be true or false, not "yes"');
      expect(recorded('npx').length).toBe(before);
    });
  });
});
