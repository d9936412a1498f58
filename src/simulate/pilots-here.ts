/**
 * A pool run's small passes in the calling thread, while the workers start. A run's pilots (the
 * passes over its first n/64, n/64² … samples, run-statistics.ts) hold little work, but on the
 * workers each waited for them to start and for the main thread to read every pilot before the
 * next: a run of 1e7 samples spent ~0.3 s of its ~1.7 s there. Here the calling thread — idle
 * anyway until the run's own pass — counts and gathers every pass over at most HERE_SAMPLES
 * samples that is not the run's own, and the workers take the rest once set up. The statistics are
 * the same: a pilot only plans the run's sub-bins, from exact counts, whichever thread made them.
 */
import { chunkCount } from './chunks.js';
import type { PassRunner } from './run-statistics.js';

/** Passes over at most this many samples run in the calling thread (~50 ms on this project's machine). */
export const HERE_SAMPLES = 1 << 18;

/**
 * A runner for a run of `samples`: its pilots' passes on `here` (this thread), the others on
 * `workers` once `ready` (their setup) settles. `passedHere` hears of each pass made here (progress).
 */
export function pilotsHere(samples: number, here: PassRunner, workers: PassRunner, ready: Promise<unknown>, passedHere: (chunks: number) => void): PassRunner {
  const local = (passSamples: number) => passSamples < samples && passSamples <= HERE_SAMPLES;
  return {
    workers: workers.workers,
    expect: (chunks) => workers.expect(chunks),
    count: async (request) => {
      if (!local(request.samples)) {
        await ready;
        return workers.count(request);
      }
      const counted = await here.count(request);
      passedHere(chunkCount(request.samples));
      return counted;
    },
    gather: async (passSamples, plans) => {
      if (!local(passSamples)) {
        await ready;
        return workers.gather(passSamples, plans);
      }
      const gathered = await here.gather(passSamples, plans);
      passedHere(chunkCount(passSamples));
      return gathered;
    },
  };
}
