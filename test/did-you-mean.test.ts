import { describe, expect, it } from 'vitest';
import { didYouMean, guessDistance, nearestNames } from '../src/did-you-mean.js';

describe('nearestNames', () => {
  it('finds the nearest names within the guess distance, case ignored, ties kept in order', () => {
    expect(nearestNames('runn', ['run', 'report', 'reproduce'])).toEqual(['run']);
    expect(nearestNames('SAMPLE', ['samples', 'seed'])).toEqual(['samples']);
    expect(nearestNames('rn', ['run', 'rm', 'report'])).toEqual(['run', 'rm']);
  });

  it('guesses nothing for a name far from every candidate', () => {
    expect(nearestNames('xyzzy', ['run', 'report', 'check'])).toEqual([]);
    expect(nearestNames('a', [])).toEqual([]);
  });

  it('allows 2 edits, or a third of a long name', () => {
    expect(guessDistance('abc')).toBe(2);
    expect(guessDistance('servingGpuEfficency')).toBe(6);
    expect(nearestNames('tranMfo', ['trainMfu'])).toEqual(['trainMfu']);
    expect(nearestNames('xxMfo', ['trainMfu'])).toEqual([]);
  });
});

describe('didYouMean', () => {
  it('is the one wording of a guess', () => {
    expect(didYouMean(['run'])).toBe('did you mean `run`?');
    expect(didYouMean(['run', 'report'])).toBe('did you mean `run` or `report`?');
    expect(didYouMean(['a', 'b', 'c'])).toBe('did you mean `a`, `b` or `c`?');
  });
});
