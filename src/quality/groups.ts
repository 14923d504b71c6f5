/**
 * @module quality/groups
 * Counter arrays per group of journal entries (e.g. school → class → subject → teacher), kept in
 * nested maps: a lookup hashes the ids the entry already holds, with no key string built per
 * record. Memory follows the number of groups, never the number of entries.
 */
import type { QualityEntry, QualityDimension } from './types.js';

/** One group: its ids per dimension and its counters. */
export interface Group {
  parts: string[];
  counts: Float64Array;
}

export interface GroupIndex {
  /** The counters of the entry's group, created (zeroed) on first use. */
  countsOf(entry: QualityEntry): Float64Array;
  /** Every group, ordered by its ids dimension by dimension. */
  groups(): Group[];
}

type Level = Map<string, Level | Float64Array>;

/**
 * A copy of an id that does not keep its source text alive. Ids cut from a line (or a chunk of
 * the file) share that text's memory; a map key lives as long as the report, so it must not pin
 * a whole chunk. Concatenation plus slice makes V8 copy the characters.
 */
function detach(id: string): string {
  return (' ' + id).slice(1);
}

/**
 * A group index over the given dimensions with `width` counters per group.
 *
 * @example
 * const index = createGroupIndex(['school'], 3);
 * index.countsOf(entry)[0]++;
 * index.groups(); // [{ parts: ['school-1'], counts: Float64Array [1, 0, 0] }]
 */
export function createGroupIndex(groupBy: readonly QualityDimension[], width: number): GroupIndex {
  const root: Level = new Map();
  const depth = groupBy.length;
  const total = new Float64Array(width);
  let totalUsed = false;

  // Exports list a class's lessons together: most entries fall in the previous entry's group.
  const lastIds: string[] = new Array<string>(depth).fill('');
  let lastCounts: Float64Array | undefined;
  const byAllFour = depth === 4 && groupBy[0] === 'school' && groupBy[1] === 'class' && groupBy[2] === 'subject' && groupBy[3] === 'teacher';

  function sameAsLast(entry: QualityEntry): boolean {
    if (byAllFour) return entry.school === lastIds[0] && entry.class === lastIds[1] && entry.subject === lastIds[2] && entry.teacher === lastIds[3];
    for (let d = 0; d < depth; d++) if (entry[groupBy[d] as QualityDimension] !== lastIds[d]) return false;
    return true;
  }

  function countsOf(entry: QualityEntry): Float64Array {
    if (depth === 0) {
      totalUsed = true;
      return total;
    }
    if (lastCounts !== undefined && sameAsLast(entry)) return lastCounts;
    for (let d = 0; d < depth; d++) lastIds[d] = entry[groupBy[d] as QualityDimension];
    lastCounts = lookup(entry);
    return lastCounts;
  }

  function lookup(entry: QualityEntry): Float64Array {
    let level = root;
    for (let d = 0; d < depth - 1; d++) {
      const id = entry[groupBy[d] as QualityDimension];
      let next = level.get(id) as Level | undefined;
      if (next === undefined) {
        next = new Map();
        level.set(detach(id), next);
      }
      level = next;
    }
    const id = entry[groupBy[depth - 1] as QualityDimension];
    let counts = level.get(id) as Float64Array | undefined;
    if (counts === undefined) {
      counts = new Float64Array(width);
      level.set(detach(id), counts);
    }
    return counts;
  }

  function groups(): Group[] {
    if (depth === 0) return totalUsed ? [{ parts: [], counts: total }] : [];
    const out: Group[] = [];
    function walk(level: Level, parts: string[]): void {
      for (const id of [...level.keys()].sort()) {
        const value = level.get(id) as Level | Float64Array;
        if (value instanceof Map) walk(value, [...parts, id]);
        else out.push({ parts: [...parts, id], counts: value });
      }
    }
    walk(root, []);
    return out;
  }

  return { countsOf, groups };
}
