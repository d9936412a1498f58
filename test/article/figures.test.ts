import { describe, expect, it } from 'vitest';
import { articleFigures } from '../../src/article/figures.js';

const rows = articleFigures();
const row = (figure: string, articleCase = 'both') => {
  const found = rows.find((r) => r.figure === figure && r.case === articleCase);
  if (!found) throw new Error(`no row ${figure} (${articleCase})`);
  return found;
};

describe('articleFigures', () => {
  it('shows every row of docs/model.md\'s table of the article\'s figures for both cases', () => {
    expect(rows.map((r) => `${r.figure}/${r.case}`)).toEqual(
      expect.arrayContaining([
        'Training compute/conservative', 'Training compute/optimistic',
        'H100s for one month/conservative', 'H100s for one month/optimistic',
        'Inference/training crossover/conservative', 'Inference/training crossover/optimistic',
        'DiT-XL crossover/both', 'Video per H100-hour/both', 'Inference fleet, average/both',
      ]),
    );
  });

  it('agrees with the article at its printed precision everywhere but the fleet', () => {
    const disagreeing = rows.filter((r) => r.agreement === 'differs').map((r) => r.figure);
    expect(disagreeing).toEqual(['Inference fleet, average', 'Inference fleet, peak']);
  });

  it('rounds the H100 counts to exactly 4,211 and 10,528', () => {
    expect(Math.round(row('H100s for one month', 'conservative').computed)).toBe(4211);
    expect(Math.round(row('H100s for one month', 'optimistic').computed)).toBe(10528);
    expect(row('H100s for one month', 'conservative').agreement).toBe('match');
  });

  it('explains every figure that agrees only to the last digit or differs', () => {
    for (const r of rows.filter((x) => x.agreement !== 'match')) expect(r.note, r.figure).toBeTruthy();
  });

  it('shows what follows from the stated inputs beside the 89k fleet', () => {
    const fleet = row('Inference fleet, average');
    expect(fleet.printed).toBe(89e3);
    expect(Math.round(fleet.computed / 100) * 100).toBe(123_700);
    expect(fleet.note).toMatch(/does not follow/);
  });
});
