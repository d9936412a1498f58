/** How the commands print: JSON for machines, text as wide as the terminal allows (views/terminal.ts). */
import { writeTerminal } from '../io/printable.js';
import { layoutFor } from '../views/terminal.js';

// Everything printed goes through writeTerminal: a scenario name cannot clear the screen.
export function printJson(value: unknown): void {
  writeTerminal(process.stdout, `${JSON.stringify(value, null, 2)}\n`);
}

/** --json, --wide and --color as every command's arguments carry them. */
export interface Shown {
  json?: boolean | undefined;
  wide?: boolean | undefined;
  color?: boolean | undefined;
}

/** The widest line of text printed on stdout (views/terminal.ts has the rule). */
export function widthOf(args: Shown): number {
  return layoutFor(process.stdout, process.env, args).width;
}

export function print(args: Shown, asJson: () => unknown, asText: (width: number) => string): void {
  if (args.json) printJson(asJson());
  else writeTerminal(process.stdout, `${asText(widthOf(args))}\n`);
}

/** Prints what a view made of a command's outcome and sets the exit code the command chose. */
export function emit(printed: { stdout: string; stderr: string }, exitCode: number): void {
  writeTerminal(process.stdout, printed.stdout);
  writeTerminal(process.stderr, printed.stderr);
  process.exitCode = exitCode;
}
