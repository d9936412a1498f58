/** What `sora-mc baseline` prints: each file written (and for an update, what moved), or the bad input. */
import { count, percentileLabel, signedPercent } from '../format.js';
import { toJson } from '../io/json.js';
import { display } from '../paths.js';
import type { BaselineOutcome, WrittenBaseline } from '../regress/targets.js';
import { badInputPrinted, type Printed } from './printed.js';

export const BASELINE_RUN_FORMAT = 'sora-mc/baseline-run';

function describeWritten(w: WrittenBaseline): string {
  const head = `${w.update ? 'updated' : 'wrote'} ${display(w.file)}: ${w.scenario} (${w.source}), ${count(w.samples)} samples, seed ${w.seed}, ${w.engine}, hash ${w.hash.slice(0, 12)}`;
  if (!w.update) return `${head}\n  reason: ${w.reason}`;
  const { changed, compared, largest, hashBefore } = w.update;
  const moved =
    changed === 0
      ? `no percentile changed (of ${count(compared)})`
      : `${count(changed)} of ${count(compared)} percentiles changed` +
        (largest ? `, largest ${largest.output} ${percentileLabel(largest.p)} ${signedPercent(largest.relative)}` : '');
  const hash = hashBefore === w.hash ? 'same assumptions' : `assumptions changed (hash ${hashBefore.slice(0, 12)} → ${w.hash.slice(0, 12)})`;
  return `${head}\n  reason: ${w.reason}\n  ${moved}; ${hash}`;
}

export function baselinePrinted(outcome: BaselineOutcome, json: boolean | undefined): Printed {
  if (!outcome.written) return badInputPrinted(outcome.errors, json, BASELINE_RUN_FORMAT);
  const written = outcome.written;
  return {
    stdout: json ? toJson({ format: BASELINE_RUN_FORMAT, ok: true, written }) : `${written.map(describeWritten).join('\n')}\n`,
    stderr: '',
  };
}
