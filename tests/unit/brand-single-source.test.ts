import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { brand } from "@/brand.config";

/**
 * Renaming the product is one edit to brand.config.ts: this scan fails, listing file:line, when
 * the product's name is written anywhere else in what the app ships or runs (app/, components/,
 * lib/, scripts/, proxy.ts, public/, .env.example, package.json's description).
 *
 * Out of scope, on purpose: README.md, docs/, LICENSE, tests/, bench/ and prisma/ (migrations are
 * history, the schema's comments describe this repository), lib/generated (Prisma's output).
 *
 * The name is matched as a word, case-insensitively: `keel_app`, KEEL_EMBEDDED_DB, `keel_live_`
 * and `keelDb` are not words and need no entry. What does match and must stay is below, with why.
 */

const root = path.resolve(import.meta.dirname, "../..");

type Allowed = { pattern: RegExp; reason: string };

const allowList: readonly Allowed[] = [
  {
    pattern:
      /\b(?:__Secure-|__Host-)?keel\\?\.(?:session|viewing-as(?:-banner)?|2fa|sign-up|recent-write|referral)\b/gi,
    reason:
      "cookie names: renaming signs every user out and drops their 2FA, sign-up and referral state",
  },
  {
    pattern: /\bx-\(keel\|/g,
    reason:
      "proxy.ts drops client-sent x-keel-* headers: a security filter, not a name anyone sees",
  },
  {
    pattern: /\bkeel\.(?:organization|user|job|impersonator)\.[a-z]+\b/g,
    reason: "trace attribute names: dashboards and alerts query them",
  },
  {
    pattern: /getTracer\("keel"\)|default\("keel"\)|Default: keel\./g,
    reason: "tracer and OTEL_SERVICE_NAME defaults: the trace backend's service and scope names",
  },
  {
    pattern:
      /\bkeel(?::|-)(?:totp-secret|recovery-codes|account-export-link|sign-up-binding|secret-box|tenant-database-url)\b/g,
    reason:
      "key-derivation labels: changing one makes every stored 2FA secret and sealed value unreadable",
  },
  {
    pattern: /\bkeel:(?:rl|usage)\b|\bkeel-usage:|\bkeel\.jobs:|\bkeel\.tenant_(?:write|move):/g,
    reason:
      "Redis key prefixes, Stripe usage identifiers and advisory-lock names shared with running instances",
  },
  {
    pattern: /\bkeel-(?:customer|referral-credit|\$\{operation\})-/g,
    reason: "Stripe idempotency keys: a retry across a deploy must send the same key",
  },
  {
    pattern: /\bkeel-user-export\/1\b/g,
    reason: "the account export's format identifier, which tools reading old exports match on",
  },
  {
    pattern: /\.keel\b|"\.keel"|\bkeelDir\b/g,
    reason: "the local state folder (.keel/), which .gitignore and existing checkouts rely on",
  },
  {
    pattern: /\bkeel\.test\b|\bkeel-(?:e2e|migration|stripe-emulator)\b/g,
    reason: "test-only host and scratch file names of the local scripts, never shown to customers",
  },
];

const scannedFolders = ["app", "components", "lib", "pages", "scripts", "public"];
const scannedFiles = ["proxy.ts", "instrumentation.ts", "next.config.ts", ".env.example"];
const skippedFolders = new Set(["lib/generated"]);
const textFile = /\.(?:tsx?|mjs|js|css|svg|webmanifest|json|txt|xml)$/;

function filesUnder(folder: string): string[] {
  if (skippedFolders.has(folder)) return [];
  return readdirSync(path.join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${folder}/${entry.name}`;
    if (entry.isDirectory()) return filesUnder(relative);
    return textFile.test(entry.name) ? [relative] : [];
  });
}

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A case-insensitive whole-word match of `name`: letters, digits and `_` continue a word. */
function nameMatcher(name: string): RegExp {
  return new RegExp(`(?<![A-Za-z0-9_])${escapeRegExp(name)}(?![A-Za-z0-9_])`, "i");
}

/** The lines of `text` that name the product outside an allow-listed identifier. */
function offendingLines(text: string, name: string, allowed = allowList): number[] {
  const matcher = nameMatcher(name);
  return text.split("\n").flatMap((line, index) => {
    if (!matcher.test(line)) return [];
    const rest = allowed.reduce((current, entry) => current.replace(entry.pattern, " "), line);
    return matcher.test(rest) ? [index + 1] : [];
  });
}

function scannedSources(): { file: string; text: string }[] {
  const files = [...scannedFolders.flatMap(filesUnder), ...scannedFiles];
  const sources = files.map((file) => ({
    file,
    text: readFileSync(path.join(root, file), "utf8"),
  }));
  // Only the description: the package name is an identifier (allow-listed above).
  const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
    description?: string;
  };
  return [...sources, { file: "package.json#description", text: pkg.description ?? "" }];
}

describe("the product's name has one source, brand.config.ts", () => {
  it("matches the name as a word, whatever its case, and nothing longer", () => {
    const matcher = nameMatcher("Keel");
    for (const line of ["Welcome to Keel", "keel.session", "KEEL's plans", '"keel"']) {
      expect(matcher.test(line), line).toBe(true);
    }
    for (const line of ["keel_app", "KEEL_EMBEDDED_DB", "keel_live_", "keelDb", "keeled"]) {
      expect(matcher.test(line), line).toBe(false);
    }
  });

  it("flags a stray name but not an allow-listed identifier on the same line", () => {
    expect(offendingLines('name: "keel.session",\ntitle: "Keel"', "Keel")).toEqual([2]);
    expect(offendingLines('cookie("keel.session") // the Keel cookie', "Keel")).toEqual([1]);
  });

  it("is written nowhere else in the app's code", () => {
    const offenders = scannedSources().flatMap(({ file, text }) =>
      offendingLines(text, brand.name).map((line) => `${file}:${line}`),
    );
    expect(offenders, `Read the name from brand.config.ts (brand.name) instead`).toEqual([]);
  });

  it("allows nothing that no longer occurs, so the allow-list stays honest", () => {
    const texts = scannedSources().map((source) => source.text);
    const unused = allowList.filter((entry) =>
      texts.every((text) => text.match(entry.pattern) === null),
    );
    expect(unused.map((entry) => entry.reason)).toEqual([]);
  });
});
