/**
 * Reading baseline files back, strictly. A missing, truncated or hand-edited baseline is a
 * SoraError naming the file and the field (and the check exits 2) — never a silent pass: every
 * field the check reads is present and well-formed, every output lists exactly the baseline's
 * percentiles in order, and each estimate lies inside its own interval.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { getLocation, parse, type ParseError } from 'jsonc-parser';
import { SoraError, show } from '../errors.js';
import { readInputFile } from '../io/read.js';
import { samePercentile } from '../result/percentile.js';
import { SAMPLING_METHODS } from '../sampling/methods.js';
import { CONFIDENCE, percentilePlans, REPORTED_PERCENTILES } from '../stats/percentiles.js';
import { requireFormat, validate } from '../validate.js';
import { BASELINE_FORMAT, BASELINE_FORMAT_VERSION, type Baseline, type BaselineFile } from './baseline.js';
import { baselineJsonSchema } from './schema.js';

const schema = baselineJsonSchema();

function malformed(path: string, expected: string, found: unknown): SoraError {
  return new SoraError(`malformed field ${path}`, { path, expected, found: show(found) });
}

function checkPercentileList(ps: readonly number[]): void {
  ps.forEach((p, i) => {
    const previous = i > 0 ? ps[i - 1]! : 0;
    if (p <= previous) throw malformed(`percentiles.${i}`, `a probability in (${show(previous)}, 1), the list increasing`, p);
  });
  // sora-mc writes every reported percentile; a shorter list (percentiles: [0.5]) was cut by hand.
  if (ps.length !== REPORTED_PERCENTILES.length || ps.some((p, i) => !samePercentile(p, REPORTED_PERCENTILES[i]!))) {
    throw new SoraError("the baseline's percentiles are not the ones sora-mc writes", {
      path: 'percentiles',
      expected: REPORTED_PERCENTILES.join(', '),
      found: show(ps),
      hint: 'restore it from version control, or make it again with: sora-mc baseline <scenario> --out <folder>',
    });
  }
}

/** The baseline's confidence level is the one sora-mc computes intervals at (the check's error rates rest on it). */
function checkConfidence(baseline: Baseline): void {
  if (baseline.method.confidence !== CONFIDENCE) {
    throw malformed('method.confidence', `${CONFIDENCE} (the level of every interval sora-mc writes)`, baseline.method.confidence);
  }
}

/**
 * Every bound of every interval is an order statistic of one sorted sample (src/stats/intervals.ts
 * picks its rank from n and p), so bounds sorted by rank must not decrease: X(u) of P1 lies below
 * X(l) of P5 when u < l. Intervals widened by hand ([v/1e6, v·1e6]) break this.
 */
function checkOrderStatistics(path: string, n: number, rows: readonly { p: number; lower: number; upper: number }[]): void {
  const plans = percentilePlans(n, rows.map((row) => row.p), CONFIDENCE);
  const bounds = rows
    .flatMap((row, i) => [
      { rank: plans[i]!.interval.lower, value: row.lower, at: `${path}.percentiles.${i}.lower` },
      { rank: plans[i]!.interval.upper, value: row.upper, at: `${path}.percentiles.${i}.upper` },
    ])
    .sort((a, b) => a.rank - b.rank);
  for (let i = 1; i < bounds.length; i += 1) {
    const [before, after] = [bounds[i - 1]!, bounds[i]!];
    if (before.rank < after.rank && before.value > after.value) {
      throw new SoraError('the confidence intervals are not order statistics of one sample', {
        path: after.at,
        expected: `at least ${before.value} (${before.at}, a lower-ranked order statistic of the same ${n} samples)`,
        found: String(after.value),
        hint: 'intervals are written by sora-mc, not by hand: restore the baseline from version control or make it again',
      });
    }
  }
}

/** Every output lists the baseline's percentiles in order, each inside its interval, from at most `samples` samples. */
function checkOutputs(baseline: Baseline): void {
  const ps = baseline.percentiles;
  for (const [key, output] of Object.entries(baseline.outputs)) {
    const path = `outputs.${key}`;
    if (output.n > baseline.run.samples) {
      throw malformed(`${path}.n`, `a whole number from 1 to the sample count (${baseline.run.samples})`, output.n);
    }
    const list = output.percentiles;
    if (list.length !== ps.length) {
      throw new SoraError(`the percentile list does not match the baseline's percentiles`, {
        path: `${path}.percentiles`,
        expected: `${ps.length} entries, for p = ${ps.join(', ')}`,
        found: `${list.length} entries, for p = ${list.map((q) => show(q.p)).join(', ')}`,
      });
    }
    list.forEach((q, i) => {
      const at = `${path}.percentiles.${i}`;
      if (!samePercentile(q.p, ps[i]!)) {
        throw new SoraError(`the percentile list does not match the baseline's percentiles`, {
          path: `${at}.p`,
          expected: `p = ${ps[i]} (entry ${i} of ${ps.join(', ')})`,
          found: `p = ${show(q.p)}`,
        });
      }
      if (!(q.lower <= q.value && q.value <= q.upper)) {
        throw new SoraError('the estimate lies outside its own confidence interval', {
          path: at,
          expected: 'lower ≤ value ≤ upper',
          found: `lower ${q.lower}, value ${q.value}, upper ${q.upper}`,
        });
      }
    });
    // A sobol baseline's intervals are Student t intervals over its replicates (src/stats/replicate-stats.ts),
    // not order statistics of one sample: their bounds may overlap across percentiles.
    if (baseline.run.sampling !== SAMPLING_METHODS.sobol) checkOrderStatistics(path, output.n, list);
  }
}

function checkHistory(baseline: Baseline): void {
  baseline.history.forEach((entry, i) => {
    if (Number.isNaN(Date.parse(entry.date))) throw malformed(`history.${i}.date`, 'an ISO 8601 date', entry.date);
  });
}

/** Checks that `value` is a well-formed baseline (schema/baseline.schema.json, then the rules between fields); errors name the field, not yet the file. */
export function parseBaseline(value: unknown): Baseline {
  requireFormat(value, BASELINE_FORMAT, BASELINE_FORMAT_VERSION, 'baseline', (found) =>
    found === 'sora-mc/result' ? 'this is a result file; make a baseline with: sora-mc baseline <scenario>' : undefined,
  );
  const baseline = validate<Baseline>(schema, value);
  checkPercentileList(baseline.percentiles);
  checkConfidence(baseline);
  checkOutputs(baseline);
  checkHistory(baseline);
  return baseline;
}

/** The syntax errors of strict JSON text (no comments, no trailing commas), first first. */
function jsoncErrors(text: string): ParseError[] {
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false });
  return errors;
}

/** 1-based line and column of `offset` in `text`. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const lines = text.slice(0, offset).split('\n');
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

/** Parses a baseline file's text; JSON errors name the line, column and the field being read. */
export function parseBaselineText(text: string, file: string): Baseline {
  if (text.trim() === '') {
    throw new SoraError('the baseline file is empty', { file, expected: 'a baseline written by sora-mc baseline', found: 'an empty file' });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // Where it broke, for people: jsonc-parser finds the offset and the path of the field being read there.
    const offset = jsoncErrors(text)[0]?.offset;
    const truncated = offset !== undefined && offset >= text.trimEnd().length;
    const where = offset === undefined ? undefined : lineColumn(text, offset);
    // A cut just after a comma leaves an empty last segment: drop it so the path never ends in '.'.
    const field = offset === undefined ? '' : getLocation(text, offset).path.filter((part) => part !== '').join('.');
    throw new SoraError(truncated ? 'the baseline file is truncated (it ends inside the JSON)' : 'the baseline file is not valid JSON', {
      file,
      path: [field || '(document)', where ? `line ${where.line}, column ${where.column}` : ''].filter(Boolean).join(' at '),
      expected: 'a complete JSON baseline written by sora-mc baseline',
      found: (error as Error).message,
      hint: 'restore it from version control, or delete it and make it again with: sora-mc baseline <scenario> --out <folder>',
    });
  }
  try {
    return parseBaseline(value);
  } catch (error) {
    throw error instanceof SoraError ? error.inFile(file) : error;
  }
}

/** Reads and checks one baseline file. */
export function readBaseline(file: string): BaselineFile {
  const path = resolve(file);
  const text = readInputFile(file, 'the baseline file', 'make one with: sora-mc baseline <scenario> --out <folder>', ['.json']);
  return { file: path, baseline: parseBaselineText(text, file) };
}

/**
 * The baseline files named by `targets`: files as given, folders as the `.json` files directly
 * inside them (sorted). A folder without baselines or a path that does not exist is an error:
 * a check that compares nothing must not pass.
 */
export function baselinePaths(targets: readonly string[]): string[] {
  const files: string[] = [];
  for (const target of targets) {
    if (!existsSync(target)) {
      throw new SoraError('baseline file or folder not found', {
        file: target,
        expected: 'a baseline .json file or a folder of them',
        hint: 'make baselines with: sora-mc baseline <scenario> --out baselines/',
      });
    }
    if (statSync(target).isDirectory()) {
      const inside = readdirSync(target)
        .filter((name) => extname(name) === '.json')
        .sort()
        .map((name) => join(target, name));
      if (inside.length === 0) {
        throw new SoraError('no baseline files in this folder', {
          file: target,
          expected: 'one or more .json baselines',
          found: 'none',
          hint: 'make baselines with: sora-mc baseline <scenario> --out ' + target,
        });
      }
      files.push(...inside);
    } else {
      files.push(target);
    }
  }
  const seen = new Set<string>();
  return files.filter((file) => {
    const key = resolve(file);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
