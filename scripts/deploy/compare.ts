// Decides whether an installed object already has the content of the
// release. Elasticsearch returns stored objects with fields added (defaults,
// versions, timestamps) and with setting values as strings, so the release's
// body must be contained in the installed one rather than equal to it.

/**
 * True when every field of `desired` is present in `installed` with an equal
 * value. Arrays must match element by element; a number or boolean equals
 * its string form, as Elasticsearch returns settings and `dynamic` as strings.
 */
export function containsBody(installed: unknown, desired: unknown): boolean {
  if (Array.isArray(desired)) {
    return (
      Array.isArray(installed) &&
      installed.length === desired.length &&
      desired.every((item, i) => containsBody(installed[i], item))
    );
  }
  if (isRecord(desired)) {
    if (!isRecord(installed)) return false;
    return Object.entries(desired).every(([key, value]) =>
      containsBody(installed[key], value),
    );
  }
  if (desired === null || installed === null) return desired === installed;
  return String(desired) === String(installed);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Flattens index settings to `index.*` keys, the form the release writes,
 * from the nested form that GET _index_template returns.
 */
export function flattenSettings(
  settings: unknown,
  prefix = "",
): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  if (!isRecord(settings)) return flat;
  for (const [key, value] of Object.entries(settings)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (isRecord(value)) Object.assign(flat, flattenSettings(value, name));
    else flat[name.startsWith("index.") ? name : `index.${name}`] = value;
  }
  return flat;
}

/** Compares index templates after flattening both sides' settings. */
export function containsIndexTemplate(
  installed: unknown,
  desired: unknown,
): boolean {
  if (!isRecord(installed) || !isRecord(desired)) return false;
  const withFlatSettings = (template: Record<string, unknown>) => {
    const inner = isRecord(template.template) ? template.template : {};
    return {
      ...template,
      template: { ...inner, settings: flattenSettings(inner.settings) },
    };
  };
  return containsBody(withFlatSettings(installed), withFlatSettings(desired));
}
