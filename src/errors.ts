/**
 * The one error type sora-mc raises for bad input. It carries where the bad value is
 * (a file and a dotted path such as `inputs.trainMfu.p95`), what was expected, what was found,
 * and an optional hint. The CLI prints it without a stack trace and exits 2.
 */
export interface SoraErrorDetails {
  /** File the bad value came from, when there is one. */
  file?: string;
  /** Dotted path of the bad value inside its document, e.g. `inputs.trainMfu.p95`. */
  path?: string;
  /** What a valid value looks like. */
  expected?: string;
  /** What was found instead (already rendered for people). */
  found?: string;
  /** A suggestion: the nearest valid name, a family that fits, … */
  hint?: string;
}

export class SoraError extends Error {
  readonly details: SoraErrorDetails;

  constructor(message: string, details: SoraErrorDetails = {}) {
    super(message);
    this.name = 'SoraError';
    this.details = details;
  }

  /** A copy of this error that also names the file it came from. */
  inFile(file: string): SoraError {
    return new SoraError(this.message, { ...this.details, file: this.details.file ?? file });
  }

  /** A copy of this error whose path is prefixed by `prefix` (e.g. `inputs.trainMfu`). */
  under(prefix: string): SoraError {
    const path = this.details.path ? `${prefix}.${this.details.path}` : prefix;
    return new SoraError(this.message, { ...this.details, path });
  }

  /** The multi-line text the CLI prints. */
  describe(): string {
    const { file, path, expected, found, hint } = this.details;
    const where = [file, path].filter(Boolean).join(': ');
    const lines = [`error: ${where ? `${where}: ` : ''}${this.message}`];
    if (expected !== undefined) lines.push(`  expected: ${expected}`);
    if (found !== undefined) lines.push(`  found:    ${found}`);
    if (hint !== undefined) lines.push(`  hint:     ${hint}`);
    return lines.join('\n');
  }
}

/** Renders any value for an error message, briefly. */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) {
    return String(value);
  }
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
