/**
 * Throughput before and after: production builds of a baseline commit and of the working
 * tree, each on its own fresh PostgreSQL database (acme with its owner, member and
 * projects), loaded with autocannon (10 connections, 10 s) in two interleaved rounds
 * (old, new, old, new) so drift on the machine hits both alike. Also the script bytes of
 * the landing page and the font bytes every page loads.
 *
 *   npm run bench:load                          # baseline 763a6c2 vs the working tree
 *   BENCH_BASELINE=<commit> BENCH_DURATION=10 npm run bench:load
 *
 * Temporary worktrees, databases and servers are removed at the end, also on failure.
 */
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { prepareBuilds, startServer, type Server } from "./app/builds";
import { benchDatabase, type BenchDatabase } from "./app/database";

const BASELINE = process.env.BENCH_BASELINE ?? "763a6c2";
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const ROUNDS = 2;
const PORTS = [3264, 3274];

type Target = { name: string; path: string; tenant?: boolean };
const targets: Target[] = [
  { name: "/", path: "/" },
  { name: "/pricing", path: "/pricing" },
  { name: "/sign-in", path: "/sign-in" },
  { name: "acme.<root>/projects (signed in)", path: "/projects", tenant: true },
];

type Run = { rps: number; p99: number; errors: number };

async function load(server: Server, database: BenchDatabase, target: Target): Promise<Run> {
  const host = target.tenant ? `acme.localhost:${server.port}` : `localhost:${server.port}`;
  const result = await autocannon({
    url: `${server.url}${target.path}`,
    connections: 10,
    duration: DURATION,
    headers: { host, ...(target.tenant ? { cookie: database.cookie } : {}) },
  });
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/** Bytes as served and as gzip would send them (the server itself does not compress). */
async function bytesOf(url: string): Promise<{ raw: number; gzip: number }> {
  const body = Buffer.from(await (await fetch(url)).arrayBuffer());
  return { raw: body.byteLength, gzip: gzipSync(body).byteLength };
}

/** Bytes of the scripts `/` loads, and of the fonts its stylesheets declare. */
async function pageWeight(server: Server) {
  const html = await (
    await fetch(`${server.url}/`, { headers: { host: `localhost:${server.port}` } })
  ).text();
  // noModule scripts (Next's legacy polyfills) are never fetched by the browsers that run modules.
  const scripts = new Set(
    [...html.matchAll(/<script([^>]*)\ssrc="([^"]+)"([^>]*)>/g)]
      .filter((m) => !/\snoModule/i.test(`${m[1]} ${m[3]}`))
      .map((m) => m[2]!),
  );
  const styles = new Set(
    [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]!),
  );
  const fonts = new Set<string>();
  for (const style of styles) {
    const cssUrl = new URL(style, server.url);
    const css = await (await fetch(cssUrl)).text();
    for (const m of css.matchAll(/url\(([^)]+\.(?:woff2?|ttf|otf))\)/g)) {
      fonts.add(new URL(m[1]!.replace(/["']/g, ""), cssUrl).toString());
    }
  }
  let scriptBytes = 0;
  let scriptGzip = 0;
  for (const src of scripts) {
    const size = await bytesOf(new URL(src, server.url).toString());
    scriptBytes += size.raw;
    scriptGzip += size.gzip;
  }
  let fontBytes = 0;
  for (const src of fonts) fontBytes += (await bytesOf(src)).raw;
  return { scriptBytes, scriptGzip, fontBytes, fontFiles: fonts.size };
}

const { builds, cleanup } = await prepareBuilds(BASELINE);
const running: { server: Server; database: BenchDatabase }[] = [];
const runs = new Map<string, Run[]>();
const weights: Awaited<ReturnType<typeof pageWeight>>[] = [];
try {
  for (const [i, build] of builds.entries()) {
    const database = await benchDatabase(build.dir);
    running.push({ database, server: await startServer(build, PORTS[i]!, database.url) });
  }
  for (const { server } of running) weights.push(await pageWeight(server));
  for (let round = 1; round <= ROUNDS; round++) {
    for (const target of targets) {
      for (const [i, { server, database }] of running.entries()) {
        // A short warm-up, so the first round does not pay for compilation and pools.
        if (round === 1) await load(server, database, { ...target }).catch(() => undefined);
        const run = await load(server, database, target);
        const key = `${target.name}|${i}`;
        runs.set(key, [...(runs.get(key) ?? []), run]);
        console.error(
          `[bench] round ${round} ${builds[i]!.label} ${target.name}: ${run.rps.toFixed(1)} req/s, p99 ${run.p99} ms`,
        );
      }
    }
  }
} finally {
  for (const { server, database } of running) {
    await server.stop().catch(() => undefined);
    await database.drop().catch(() => undefined);
  }
  await cleanup();
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const ratio = (a: number, b: number) => (b === 0 ? "n/a" : `${(a / b).toFixed(2)}×`);
const range = (values: number[], digits = 0) => values.map((v) => v.toFixed(digits)).join(" · ");

console.log(
  `\nautocannon -c 10 -d ${DURATION}, ${ROUNDS} interleaved rounds; old = ${builds[0]!.label}, new = ${builds[1]!.label}\n`,
);
console.log(
  "| page | old req/s (rounds) | new req/s (rounds) | req/s new÷old | old p99 ms | new p99 ms | p99 new÷old | errors old/new |",
);
console.log("|---|---|---|---|---|---|---|---|");
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
for (const target of targets) {
  const old = runs.get(`${target.name}|0`) ?? [];
  const now = runs.get(`${target.name}|1`) ?? [];
  console.log(
    `| ${target.name} | ${range(
      old.map((r) => r.rps),
      1,
    )} | ${range(
      now.map((r) => r.rps),
      1,
    )} | ${ratio(mean(now.map((r) => r.rps)), mean(old.map((r) => r.rps)))} | ${range(old.map((r) => r.p99))} | ${range(now.map((r) => r.p99))} | ${ratio(mean(now.map((r) => r.p99)), mean(old.map((r) => r.p99)))} | ${old.reduce((a, r) => a + r.errors, 0)}/${now.reduce((a, r) => a + r.errors, 0)} |`,
  );
}
const [oldWeight, newWeight] = weights;
if (oldWeight && newWeight) {
  console.log(`\n| bytes (uncompressed unless said) | old | new | new÷old |\n|---|---|---|---|`);
  console.log(
    `| scripts / loads (module browsers), gzip | ${kib(oldWeight.scriptGzip)} | ${kib(newWeight.scriptGzip)} | ${ratio(newWeight.scriptGzip, oldWeight.scriptGzip)} |`,
  );
  console.log(
    `| scripts / loads (module browsers) | ${kib(oldWeight.scriptBytes)} | ${kib(newWeight.scriptBytes)} | ${ratio(newWeight.scriptBytes, oldWeight.scriptBytes)} |`,
  );
  console.log(
    `| fonts declared by its stylesheets | ${kib(oldWeight.fontBytes)} (${oldWeight.fontFiles} files) | ${kib(newWeight.fontBytes)} (${newWeight.fontFiles} files) | ${ratio(newWeight.fontBytes, oldWeight.fontBytes)} |`,
  );
}
