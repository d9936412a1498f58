/** What `sora-mc init` prints: the file written, what it holds, and the command that runs it. */
import type { InputKey } from '../model/inputs.js';
import { shellWord } from './scenario-file.js';
import { wrapParagraph } from './wrap.js';

/** What the init job did. */
export interface Initialised {
  /** The file written, as given. */
  file: string;
  /** Where the scenario came from: `builtin:mission` or a file path. */
  origin: string;
  /** The `$schema` reference written, relative to the file where possible. */
  schema: string;
  /** The inputs the file names (with a distribution or a number), in catalogue order. */
  inputs: InputKey[];
}

export function initText(done: Initialised, width = Infinity): string {
  const from = done.origin.startsWith('builtin:') ? `the built-in ${done.origin.slice('builtin:'.length)}` : done.origin;
  return [
    wrapParagraph(`wrote ${done.file} from ${from}: ${done.inputs.length} input${done.inputs.length === 1 ? '' : 's'} with their distributions and sources; editors check it against ${done.schema}`, width, '', '  '),
    wrapParagraph(`run it with: sora-mc run ${shellWord(done.file)}`, width, '', '  '),
  ].join('\n');
}
