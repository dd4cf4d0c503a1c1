import { hash, verify } from "@node-rs/argon2";
import { createWorkQueue, OverloadedError } from "./work-queue";

/**
 * Password hashing: argon2id with OWASP's minimum parameters (19 MiB, 2 passes, 1 lane).
 * The parameters are part of every stored PHC string, so raising them later only affects
 * new hashes; `needsRehash` tells the sign-in path when to upgrade an old one.
 */
export const passwordHashParameters = {
  // Algorithm.Argon2id; the library's enum is a `const enum`, which isolated modules cannot read.
  algorithm: 2,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

/**
 * Every argon2 call of the instance goes through this queue: 19 MiB and tens of
 * milliseconds each, so an unbounded pile (a flood of resets or sign-ups from rotating
 * addresses) would exhaust memory and starve everything else. Four run at once (libuv's
 * default thread pool, which the native binding runs on); checks of existing passwords
 * (sign-in) wait in their own lane and start first; new passwords to hash wait in a
 * smaller one. Past that the call fails with PasswordWorkOverloadedError, which the
 * routes answer with 503 and Retry-After.
 */
export const passwordWork = createWorkQueue({
  concurrency: 4,
  lanes: [
    ["verify", 64],
    ["hash", 16],
  ] as const,
  retryAfterSeconds: 5,
});

export { OverloadedError as PasswordWorkOverloadedError };

export function hashPassword(password: string): Promise<string> {
  return passwordWork.run("hash", () => hash(password, passwordHashParameters));
}

/**
 * Whether `password` matches `storedHash`. A malformed hash never matches. Throws
 * PasswordWorkOverloadedError when the instance is overloaded (not "no match").
 */
export function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  return passwordWork.run("verify", async () => {
    try {
      return await verify(storedHash, password);
    } catch {
      return false;
    }
  });
}

// A hash of a random password, made once per process: verifying against it costs the same
// as verifying a real user's password, so "no such user" answers as slowly as "wrong password".
let dummyHash: Promise<string> | undefined;

/** Spends the time of one verification without a user, to keep timing uniform. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= passwordWork
    .run("verify", () => hash(crypto.randomUUID(), passwordHashParameters))
    .catch((error: unknown) => {
      // Not cached when refused: the next call tries again.
      dummyHash = undefined;
      throw error;
    });
  await verifyPassword(await dummyHash, password);
  return false;
}

/** Whether a stored hash was made with weaker parameters than today's. */
export function needsRehash(storedHash: string): boolean {
  const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(storedHash);
  if (!match) return true;
  const [, m, t, p] = match.map(Number);
  return (
    m! < passwordHashParameters.memoryCost ||
    t! < passwordHashParameters.timeCost ||
    p! !== passwordHashParameters.parallelism
  );
}
