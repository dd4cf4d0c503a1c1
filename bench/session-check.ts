/**
 * What a revocable database session costs per request, against the stateless baseline it
 * replaces: verifying a signed JWT (HS256, the way Auth.js's JWT strategy would). Both run
 * in one process on this machine; the ratio is what matters.
 *
 *   npm run bench:sessions
 */
import { jwtVerify, SignJWT } from "jose";
import { benchDatabase, median, timeEach } from "./support";

const ROUNDS = 500;
const database = await benchDatabase();
const { db } = await import("@/lib/db");
const { createSession, readSession } = await import("@/lib/auth/session-store");

const user = await db.user.create({ data: { email: "bench@bench.test" } });
const session = await createSession(db, { userId: user.id });
const key = new TextEncoder().encode("a benchmark secret of thirty-two bytes!");
const jwt = await new SignJWT({ sub: user.id })
  .setProtectedHeader({ alg: "HS256" })
  .setExpirationTime("30d")
  .sign(key);

const rounds = Array.from({ length: ROUNDS }, (_, i) => i);
await timeEach(rounds.slice(0, 50), () => readSession(db, session.token)); // warm-up
await timeEach(rounds.slice(0, 50), () => jwtVerify(jwt, key));
const database_ = median(await timeEach(rounds, () => readSession(db, session.token)));
const stateless = median(await timeEach(rounds, () => jwtVerify(jwt, key)));

console.log(`session check, ${ROUNDS} rounds each (medians)`);
console.log(`  database session (revocable): ${(database_ * 1000).toFixed(0)} µs`);
console.log(`  JWT verify (baseline):        ${(stateless * 1000).toFixed(0)} µs`);
console.log(`  ratio: ${(database_ / stateless).toFixed(1)}× the baseline`);

await db.$disconnect();
await database.stop();
