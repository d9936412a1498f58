/**
 * Runs the steps of this repository's action.yml as GitHub's runner would, on this machine: each
 * step's `run` in bash (`bash --noprofile --norc -eo pipefail`, GitHub's default), in its working
 * directory, with its `env`, under a faked GITHUB_* environment (summary, output and event files in
 * a temporary folder). Expressions are evaluated for what action.yml uses — `inputs.<name>` (given or
 * default) and `github.token` — and any other expression fails the run, so the file cannot come to
 * rely on one this runner does not know.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { PACKAGE_ROOT } from '../../src/paths.js';

interface ActionFile {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: { id?: string; shell: string; run: string; 'working-directory'?: string; env?: Record<string, string> }[] };
}

export interface ActionRun {
  status: number | null;
  /** What the steps printed (the log, with its workflow commands). */
  log: string;
  summary: string;
  output: string;
}

export interface ActionContext {
  inputs: Record<string, string>;
  /** The workspace a relative working-directory is taken from. */
  workspace: string;
  eventName: string;
  event?: unknown;
  /** Added to the environment (a PATH with fake commands first, …). */
  env?: Record<string, string>;
}

export function readAction(): ActionFile {
  return parse(readFileSync(join(PACKAGE_ROOT, 'action.yml'), 'utf8')) as ActionFile;
}

export function runAction(context: ActionContext): ActionRun {
  const action = readAction();
  if (action.runs.using !== 'composite') throw new Error(`not a composite action: ${action.runs.using}`);
  const temp = mkdtempSync(join(tmpdir(), 'sora-mc-action-'));
  const files = { summary: join(temp, 'summary.md'), output: join(temp, 'output'), event: join(temp, 'event.json') };
  writeFileSync(files.summary, '');
  writeFileSync(files.output, '');
  writeFileSync(files.event, JSON.stringify(context.event ?? {}));
  for (const name of Object.keys(context.inputs)) if (!(name in action.inputs)) throw new Error(`action.yml has no input ${name}`);
  const evaluate = (text: string) =>
    text.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_all, expression: string) => {
      const input = /^inputs\.([\w-]+)$/.exec(expression);
      if (input) return context.inputs[input[1]!] ?? action.inputs[input[1]!]?.default ?? '';
      if (expression === 'github.token') return 'fake-token';
      throw new Error(`this runner does not evaluate \${{ ${expression} }}`);
    });
  let log = '';
  let status: number | null = 0;
  for (const step of action.runs.steps) {
    if (step.shell !== 'bash') throw new Error(`step ${step.id}: shell ${step.shell}`);
    const script = join(temp, `${step.id ?? 'step'}.sh`);
    writeFileSync(script, evaluate(step.run));
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([key, value]) => [key, evaluate(String(value))]));
    const run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
      cwd: resolve(context.workspace, evaluate(step['working-directory'] ?? '.')),
      encoding: 'utf8',
      env: {
        ...process.env,
        CI: 'true',
        GITHUB_ACTIONS: 'true',
        GITHUB_ACTION_PATH: PACKAGE_ROOT,
        GITHUB_WORKSPACE: context.workspace,
        GITHUB_STEP_SUMMARY: files.summary,
        GITHUB_OUTPUT: files.output,
        GITHUB_EVENT_NAME: context.eventName,
        GITHUB_EVENT_PATH: files.event,
        GITHUB_REPOSITORY: 'example/project',
        RUNNER_TEMP: temp,
        ...context.env,
        ...stepEnv,
      },
    });
    log += run.stdout + run.stderr;
    status = run.status;
    if (status !== 0) break;
  }
  return { status, log, summary: readFileSync(files.summary, 'utf8'), output: readFileSync(files.output, 'utf8') };
}
