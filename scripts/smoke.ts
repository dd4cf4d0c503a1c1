import { isIP } from "node:net";
import { parseArgs } from "node:util";
import { allChecks, formatResults, runChecks, type SmokeTarget } from "./smoke/checks";

/**
 * After a deploy: `npm run smoke -- https://yourapp.com`. Checks health, the landing and sign-in
 * pages, an unknown organization's 404, the Stripe webhook's refusal of a bad signature and the
 * security headers, then prints a table and exits 1 if any check failed (2 on bad arguments).
 *
 *   --root-domain <domain>  organizations' domain when not the URL's host (ROOT_DOMAIN)
 *   --resolve <address>     connect to this IP for every host (before DNS is live)
 *   --timeout <ms>          per request, default 10000
 *   --skip <name,...>       health, landing, sign-in, organization-not-found, stripe, headers
 *   --header "name: value"  sent with every request (repeatable), e.g. a protection bypass
 */

const usage =
  "usage: npm run smoke -- <url> [--root-domain <domain>] [--resolve <ip>] [--timeout <ms>] [--skip <name,...>] [--header 'name: value']...";

function usageError(message: string): never {
  console.error(`${message}\n${usage}`);
  process.exit(2);
}

const { values, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        "root-domain": { type: "string" },
        resolve: { type: "string" },
        timeout: { type: "string", default: "10000" },
        skip: { type: "string", default: "" },
        header: { type: "string", multiple: true, default: [] },
      },
    });
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error));
  }
})();

if (positionals.length !== 1 || !positionals[0]) usageError("give exactly one URL");
let baseUrl: URL;
try {
  baseUrl = new URL(positionals[0]);
} catch {
  usageError(`not a URL: ${positionals[0]}`);
}
if (baseUrl.protocol !== "https:" && baseUrl.protocol !== "http:")
  usageError("the URL must be http(s)");
const timeoutMs = Number(values.timeout);
if (!Number.isInteger(timeoutMs) || timeoutMs < 100 || timeoutMs > 120_000) {
  usageError("--timeout must be a number of milliseconds between 100 and 120000");
}
if (values.resolve !== undefined && isIP(values.resolve) === 0) {
  usageError("--resolve takes an IP address");
}
const rootDomain = (values["root-domain"] ?? baseUrl.host).toLowerCase();
if (!/^[a-z0-9.-]+(:\d+)?$/.test(rootDomain)) usageError(`not a domain: ${rootDomain}`);

const checks = allChecks();
const skipped = values.skip
  .split(",")
  .map((name) => name.trim())
  .filter(Boolean);
for (const name of skipped) {
  if (!(name in checks)) usageError(`--skip: no check named ${name}`);
}

const headers: Record<string, string> = {};
for (const header of values.header) {
  const match = /^([A-Za-z0-9-]+):\s*(.+)$/.exec(header);
  if (!match?.[1] || !match[2]) usageError(`--header takes "name: value", not ${header}`);
  headers[match[1].toLowerCase()] = match[2].trim();
}

const target: SmokeTarget = { baseUrl, rootDomain, resolve: values.resolve, timeoutMs, headers };
const selected = Object.entries(checks)
  .filter(([name]) => !skipped.includes(name))
  .map(([, check]) => check);
console.log(`smoke checks against ${baseUrl.origin} (organizations under ${rootDomain})\n`);
const results = await runChecks(selected, target);
console.log(formatResults(results));
process.exit(results.every((result) => result.ok) ? 0 : 1);
