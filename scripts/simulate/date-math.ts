// Elasticsearch date math for range queries: an anchor (`now` or a date,
// then `||`), followed by operations such as `-6h`, `+1d` or `/h` (round
// down). Units: y, M, w, d, h (or H), m, s. Time zones other than UTC are
// not supported.

const UNIT_MILLIS: Record<string, number> = {
  w: 7 * 86_400_000,
  d: 86_400_000,
  h: 3_600_000,
  H: 3_600_000,
  m: 60_000,
  s: 1000,
};

const ISO_DATE =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2})(?::(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?$/;

/** Parses `strict_date_optional_time` text; a time without a zone is UTC. */
function parseIsoMillis(text: string): number | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  const parts = [
    Number(year),
    Number(month ?? "1"),
    Number(day ?? "1"),
    Number(hour ?? "0"),
    Number(minute ?? "0"),
    Number(second ?? "0"),
  ] as const;
  const [y, mo, d, h, mi, s] = parts;
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth) return null;
  if (h > 23 || mi > 59 || s > 59) return null;
  const millis = Number((fraction ?? "").padEnd(3, "0").slice(0, 3));
  let offset = 0;
  if (zone && zone !== "Z") {
    const digits = zone.slice(1).replace(":", "");
    const zoneHours = Number(digits.slice(0, 2));
    const zoneMinutes = Number(digits.slice(2) || "0");
    if (zoneHours > 18 || zoneMinutes > 59) return null;
    offset = (zone[0] === "-" ? -1 : 1) * (zoneHours * 60 + zoneMinutes);
  }
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, millis);
  return date.getTime() - offset * 60_000;
}

/**
 * Parses a date as Elasticsearch's default date format
 * `strict_date_optional_time||epoch_millis` does: ISO 8601 text (a time
 * without a zone is UTC), or epoch milliseconds as a number or numeric
 * string. Returns null when the value is not a date.
 */
export function parseDateMillis(value: unknown): number | null {
  if (typeof value === "number")
    return Number.isFinite(value) ? Math.trunc(value) : null;
  if (typeof value !== "string") return null;
  const iso = parseIsoMillis(value);
  if (iso !== null) return iso;
  if (/^-?\d+(\.\d+)?$/.test(value)) return Math.trunc(Number(value));
  return null;
}

function addMonths(millis: number, months: number): number {
  const date = new Date(millis);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.getTime();
}

function roundDown(millis: number, unit: string): number {
  const date = new Date(millis);
  switch (unit) {
    case "y":
      return Date.UTC(date.getUTCFullYear(), 0, 1);
    case "M":
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
    case "w": {
      const day = (date.getUTCDay() + 6) % 7;
      return Date.UTC(
        date.getUTCFullYear(),
        date.getUTCMonth(),
        date.getUTCDate() - day,
      );
    }
    default: {
      const size = UNIT_MILLIS[unit]!;
      return Math.floor(millis / size) * size;
    }
  }
}

/**
 * Evaluates `expression` against `nowMillis`. Throws an Error naming the
 * expression when it is not valid date math.
 * NOTE: rounding always rounds down; Elasticsearch rounds `lte`/`gt` bounds up.
 */
export function evaluateDateMath(
  expression: unknown,
  nowMillis: number,
): number {
  if (typeof expression === "number") return expression;
  const text = String(expression);
  let anchor: number | null;
  let rest: string;
  if (text.startsWith("now")) {
    anchor = nowMillis;
    rest = text.slice(3);
  } else {
    const separator = text.indexOf("||");
    anchor = parseDateMillis(separator < 0 ? text : text.slice(0, separator));
    rest = separator < 0 ? "" : text.slice(separator + 2);
  }
  if (anchor === null) throw new Error(`invalid date or date math [${text}]`);
  let millis = anchor;
  const operation = /^([+-])(\d*)([yMwdhHms])|^\/([yMwdhHms])/;
  while (rest.length > 0) {
    const match = operation.exec(rest);
    if (!match) throw new Error(`invalid date math [${text}] at [${rest}]`);
    if (match[4]) {
      millis = roundDown(millis, match[4]);
    } else {
      const amount = Number(match[2] || "1") * (match[1] === "-" ? -1 : 1);
      const unit = match[3]!;
      if (unit === "y") millis = addMonths(millis, 12 * amount);
      else if (unit === "M") millis = addMonths(millis, amount);
      else millis += amount * UNIT_MILLIS[unit]!;
    }
    rest = rest.slice(match[0].length);
  }
  return millis;
}
