/**
 * How the scenarios of a comparison are named in every file it writes (the page, its charts, the
 * Markdown, the CSV's scenario column, the list of files): their names, numbered by their place
 * where two share one, so a row always says which scenario it is.
 */
import type { Result } from '../src/result/types.js';

/** Each Result's scenario name, with ` (i)` (its 1-based place) where another shares it. */
export function scenarioRowNames(results: readonly Result[]): string[] {
  const names = results.map((r) => r.scenario.name);
  return names.map((name, i) => (names.filter((n) => n === name).length > 1 ? `${name} (${i + 1})` : name));
}
