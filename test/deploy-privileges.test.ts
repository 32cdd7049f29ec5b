import { describe, expect, test } from "vitest";
import { requiredPrivileges } from "../scripts/deploy/preflight.ts";

const requirements = {
  space: "secops",
  files: {},
  withMlJob: false,
  sourceIndices: ["logs-*"],
  destIndex: "ml_beaconing_secops",
};

describe("requiredPrivileges", () => {
  test("results index can be read, written and inspected", () => {
    const [, results] = requiredPrivileges(requirements).index;
    expect(results?.names).toEqual(["ml_beaconing_secops"]);
    expect(results?.privileges).toEqual([
      "read",
      "index",
      "create_index",
      "view_index_metadata",
    ]);
  });

  test("mapping update adds manage on the results index", () => {
    const [, results] = requiredPrivileges(requirements, true).index;
    expect(results?.privileges).toContain("manage");
  });

  test("ML job adds manage_ml", () => {
    expect(requiredPrivileges(requirements).cluster).not.toContain("manage_ml");
    expect(
      requiredPrivileges({ ...requirements, withMlJob: true }).cluster,
    ).toContain("manage_ml");
  });
});
