import { describe, expect, it } from 'vitest';
import { methodRows } from '../../../reports/method.js';
import { REPORT_SOBOL_ROWS, reportSobol } from '../../../reports/sobol-indices.js';
import { FIRST, sobolRows, sobolSpec, TOTAL } from '../../../reports/specs/sobol-indices.js';
import type { SensitivityAnalysis } from '../../../src/sensitivity/saltelli.js';
import { HEADLINE_OUTPUTS } from '../../../src/model/outputs.js';
import { loadScenario } from '../../../src/scenario/resolve.js';
import { simulate } from '../../../src/simulate/simulate.js';
import { scratchDir } from '../../helpers/scratch.js';
import { chartsOf, simulated } from '../fixtures.js';
import { sensitivityGroups } from '../../../reports/sensitivity-groups.js';
import { compileWarnings, rowsOf, subtitle } from '../spec-helpers.js';

const scratch = scratchDir();
const evidence = await simulated('evidence-2025');

describe('Sobol-index charts', () => {
  it('follow each tornado in the report, one per group of outputs with the same indices, every headline output in one group', () => {
    const ids = chartsOf(evidence).map((c) => c.id);
    const groups = sensitivityGroups(reportSobol(evidence));
    expect(groups.flat().sort()).toEqual([...HEADLINE_OUTPUTS].sort());
    expect(groups.length).toBeLessThan(HEADLINE_OUTPUTS.length);
    for (const [key] of groups) {
      expect(ids).toContain(`sobol-${key}`);
      if (ids.includes(`tornado-${key!}`)) expect(ids.indexOf(`sobol-${key}`)).toBe(ids.indexOf(`tornado-${key}`) + 1);
    }
    for (const id of ids.filter((i) => i.startsWith('tornado-'))) expect(id).toMatch(new RegExp(`^tornado-(${groups.map((g) => g[0]).join('|')})$`));
  });

  it('draw no tornado with fewer than two bars (mission’s crossover moves with one input)', async () => {
    const mission = await simulated('mission');
    for (const chart of chartsOf(mission).filter((c) => c.id.startsWith('tornado-'))) expect(rowsOf(chart.spec, 'bar').length, chart.id).toBeGreaterThan(2);
  });

  it('draw a first-order and a total bar with its interval for each input the output reads, largest total first', () => {
    const spec = sobolSpec(evidence, reportSobol(evidence), 'trainH100s');
    const bars = sobolRows(reportSobol(evidence), 'trainH100s');
    const totals = bars.filter((b) => b.kind === TOTAL);
    expect(rowsOf(spec, 'bar')).toEqual(totals.map((t) => expect.objectContaining({ input: t.input, estimate: t.estimate })));
    expect(bars.filter((b) => b.kind === FIRST).map((b) => b.input)).toEqual(totals.map((b) => b.input));
    expect(totals.map((b) => b.estimate)).toEqual([...totals.map((b) => b.estimate)].sort((a, b) => b - a));
    // The training fleet does not read the price, the inference utilisation or the uploads: left out and named.
    expect(totals.map((b) => b.input)).not.toContain('gpuHourPrice');
    const lines = subtitle(spec);
    expect(lines.find((line) => line.startsWith('No detectable effect'))).toMatch(/^No detectable effect \(interval reaches 0\): .*H100 price per hour/);
    for (const b of totals) expect(b.upper).toBeGreaterThan(b.lower);
    expect(compileWarnings(spec)).toEqual([]);
  });

  it('shows each input’s share of log-variance when every input is lognormal (the exact answer)', async () => {
    // cost per video minute ∝ soraParams × gpuHourPrice here (every other input fixed), so log cost is a
    // sum and the indices are the shares of log-variance: σ² = (ln(p95/p5) / 3.2897)² → 0.1116 and
    // 0.0889, shares 0.557 and 0.443, first-order = total. At N = 4,096 the bootstrap intervals are ±~0.02;
    // the tolerance 0.05 is ~5 standard errors (a correct estimator fails with probability < 1e-5 per check).
    const file = scratch.write('two-lognormals.yaml', 'inputs:\n  soraParams: { dist: lognormal, p5: 10e9, p95: 30e9 }\n  gpuHourPrice: { dist: lognormal, p5: 1.5, p95: 4 }\n');
    const result = await simulate(loadScenario(file), { samples: 20_000, workers: 1 });
    const bars = sobolRows(reportSobol(result), 'costPerVideoMinuteUsd');
    const s1 = (Math.log(3) / 3.2897) ** 2;
    const s2 = (Math.log(4 / 1.5) / 3.2897) ** 2;
    const share = { soraParams: s1 / (s1 + s2), gpuHourPrice: s2 / (s1 + s2) } as Record<string, number>;
    expect(bars).toHaveLength(4);
    for (const b of bars) expect(Math.abs(b.estimate - share[b.input]!)).toBeLessThan(0.05);
  });

  it('names the estimator and the design size in the method table', () => {
    const row = methodRows(evidence).find((r) => r.label === 'Sobol indices')!;
    expect(row.value).toMatch(/Jansen estimators/);
    expect(row.value).toContain(`N = ${REPORT_SOBOL_ROWS.toLocaleString('en-US')} rows per matrix`);
  });
});

describe('Sobol indices as the chart shows them', () => {
  /** An analysis of one output over three inputs with the indices given (estimate, lower, upper). */
  function analysis(first: [number, number, number][], total: [number, number, number][]): SensitivityAnalysis {
    const index = ([estimate, lower, upper]: [number, number, number]) => ({ estimate, lower, upper });
    return {
      ...reportSobol(evidence),
      inputs: ['soraParams', 'samplingSteps', 'inferMfu'],
      outputs: [{ output: 'costPerVideoMinuteUsd', label: 'Cost', scale: 'log', first: first.map(index), total: total.map(index) }],
    };
  }

  it('stay inside 0–100%, first-order never above total, and an interval through zero reads "no detectable effect"', () => {
    // Sampling noise as a finite design gives it: a total of 102%, a first-order of −1.8%, first above total.
    const a = analysis([[0.97, 0.93, 1.01], [-0.018, -0.04, 0.005], [0.06, 0.03, 0.09]], [[1.02, 0.98, 1.06], [0.01, -0.002, 0.02], [0.05, 0.03, 0.07]]);
    const rows = sobolRows(a, 'costPerVideoMinuteUsd');
    for (const r of rows) {
      expect(r.estimate, r.row).toBeGreaterThanOrEqual(0);
      expect(r.upper, r.row).toBeLessThanOrEqual(1);
      expect(r.lower, r.row).toBeGreaterThanOrEqual(0);
      expect(r.label, r.row).not.toMatch(/−|-\d|10[1-9]%/);
    }
    const of = (input: string, kind: string) => rows.find((r) => r.input === input && r.kind === kind);
    for (const input of ['soraParams', 'inferMfu']) expect(of(input, FIRST)!.estimate).toBeLessThanOrEqual(of(input, TOTAL)!.estimate);
    // samplingSteps' total interval includes 0: no bar claims an effect for it.
    expect(of('samplingSteps', TOTAL)).toBeUndefined();
    const spec = sobolSpec(evidence, a, 'costPerVideoMinuteUsd');
    expect(JSON.stringify(spec)).toMatch(/no detectable effect[^"]*Sampling steps/i);
  });
});
