/**
 * Does sign-in take as long for an unknown address as for a known one with a wrong
 * password? (SECURITY_CHECKLIST item 5: no measurable difference, ≤ 10 % of the median.)
 * Both cases run interleaved in one process against the same embedded database.
 *
 *   npm run bench:sign-in
 */
import { benchDatabase, median } from "./support";

const TRIES = 50;
const database = await benchDatabase();
const { hashPassword } = await import("@/lib/auth/password");
const { db } = await import("@/lib/db");
const { signInWithPassword } = await import("@/lib/auth/flows/sign-in");

const passwordHash = await hashPassword("the right passphrase");
const known = Array.from({ length: TRIES }, (_, i) => `known-${i}@bench.test`);
await db.user.createMany({ data: known.map((email) => ({ email, passwordHash })) });

// Warm up both paths (the dummy hash is made on first use).
for (const email of ["known-0@bench.test", "warm@bench.test"]) {
  await signInWithPassword(
    { email, password: "wrong" },
    { ipAddress: "192.0.2.250", userAgent: null },
  );
}

const knownTimes: number[] = [];
const unknownTimes: number[] = [];
for (let i = 0; i < TRIES; i++) {
  // Interleaved so drift on a noisy machine hits both sides alike; a fresh IP each time
  // keeps the per-IP limit out of the measurement.
  const ctx = { ipAddress: `198.51.100.${i + 1}`, userAgent: null };
  let start = performance.now();
  await signInWithPassword({ email: known[i]!, password: "a wrong passphrase" }, ctx);
  knownTimes.push(performance.now() - start);
  start = performance.now();
  await signInWithPassword(
    { email: `unknown-${i}@bench.test`, password: "a wrong passphrase" },
    { ...ctx, ipAddress: `203.0.113.${i + 1}` },
  );
  unknownTimes.push(performance.now() - start);
}

const k = median(knownTimes);
const u = median(unknownTimes);
console.log(`sign-in, wrong password, ${TRIES} tries each (medians)`);
console.log(`  known address:   ${k.toFixed(1)} ms`);
console.log(`  unknown address: ${u.toFixed(1)} ms`);
console.log(
  `  difference: ${((Math.abs(k - u) / k) * 100).toFixed(1)} % of the known-address median (target ≤ 10 %)`,
);

await db.$disconnect();
await database.stop();
