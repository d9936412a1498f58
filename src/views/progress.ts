/**
 * A progress bar on stderr for runs that take more than a second, and only when stderr is a
 * terminal (CI logs and pipes get none).
 */
import type { SingleBar } from 'cli-progress';
import type { Progress } from '../simulate/pool.js';

export const PROGRESS_DELAY_MS = 1000;

export function progressBar(stream: NodeJS.WriteStream = process.stderr): {
  update: (progress: Progress) => void;
  stop: () => void;
} {
  if (!stream.isTTY) return { update: () => {}, stop: () => {} };
  const started = Date.now();
  let bar: SingleBar | undefined;
  // Loaded only for a terminal, while the run starts: a run without a bar never loads it.
  let library: typeof import('cli-progress') | undefined;
  void import('cli-progress').then((loaded) => (library = loaded));
  return {
    update({ chunksDone, chunks }) {
      if (!bar && (Date.now() - started < PROGRESS_DELAY_MS || !library)) return;
      if (!bar) {
        // The bar counts chunks over all passes (a pilot's chunks are sampled again by the run).
        const { SingleBar, Presets } = library!;
        bar = new SingleBar({ stream, format: 'sampling [{bar}] {percentage}% | {value}/{total} chunk passes | {eta_formatted} left', clearOnComplete: true, etaBuffer: 50 }, Presets.shades_classic);
        bar.start(chunks, chunksDone);
      }
      if (bar.getTotal() !== chunks) bar.setTotal(chunks);
      bar.update(chunksDone);
    },
    stop() {
      bar?.stop();
    },
  };
}

/** Runs `work` with a progress bar on stderr when `show` (and stderr is a terminal), stopping the bar however it ends. */
export async function withProgressBar<T>(show: boolean | undefined, work: (onProgress: ((progress: Progress) => void) | undefined) => Promise<T>): Promise<T> {
  const bar = show ? progressBar() : undefined;
  try {
    return await work(bar?.update);
  } finally {
    bar?.stop();
  }
}
