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

/** Parses an ISO-8601 date or epoch milliseconds; null when invalid. */
export function parseDateMillis(value: unknown): number | null {
  if (typeof value === "number" && Number.isFinite(value))
    return Math.trunc(value);
  if (typeof value !== "string") return null;
  if (/^-?\d+$/.test(value)) return Number(value);
  const millis = Date.parse(
    /[zZ]|[+-]\d\d:?\d\d$/.test(value) || !value.includes("T")
      ? value
      : `${value}Z`,
  );
  return Number.isNaN(millis) ? null : millis;
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
