/**
 * A Vega logger that keeps warnings and errors in a list instead of printing them: rendering
 * returns them so a test can require that a chart draws without any.
 */
import type { LoggerInterface } from 'vega';

const WARN = 2;

function text(args: readonly unknown[]): string {
  return args.map((a) => (a instanceof Error ? a.message : typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
}

/** Records warnings and errors; drops info and debug messages. */
export class CollectingLogger implements LoggerInterface {
  readonly messages: string[] = [];
  #level = WARN;

  level(level?: number): number | LoggerInterface {
    if (level === undefined) return this.#level;
    this.#level = level;
    return this;
  }

  error(...args: unknown[]): this {
    this.messages.push(`error: ${text(args)}`);
    return this;
  }

  warn(...args: unknown[]): this {
    if (this.#level >= WARN) this.messages.push(`warning: ${text(args)}`);
    return this;
  }

  info(): this {
    return this;
  }

  debug(): this {
    return this;
  }
}
