import { DEST_INDEX, RESULTS_DATA_VIEW_ID } from "../placeholders.ts";
export function savedObjects(): Record<string, unknown>[] {
  return [
    {
      id: RESULTS_DATA_VIEW_ID,
      type: "index-pattern",
      attributes: { title: DEST_INDEX, timeFieldName: "@timestamp" },
      references: [],
      coreMigrationVersion: "8.8.0",
      typeMigrationVersion: "8.0.0",
    },
  ];
}
