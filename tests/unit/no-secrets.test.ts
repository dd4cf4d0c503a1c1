import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { secretsIn } from "../support/secret-patterns";

/**
 * No credential is committed: every tracked file is scanned for things shaped like a
 * live or test Stripe key, a webhook signing secret or a Resend key. (The e2e suite scans
 * the built client bundle the same way.) Test fixtures use obviously fake, short values.
 */

const root = path.resolve(import.meta.dirname, "../..");

describe("the repository", () => {
  it("holds no Stripe, webhook or Resend secret", () => {
    const files = execFileSync("git", ["ls-files", "-z"], { cwd: root, encoding: "utf8" })
      .split("\0")
      .filter((file) => file && !/\.(png|jpg|ico|woff2?|lock)$/.test(file));
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((file) => {
      let text: string;
      try {
        text = readFileSync(path.join(root, file), "utf8");
      } catch {
        return []; // deleted in the work tree
      }
      return secretsIn(text).map((match) => `${file}: ${match.slice(0, 12)}…`);
    });
    expect(found).toEqual([]);
  });

  it("would notice one", () => {
    const fake = ["sk", "live", "4eC39HqLyjWDarjtT1zdp7dc"].join("_");
    expect(secretsIn(`const key = "${fake}";`)).toHaveLength(1);
    expect(secretsIn(`whsec_${"a1B2".repeat(8)}`)).toHaveLength(1);
    expect(secretsIn(`re_${"Ab3dEf6h"}_${"x".repeat(24)}`)).toHaveLength(1);
    expect(secretsIn('"sk_test_emulator" and "whsec_x"')).toEqual([]);
  });
});
