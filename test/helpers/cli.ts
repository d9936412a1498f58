/** The compiled CLI run as a subprocess: piped, or in a pseudo-terminal of a given width (util-linux `script`). */
import { spawnSync } from 'node:child_process';
import { packagePath } from '../../src/paths.js';

export const CLI = packagePath('dist', 'cli', 'cli.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `sora-mc …args` with stdout and stderr piped; `env` is added to a copy of this process's environment without COLUMNS, NO_COLOR or FORCE_COLOR. */
export function runCli(args: readonly string[], env: Record<string, string> = {}, cwd?: string): CliRun {
  const { COLUMNS: _c, NO_COLOR: _n, FORCE_COLOR: _f, ...base } = process.env;
  const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...base, ...env }, ...(cwd ? { cwd } : {}) });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Single-quotes a word for sh. */
function shellWord(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * Runs `sora-mc …args` in a pseudo-terminal `columns` wide (stdout and stderr both the terminal, as
 * in an interactive shell; COLUMNS unset, so the width comes from the terminal). Returns what the
 * terminal showed, with its CRLF line ends made LF.
 */
export function runInTerminal(args: readonly string[], columns: number): CliRun {
  const { COLUMNS: _c, NO_COLOR: _n, FORCE_COLOR: _f, ...base } = process.env;
  const command = `stty cols ${columns} rows 50; exec ${[process.execPath, CLI, ...args].map(shellWord).join(' ')}`;
  const run = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', env: base });
  return { status: run.status, stdout: run.stdout.replace(/\r\n/g, '\n'), stderr: run.stderr };
}

/** `script` (util-linux) is on this machine: the pseudo-terminal tests need it. */
export function hasScript(): boolean {
  return spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
}

/** The lines of `text` wider than `columns` terminal cells (every character sora-mc prints here is one cell wide). */
export function linesWiderThan(text: string, columns: number): string[] {
  return text.split('\n').filter((line) => [...line].length > columns);
}

/**
 * What a terminal showed, split into the progress bar's frames (cli-progress draws each between
 * a cursor move to column 1 and an erase to the end of the line, inside a save/restore of the
 * cursor, and erases the line when done) and the other text.
 */
export function progressFrames(shown: string): { frames: string[]; text: string } {
  const frames: string[] = [];
  const text = shown.replace(/\u001b7\u001b\[\?7l([\s\S]*?)\u001b\[\?7h\u001b8\u001b\[1G\u001b\[2K/g, (_all, drawn: string) => {
    for (const frame of drawn.split('\u001b[1G')) if (frame !== '') frames.push(frame.replace(/\u001b\[0K$/, ''));
    return '';
  });
  return { frames, text };
}
