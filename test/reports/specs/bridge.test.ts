import { describe, expect, it } from 'vitest';
import { bridge } from '../../../src/bridge/bridge.js';
import { bridgeRows, bridgeSpec } from '../../../reports/specs/bridge.js';
import { simulated } from '../fixtures.js';
import { compileWarnings, rowsOf, subtitle, xScaleType } from '../spec-helpers.js';

describe('the bridge chart', () => {
  it('draws the article, each step that moves the output, and the simulated median, on a log axis', async () => {
    const b = bridge(await simulated('evidence-2025'), 'costPerVideoMinuteUsd');
    const spec = bridgeSpec(b);
    const bars = rowsOf(spec, 'bar');
    const moving = b.steps.filter((s) => s.factor !== 1);
    expect(bars).toHaveLength(moving.length + 2);
    expect(bars[0]).toMatchObject({ kind: 'start', to: b.start });
    expect(bars.at(-1)).toMatchObject({ kind: 'end', to: b.end });
    // Each step's bar runs from the value before it to the value after it.
    moving.forEach((s, i) => expect(bars[i + 1]).toMatchObject({ from: s.from, to: s.to, kind: s.factor > 1 ? 'raises' : 'lowers' }));
    expect(xScaleType(spec)).toBe('log');
    expect(subtitle(spec).join(' ')).toMatch(/Unchanged \(×1\): .*run length/);
    expect(compileWarnings(spec)).toEqual([]);
  });

  it('every bar stays inside the axis, so none is clipped', async () => {
    for (const name of ['article', 'mission', 'calibrated']) {
      const b = bridge(await simulated(name), 'trainH100s');
      const spec = bridgeSpec(b);
      const domain = ((spec as { layer: { encoding: { x: { scale: { domain: number[] } } } }[] }).layer[0]!.encoding.x.scale.domain) as [number, number];
      for (const row of bridgeRows(b, domain[0])) {
        expect(Math.min(row.from, row.to)).toBeGreaterThanOrEqual(domain[0]);
        expect(Math.max(row.from, row.to)).toBeLessThan(domain[1]);
      }
    }
  });
});
