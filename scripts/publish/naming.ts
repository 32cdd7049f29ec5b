// Pure naming rules for ML-Beaconing-YYYYMMDD-N releases: parsing, ordering,
// the next N of a day, and which existing release a re-run resumes.

const NAME = /^ML-Beaconing-(\d{8})-([1-9]\d*)$/;

export interface ReleaseName {
  name: string;
  /** YYYYMMDD, the UTC day. */
  day: string;
  sequence: number;
}

/** A tag or a release of the repository, reduced to what naming needs. */
export interface SeriesEntry {
  name: string;
  /** Commit the tag points to, or the release's target_commitish. */
  commit: string | null;
  kind: "tag" | "release";
}

export function parseReleaseName(name: string): ReleaseName | null {
  const match = NAME.exec(name);
  if (!match) return null;
  const sequence = Number(match[2]);
  if (!Number.isSafeInteger(sequence)) return null;
  return { name, day: match[1] as string, sequence };
}

/** Orders by day, then by N as a number, so -10 follows -9. */
export function compareReleaseNames(a: ReleaseName, b: ReleaseName): number {
  if (a.day !== b.day) return a.day < b.day ? -1 : 1;
  return a.sequence - b.sequence;
}

export function dayOf(date: string): string {
  return date.replace(/-/g, "");
}

export type NameDecision =
  | { action: "create"; sequence: number }
  | { action: "resume"; sequence: number; reason: string };

/**
 * Decides the N of this run. Re-runs are idempotent by this rule. When a tag
 * or release of the day's series already points at the commit being
 * released, the run resumes the highest such N. Otherwise it takes one more
 * than the highest N of that day among all tags and releases.
 */
export function buildNameDecision(
  date: string,
  head: string,
  entries: SeriesEntry[],
): NameDecision {
  const day = dayOf(date);
  const ofDay = entries
    .map((entry) => ({ entry, parsed: parseReleaseName(entry.name) }))
    .filter(({ parsed }) => parsed?.day === day);
  const atHead = ofDay
    .filter(({ entry }) => entry.commit === head)
    .map(({ parsed }) => parsed!.sequence);
  if (atHead.length > 0) {
    const sequence = Math.max(...atHead);
    return {
      action: "resume",
      sequence,
      reason: `a tag or release of ${day} already points at ${head.slice(0, 12)}`,
    };
  }
  const highest = Math.max(0, ...ofDay.map(({ parsed }) => parsed!.sequence));
  return { action: "create", sequence: highest + 1 };
}

/** Finds the newest ML-Beaconing name before `current`, for the change list. */
export function previousReleaseName(
  current: string,
  names: string[],
): string | null {
  const self = parseReleaseName(current);
  if (!self) return null;
  const older = [...new Set(names)]
    .map(parseReleaseName)
    .filter((p): p is ReleaseName => p !== null)
    .filter((p) => compareReleaseNames(p, self) < 0)
    .sort(compareReleaseNames);
  return older.at(-1)?.name ?? null;
}
