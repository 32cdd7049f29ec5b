import semver from "semver";
import { describe, expect, it } from "vitest";
import { UserError } from "../scripts/errors.ts";
import {
  meetsVersion,
  parseStackTarget,
  releaseVersion,
} from "../scripts/compat/version.ts";

describe("parseStackTarget", () => {
  it("reads a full version", () => {
    expect(parseStackTarget("8.12.3")).toEqual({
      kind: "stack",
      input: "8.12.3",
      version: "8.12.3",
    });
  });

  it("reads a minor line as its first release", () => {
    expect(parseStackTarget("8.12")).toMatchObject({ version: "8.12.0" });
  });

  it("reads serverless in any case", () => {
    expect(parseStackTarget("Serverless")).toEqual({ kind: "serverless" });
  });

  it.each(["banana", "8.x", "8.12.0.1", "", "8..1", "-8.1.0"])(
    "rejects %j with exit code 2",
    (text) => {
      let error: unknown;
      try {
        parseStackTarget(text);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).exitCode).toBe(2);
      expect((error as UserError).message).toContain(JSON.stringify(text));
    },
  );
});

describe("pre-release policy", () => {
  it("counts 8.12.0-SNAPSHOT as 8.12.0", () => {
    expect(releaseVersion("8.12.0-SNAPSHOT")).toBe("8.12.0");
    expect(meetsVersion("8.12.0-SNAPSHOT", "8.12.0")).toBe(true);
    expect(meetsVersion("8.12.0-SNAPSHOT", "8.13.0")).toBe(false);
  });

  it("never lets 9.0.0-SNAPSHOT satisfy <9.0.0", () => {
    // Plain semver orders the pre-release first, which the policy corrects.
    expect(semver.lt("9.0.0-SNAPSHOT", "9.0.0")).toBe(true);
    const options = { includePrerelease: true };
    expect(semver.satisfies("9.0.0-SNAPSHOT", "<9.0.0", options)).toBe(true);
    const version = releaseVersion("9.0.0-SNAPSHOT") as string;
    expect(semver.satisfies(version, "<9.0.0", options)).toBe(false);
    expect(meetsVersion("9.0.0-SNAPSHOT", "9.0.0")).toBe(true);
  });

  it("treats a release candidate like a snapshot", () => {
    expect(meetsVersion("8.8.0-rc1", "8.8.0")).toBe(true);
  });
});
