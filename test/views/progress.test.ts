import { afterEach, describe, expect, it, vi } from 'vitest';
import { progressBar, PROGRESS_DELAY_MS } from '../../src/views/progress.js';

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  const stream = {
    isTTY,
    columns: 80,
    write: (chunk: string) => (written.push(chunk), true),
    cursorTo: () => true,
    clearLine: () => true,
    moveCursor: () => true,
    on: () => stream,
    removeListener: () => stream,
  };
  return { stream: stream as unknown as NodeJS.WriteStream, written };
}

describe('progressBar', () => {
  afterEach(() => vi.useRealTimers());

  it('draws nothing when stderr is not a terminal', () => {
    const { stream, written } = fakeStream(false);
    const bar = progressBar(stream, {});
    bar.update({ chunksDone: 1, chunks: 10 });
    bar.stop();
    expect(written).toEqual([]);
  });

  it('draws nothing on a terminal that cannot move the cursor (TERM=dumb)', () => {
    const { stream, written } = fakeStream(true);
    vi.useFakeTimers();
    const bar = progressBar(stream, { TERM: 'dumb' });
    vi.advanceTimersByTime(PROGRESS_DELAY_MS + 1);
    bar.update({ chunksDone: 1, chunks: 10 });
    bar.stop();
    expect(written).toEqual([]);
  });

  it('draws nothing during the first second, then a bar', async () => {
    vi.useFakeTimers();
    const { stream, written } = fakeStream(true);
    const bar = progressBar(stream, {});
    await vi.dynamicImportSettled(); // the bar's library loads as the run starts
    bar.update({ chunksDone: 1, chunks: 10 });
    expect(written.join('')).toBe('');
    vi.advanceTimersByTime(PROGRESS_DELAY_MS + 1);
    bar.update({ chunksDone: 5, chunks: 10 });
    expect(written.join('')).toMatch(/sampling .*50%/);
    bar.stop();
  });
});
