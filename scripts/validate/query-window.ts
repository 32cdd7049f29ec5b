// Finds the time window of a transform's source query: the range filter on
// the time field whose lower bound is `now-<duration>`, in seconds.

export type QueryWindow =
  | { kind: "found"; seconds: number; text: string; pointer: string }
  | { kind: "missing"; reason: string };

// Date-math units of Elasticsearch 8.x; months and years have no fixed
// length, so a window in them cannot equal a number of seconds.
const UNIT_SECONDS: Record<string, number> = {
  s: 1,
  m: 60,
  h: 3600,
  H: 3600,
  d: 86400,
  w: 604800,
};

export function parseNowMinus(text: string): number | undefined {
  const match = /^now-(\d+)([smhHdw])$/.exec(text);
  if (!match) return undefined;
  return Number(match[1]) * (UNIT_SECONDS[match[2] as string] as number);
}

export function findQueryWindow(
  query: unknown,
  timeField: string,
): QueryWindow {
  const found: { text: string; pointer: string }[] = [];
  const visit = (node: unknown, pointer: string) => {
    if (Array.isArray(node)) {
      node.forEach((child, index) => visit(child, `${pointer}/${index}`));
      return;
    }
    if (node === null || typeof node !== "object") return;
    const record = node as Record<string, unknown>;
    const range = (
      record.range as Record<string, Record<string, unknown>> | undefined
    )?.[timeField];
    const bound = range?.gte ?? range?.gt;
    if (typeof bound === "string") {
      const key = range?.gte !== undefined ? "gte" : "gt";
      found.push({
        text: bound,
        pointer: `${pointer}/range/${timeField.replace(/\//g, "~1")}/${key}`,
      });
    }
    for (const [key, child] of Object.entries(record)) {
      if (key !== "range") visit(child, `${pointer}/${key}`);
    }
  };
  visit(query, "/source/query");
  if (found.length === 0)
    return { kind: "missing", reason: "no such range filter" };
  if (found.length > 1)
    return {
      kind: "missing",
      reason: "more than one range filter on the field",
    };
  const [{ text, pointer }] = found as [{ text: string; pointer: string }];
  const seconds = parseNowMinus(text);
  if (seconds === undefined)
    return { kind: "missing", reason: `'${text}' is not now-<n><s|m|h|d|w>` };
  return { kind: "found", seconds, text, pointer };
}
