/**
 * What the stream a command prints to allows: how wide a line may be, whether it is an interactive
 * terminal (a progress bar may move the cursor), and whether to colour. The one home of these rules;
 * `--json` output ignores them (it is for machines).
 */

/** The part of a stream these rules read (process.stdout, process.stderr, or a test's stand-in). */
export interface TerminalStream {
  isTTY?: boolean;
  columns?: number;
}

/** A line's width when the output is not a terminal (a pipe, a file, a CI log) and COLUMNS is unset. */
export const PIPE_WIDTH = 100;

/**
 * The widest line a command prints: unlimited with `--wide`; else COLUMNS when it is a positive
 * whole number (as `ls` and Python's shutil.get_terminal_size read it); else the terminal's own
 * width; else PIPE_WIDTH.
 */
export function lineWidth(stream: TerminalStream, env: NodeJS.ProcessEnv, wide = false): number {
  if (wide) return Infinity;
  const columns = env.COLUMNS?.trim();
  if (columns && /^\d+$/.test(columns) && Number(columns) > 0) return Number(columns);
  if (stream.isTTY && stream.columns !== undefined && stream.columns > 0) return stream.columns;
  return PIPE_WIDTH;
}

/** A terminal that takes cursor movement (a progress bar): a TTY whose TERM is not `dumb`. */
export function isInteractive(stream: TerminalStream, env: NodeJS.ProcessEnv = process.env): boolean {
  return stream.isTTY === true && env.TERM !== 'dumb';
}

/**
 * Whether to colour: `--color` asks for it anywhere; `--no-color`, or NO_COLOR set to anything but
 * the empty string (no-color.org), forbids it; otherwise only on an interactive terminal.
 */
export function useColor(stream: TerminalStream, env: NodeJS.ProcessEnv = process.env, flag?: boolean): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isInteractive(stream, env);
}

/** How a command's text is laid out for its standard output. */
export interface Layout {
  /** The widest line (Infinity: no limit). */
  width: number;
  color: boolean;
}

export interface LayoutOptions {
  /** --wide */
  wide?: boolean | undefined;
  /** --color / --no-color (undefined: neither given) */
  color?: boolean | undefined;
}

/** The layout for text written to `stream`. */
export function layoutFor(stream: TerminalStream, env: NodeJS.ProcessEnv, options: LayoutOptions = {}): Layout {
  return { width: lineWidth(stream, env, options.wide ?? false), color: useColor(stream, env, options.color) };
}
