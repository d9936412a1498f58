/**
 * A progress bar on stderr for runs that take more than a second, and only when stderr is an
 * interactive terminal (terminal.ts; CI logs, pipes and TERM=dumb get none). It draws no colour.
 */
import type { SingleBar } from 'cli-progress';
import type { Progress } from '../simulate/pool.js';
import { isInteractive } from './terminal.js';

export const PROGRESS_DELAY_MS = 1000;

const FORMAT = 'sampling [{bar}] {percentage}% | {value}/{total} chunk passes | {eta_formatted} left';
/** The cells the line takes besides its bar, at most (counts of chunk passes up to 5 digits, an ETA like 10m59s). */
const BESIDE_BAR = FORMAT.replace('{bar}', '').replace('{percentage}', '100').replace('{value}/{total}', '99999/99999').replace('{eta_formatted}', '10m59s').length;

/** The bar's length: 40 cells, fewer (down to 10) so that the whole line fits the terminal. */
export function barSize(columns: number | undefined): number {
  return Math.max(10, Math.min(40, (columns ?? 80) - BESIDE_BAR - 1));
}

export function progressBar(stream: NodeJS.WriteStream = process.stderr, env: NodeJS.ProcessEnv = process.env): {
  update: (progress: Progress) => void;
  stop: () => void;
} {
  if (!isInteractive(stream, env)) return { update: () => {}, stop: () => {} };
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
        bar = new SingleBar({ stream, format: FORMAT, barsize: barSize(stream.columns), clearOnComplete: true, etaBuffer: 50 }, Presets.shades_classic);
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
