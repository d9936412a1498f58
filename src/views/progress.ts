/**
 * A progress bar on stderr for runs that take more than a second, and only when stderr is a
 * terminal (CI logs and pipes get none).
 */
import { SingleBar, Presets } from 'cli-progress';
import type { Progress } from '../simulate/pool.js';

export const PROGRESS_DELAY_MS = 1000;

export function progressBar(stream: NodeJS.WriteStream = process.stderr): {
  update: (progress: Progress) => void;
  stop: () => void;
} {
  if (!stream.isTTY) return { update: () => {}, stop: () => {} };
  const started = Date.now();
  let bar: SingleBar | undefined;
  return {
    update({ chunksDone, chunks }) {
      if (!bar && Date.now() - started < PROGRESS_DELAY_MS) return;
      if (!bar) {
        // Every chunk is sampled two or three times (counting, maybe refining, gathering): the bar counts them all.
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
