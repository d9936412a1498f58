/**
 * The one wording of a guess at a misspelt name, for the command line (commands, flags) and for
 * files (keys, inputs, families, parameters): `did you mean \`run\`?`. Nearness is the Levenshtein
 * distance, case ignored (fastest-levenshtein).
 */
import { distance } from 'fastest-levenshtein';

/** The farthest a guess may be: 2 edits, or a third of the name's length for long names. */
export function guessDistance(name: string): number {
  return Math.max(2, Math.floor(name.length / 3));
}

/**
 * The candidates nearest to `name` (all of those at the smallest distance, in the order given),
 * if that distance is at most `within`; none otherwise.
 */
export function nearestNames(name: string, candidates: readonly string[], within = guessDistance(name)): string[] {
  const lower = name.toLowerCase();
  let best = Infinity;
  let nearest: string[] = [];
  for (const candidate of candidates) {
    const d = distance(lower, candidate.toLowerCase());
    if (d > within || d > best) continue;
    if (d < best) [best, nearest] = [d, []];
    nearest.push(candidate);
  }
  return nearest;
}

/** `did you mean \`run\`?`, `did you mean \`run\` or \`report\`?` — for names of sora-mc's own (never a user's text). */
export function didYouMean(names: readonly string[]): string {
  const quoted = names.map((name) => `\`${name}\``);
  const list = quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
  return `did you mean ${list}?`;
}
