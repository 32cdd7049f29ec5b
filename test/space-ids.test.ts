import { describe, expect, test } from "vitest";
import {
  checkSpaceId,
  deriveSpaceIds,
  savedObjectId,
  uuidV5,
} from "../artifacts-src/generator/ml_beaconing_generate_scripts.mjs";

describe("deriveSpaceIds", () => {
  test("default space keeps the unsuffixed transform id", () => {
    expect(deriveSpaceIds("default")).toMatchObject({
      transformId: "ml_beaconing_pivot_transform",
      destIndex: "ml_beaconing_default",
      resultsDataViewId: "ml_beaconing_default",
      mlJobId: "ml_beaconing_rare_process_default",
      datafeedId: "datafeed-ml_beaconing_rare_process_default",
      kibanaPathPrefix: "",
    });
  });

  test("other spaces suffix every id", () => {
    expect(deriveSpaceIds("secops")).toMatchObject({
      transformId: "ml_beaconing_pivot_transform_secops",
      destIndex: "ml_beaconing_secops",
      mlJobId: "ml_beaconing_rare_process_secops",
      datafeedId: "datafeed-ml_beaconing_rare_process_secops",
      kibanaPathPrefix: "/s/secops",
    });
  });
});

describe("checkSpaceId", () => {
  test("accepts Kibana space ids", () => {
    for (const space of ["default", "secops", "team_b", "a-1"])
      expect(checkSpaceId(space)).toEqual([]);
  });

  test("rejects uppercase and spaces naming the rule", () => {
    const [message] = checkSpaceId("Marketing Team");
    expect(message).toContain('"Marketing Team"');
    expect(message).toContain("^[a-z0-9_-]+$");
  });

  test("rejects an id whose derived ids end in a hyphen", () => {
    const messages = checkSpaceId("team-");
    expect(
      messages.some((m) => m.includes("'ml_beaconing_pivot_transform_team-'")),
    ).toBe(true);
  });

  test("datafeed id limit is the tightest, at 29 characters", () => {
    expect(checkSpaceId("a".repeat(29))).toEqual([]);
    const messages = checkSpaceId("a".repeat(30));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain("datafeed id");
    expect(messages[0]).toContain("at most 29 characters");
  });
});

describe("savedObjectId", () => {
  test("uuidV5 matches the RFC 4122 DNS example", () => {
    // uuid5(NAMESPACE_DNS, "www.example.com") as Python's uuid module computes it.
    expect(
      uuidV5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "www.example.com"),
    ).toBe("2ed6657d-e927-568b-95e1-2665a8aea6a2");
  });

  test("is stable per space and differs across spaces", () => {
    expect(savedObjectId("secops", "overview")).toBe(
      savedObjectId("secops", "overview"),
    );
    expect(savedObjectId("secops", "overview")).not.toBe(
      savedObjectId("default", "overview"),
    );
    expect(savedObjectId("secops", "overview")).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
