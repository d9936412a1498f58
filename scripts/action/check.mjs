// The step of the GitHub Action (action.yml): find or install sora-mc, run `sora-mc check` with a
// Markdown report, append the report to the job summary, optionally comment on the pull request,
// and end with check's exit code (0 holds, 1 drift, 2 bad input, 3 internal error) after one
// annotation saying which. Plain Node (no dependencies), so the action runs before any install.
//
// Inputs come as environment variables (action.yml maps them; never interpolated into a script):
// INPUT_BASELINES (files or folders, separated by spaces or new lines), INPUT_ALPHA,
// INPUT_FRESH_SEED and INPUT_COMMENT (true/false), INPUT_VERSION (for npx, when the project does
// not install sora-mc). GitHub sets GITHUB_STEP_SUMMARY, GITHUB_OUTPUT, GITHUB_EVENT_NAME,
// GITHUB_EVENT_PATH, GITHUB_REPOSITORY and RUNNER_TEMP; GH_TOKEN is for `gh pr comment`.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const env = process.env;
const EXIT_BAD_INPUT = 2;

/** Workflow commands read `%`, CR and LF in a message as syntax: escape them (GitHub's own rule). */
function escapeData(text) {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function annotate(level, message) {
  console.log(`::${level} title=sora-mc check::${escapeData(message)}`);
}

/** Prints text from sora-mc or gh with workflow commands off, so no line of it is obeyed as one. */
function printQuoted(text) {
  if (text === '') return;
  const token = randomBytes(16).toString('hex');
  console.log(`::stop-commands::${token}`);
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  console.log(`::${token}::`);
}

function fail(message) {
  annotate('error', message);
  process.exit(EXIT_BAD_INPUT);
}

function flag(name, value) {
  const text = (value ?? '').trim();
  if (text === '' || text === 'false') return false;
  if (text === 'true') return true;
  fail(`the input ${name} must be true or false, not ${JSON.stringify(text.slice(0, 40))}`);
}

function run(command, args, options = {}) {
  return spawnSync(command, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...options });
}

function group(title, work) {
  console.log(`::group::${escapeData(title)}`);
  try {
    return work();
  } finally {
    console.log('::endgroup::');
  }
}

function packageName(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8')).name;
  } catch {
    return undefined;
  }
}

/**
 * The command that runs sora-mc here: the project's own install (after `npm ci` when it has a
 * lockfile and no node_modules/.bin/sora-mc yet), sora-mc's own checkout (built if need be), or
 * `npx sora-mc@<version>`.
 */
function soraMc() {
  const cwd = process.cwd();
  const local = join(cwd, 'node_modules', '.bin', 'sora-mc');
  const lockfile = ['package-lock.json', 'npm-shrinkwrap.json'].some((file) => existsSync(join(cwd, file)));
  const own = packageName(join(cwd, 'package.json')) === 'sora-mc';
  const npm = (args) =>
    group(`npm ${args.join(' ')}`, () => {
      const done = run('npm', args, { stdio: ['ignore', 'inherit', 'inherit'] });
      if (done.status !== 0) fail(`npm ${args.join(' ')} failed (exit ${done.status ?? done.error?.code}): see the log above`);
    });
  if (own) {
    if (!existsSync(join(cwd, 'node_modules'))) npm(['ci', '--no-audit', '--no-fund']);
    if (!existsSync(join(cwd, 'dist', 'cli', 'cli.js'))) npm(['run', 'build']);
    return [process.execPath, join(cwd, 'dist', 'cli', 'cli.js')];
  }
  if (!existsSync(local) && lockfile) npm(['ci', '--no-audit', '--no-fund']);
  if (existsSync(local)) return [local];
  const version = (env.INPUT_VERSION ?? '').trim() || 'latest';
  if (!/^[\w.^~<>=*|-]+$/.test(version)) fail(`the input version is not an npm version or tag: ${JSON.stringify(version.slice(0, 40))}`);
  return ['npx', '--yes', `sora-mc@${version}`];
}

/** A fence longer than any run of backticks in `text`, so nothing in it can close the block. */
function fenced(text) {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}\n${text.trimEnd()}\n${fence}`;
}

/** The pull request's number, from the event GitHub wrote (pull_request and pull_request_target events). */
function pullRequestNumber() {
  if (env.GITHUB_EVENT_NAME !== 'pull_request' && env.GITHUB_EVENT_NAME !== 'pull_request_target') return undefined;
  try {
    const number = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH ?? '', 'utf8'))?.pull_request?.number;
    return Number.isInteger(number) ? number : undefined;
  } catch {
    return undefined;
  }
}

/** Posts (or edits the last) comment; a failure is a warning, never the step's failure. */
function comment(bodyFile) {
  const number = pullRequestNumber();
  if (number === undefined) {
    annotate('notice', `comment: true, but this is not a pull request event (${env.GITHUB_EVENT_NAME ?? 'none'}): no comment posted`);
    return;
  }
  const ghEnv = { ...env, ...(env.GITHUB_REPOSITORY ? { GH_REPO: env.GITHUB_REPOSITORY } : {}) };
  const base = ['pr', 'comment', String(number), '--body-file', bodyFile];
  const edited = run('gh', [...base, '--edit-last'], { env: ghEnv });
  if (edited.status === 0) return;
  const posted = run('gh', base, { env: ghEnv });
  if (posted.status === 0) return;
  printQuoted(`${posted.stderr ?? ''}${posted.error ? String(posted.error) : ''}`);
  annotate('warning', `could not comment on pull request #${number} (gh exit ${posted.status ?? posted.error?.code}); the report is in the job summary`);
}

const baselines = (env.INPUT_BASELINES ?? '').split(/\s+/).filter(Boolean);
const alpha = (env.INPUT_ALPHA ?? '').trim();
const freshSeed = flag('fresh-seed', env.INPUT_FRESH_SEED);
const wantComment = flag('comment', env.INPUT_COMMENT);
const report = join(env.RUNNER_TEMP || tmpdir(), `sora-mc-check-${randomBytes(6).toString('hex')}.md`);

const [command, ...prefix] = soraMc();
const args = [...prefix, 'check', ...(baselines.length > 0 ? baselines : ['baselines/']), '--markdown', report];
if (alpha !== '') args.push('--alpha', alpha);
if (freshSeed) args.push('--fresh-seed');

const checked = run(command, args);
printQuoted(`${checked.stdout ?? ''}${checked.stderr ?? ''}`);
const code = checked.status ?? 3;
const firstLine = (text) => (text ?? '').split('\n').find((line) => line.trim() !== '') ?? '';

let summary;
if ((code === 0 || code === 1) && existsSync(report)) {
  summary = readFileSync(report, 'utf8');
} else {
  const why = code === EXIT_BAD_INPUT ? 'bad input (exit 2)' : `sora-mc failed (exit ${checked.status ?? checked.error?.code ?? checked.signal})`;
  summary = `### sora-mc check: ⚠️ ${why}\n\n${fenced(`${checked.stderr ?? ''}${checked.error ? String(checked.error) : ''}` || '(no output)')}\n`;
  writeFileSync(report, summary);
}
if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, `${summary.trimEnd()}\n\n`);
if (env.GITHUB_OUTPUT) appendFileSync(env.GITHUB_OUTPUT, `exit-code=${code}\nreport=${report}\n`);

const headline = firstLine(checked.stdout).replace(/^sora-mc check: /, '');
if (code === 0) annotate('notice', headline || 'every percentile holds');
else if (code === 1) annotate('error', `${headline || 'drift'} (the job summary has the report)`);
else if (code === EXIT_BAD_INPUT) annotate('error', `bad input: ${firstLine(checked.stderr).replace(/^error: /, '') || 'see the log'}`);
else annotate('error', `sora-mc check failed (exit ${checked.status ?? checked.error?.code ?? checked.signal}): ${firstLine(checked.stderr) || 'see the log'}`);

if (wantComment) comment(report);
process.exit(code);
