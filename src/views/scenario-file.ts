/**
 * A scenario as a commented YAML file (what `sora-mc init` writes): the `yaml-language-server`
 * line that makes editors check and complete it against the published schema, a header saying
 * where it came from, how to run it and where families and parameters are documented, the
 * scenario's fields, each input it names with a comment saying what the input is (its unit and
 * article value) and its distribution and source as written, and, last, the inputs left at their
 * article values, commented out, ready to be given a range. The YAML library writes every value
 * (quoting strings as they need), so no text from a file can add a key or end a comment.
 */
import { Document, isMap, isScalar, visit, type Pair, type Scalar } from 'yaml';
import { formatValue } from '../format.js';
import { INPUT_KEYS, INPUTS, type InputKey } from '../model/inputs.js';
import type { ScenarioDocument } from '../scenario/document.js';
import { NAME_MAX_LENGTH, ONE_LINE } from '../scenario/schema.js';
import { wrapParagraph } from './wrap.js';

/** Comment lines are wrapped to this many characters (the `#` included). */
const COMMENT_WIDTH = 100;

export interface ScenarioFile {
  /** The scenario as written, `extends` flattened (scenario/resolve.ts, writtenScenario). */
  document: ScenarioDocument;
  /** Where it came from: `builtin:mission` or a file path. */
  origin: string;
  /** The name the file will have, as the user gave it (for the commands in the header). */
  fileName: string;
  /** The scenario's name (the file's name without its extension), if it is a valid one. */
  name: string | undefined;
  /** The `$schema` reference, relative to the file where possible. */
  schema: string;
}

/** A number as YAML writes it and JavaScript reads it back exactly: `2.03e+10`, `0.4`. */
export function yamlNumber(x: number): string {
  return Math.abs(x) >= 1e5 ? x.toExponential() : String(x);
}

/** Lines of `text` wrapped for a comment, each to be prefixed with `#` by the YAML writer. */
function commentLines(text: string, indent = ' ', hanging = indent): string {
  return wrapParagraph(text, COMMENT_WIDTH - 1, indent, hanging);
}

/** A path as a shell reads it back: as it is when plain, else in single quotes. */
export function shellWord(path: string): string {
  return /^[\w./@+-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

/** A scenario's name from a file name, when the schema would accept it. */
export function nameFromFile(base: string): string | undefined {
  return base.length > 0 && base.length <= NAME_MAX_LENGTH && new RegExp(ONE_LINE, 'u').test(base) ? base : undefined;
}

function inputComment(key: InputKey): string {
  const spec = INPUTS[key];
  return commentLines(`${key}: ${spec.description} (${spec.unit}); article value ${formatValue(spec.article, spec.unit)}`, ' ', '   ');
}

function source(origin: string): string {
  return origin.startsWith('builtin:') ? `the built-in scenario ${origin.slice('builtin:'.length)}` : `the scenario file ${origin}`;
}

export function scenarioFileText(file: ScenarioFile): string {
  const { document } = file;
  const named = INPUT_KEYS.filter((key) => document.inputs[key] !== undefined);
  const inputs = Object.fromEntries(
    named.map((key) => {
      const entry = document.inputs[key]!;
      const distribution = entry.distribution;
      const value = typeof distribution === 'object' && distribution !== null && !Array.isArray(distribution)
        ? { ...(distribution as Record<string, unknown>), ...(entry.source === undefined ? {} : { source: entry.source }) }
        : distribution;
      return [key, value];
    }),
  );
  const fields = {
    ...(file.name === undefined ? {} : { name: file.name }),
    ...(document.description === undefined ? {} : { description: document.description }),
    // A seed that was written as a number is written as one again ("007" stays a string).
    ...(document.seed === undefined ? {} : { seed: Number.isSafeInteger(Number(document.seed)) && String(Number(document.seed)) === document.seed ? Number(document.seed) : document.seed }),
    ...(document.samples === undefined ? {} : { samples: document.samples }),
    ...(document.stepCost === undefined ? {} : { stepCost: document.stepCost }),
    inputs,
    ...(document.correlations === undefined ? {} : { correlations: document.correlations }),
  };
  const doc = new Document(fields);
  // Lists of numbers on one line ([4, 6, 8]); an input's large numbers in exponent form (1e+10, not 10000000000).
  visit(doc, {
    Seq(_key, node) {
      if (node.items.every((item) => isScalar(item) && typeof item.value !== 'string')) node.flow = true;
    },
  });
  const inputsMap = doc.get('inputs', true);
  if (isMap(inputsMap)) {
    visit(inputsMap, {
      Scalar(_key, node: Scalar) {
        if (typeof node.value === 'number' && Math.abs(node.value) >= 1e5) node.format = 'EXP';
      },
    });
    for (const pair of inputsMap.items as Pair<Scalar<InputKey>>[]) pair.key.commentBefore = inputComment(pair.key.value);
  }
  const path = shellWord(file.fileName);
  doc.commentBefore = [
    ` yaml-language-server: $schema=${file.schema}`,
    '',
    commentLines(`A sora-mc scenario, written by \`sora-mc init\` from ${source(file.origin)}.`),
    commentLines(`Run it with: sora-mc run ${path}`),
    commentLines(`Write its report with: sora-mc report ${path}`),
    commentLines(
      'Each input under `inputs` is a distribution (or a number) with the source of its range; every input ' +
        'not named keeps its article value (the list at the end; `sora-mc inputs` describes them all). ' +
        'Families and their parameters: docs/scenarios.md (node_modules/sora-mc/docs/scenarios.md) ' +
        'and `sora-mc schema scenario`.',
    ),
  ].join('\n');
  const left = INPUT_KEYS.filter((key) => document.inputs[key] === undefined);
  if (left.length > 0) {
    doc.comment = [
      ' Inputs at their article values (to make one uncertain, move it under `inputs:` with a range):',
      ...left.map((key) => commentLines(`${key}: ${yamlNumber(INPUTS[key].article)} # ${INPUTS[key].description} (${INPUTS[key].unit})`, '   ', '       # ')),
    ].join('\n');
  }
  // The YAML writer folds long values at lineWidth, not counting their indent.
  return doc.toString({ lineWidth: COMMENT_WIDTH - 6, flowCollectionPadding: false });
}
