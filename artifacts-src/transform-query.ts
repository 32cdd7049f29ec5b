// The pivot transform's source query. An event is kept when it is a recent
// network disconnect with a destination IP on a hot or warm tier and all of:
// - its process is not excluded;
// - its destination is not a special-purpose range;
// - its source is private, or its process is a Windows process to check;
// - it is not a Windows process to check talking to Microsoft or CDN ranges.
// The published integration applies the last rule only to public sources,
// so private sources bypassed it; here it holds whatever the source.
import filters from "./transform-filters.json" with { type: "json" };

const terms = (field: string, values: string[]) => ({
  terms: { [field]: values },
});

/** Builds the bool query over the last `windowSeconds` seconds. */
export function sourceQuery(windowSeconds: number): Record<string, unknown> {
  return {
    bool: {
      filter: [
        { range: { "@timestamp": { gte: `now-${windowSeconds}s` } } },
        { term: { "event.category": "network" } },
        { term: { "event.action": "disconnect_received" } },
        { exists: { field: "destination.ip" } },
        {
          bool: {
            should: [
              terms("source.ip", filters.private_source_ranges),
              terms("process.name", filters.windows_processes_to_check),
            ],
            minimum_should_match: 1,
          },
        },
      ],
      must_not: [
        // Cold and frozen tiers are slow to search and hold old data only.
        terms("_tier", ["data_cold", "data_frozen"]),
        terms("process.name", filters.excluded_process_names),
        terms("destination.ip", filters.special_destination_ranges),
        {
          bool: {
            filter: [
              terms("process.name", filters.windows_processes_to_check),
              terms(
                "destination.ip",
                filters.microsoft_and_cdn_destination_ranges,
              ),
            ],
          },
        },
      ],
    },
  };
}
