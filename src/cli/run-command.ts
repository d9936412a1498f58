/** `sora-mc run`: samples a scenario, writes result.json, prints the headline outputs (or the Result as JSON). */
import type { RunRequest } from '../commands/run.js';
import { print, type Shown } from './print.js';

export type RunArgs = Omit<RunRequest, 'progress'> & Shown;

export async function runCommand(args: RunArgs): Promise<void> {
  // Loaded when the command runs: the CLI's entry stays small for every command.
  const [{ runJob }, { runText }] = await Promise.all([import('../commands/run.js'), import('../views/run.js')]);
  const { result, path, besideReport } = await runJob({ ...args, progress: !args.json });
  print(args, () => result, (width) => runText(result, path, besideReport, width));
}
