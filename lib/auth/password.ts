import { hash, verify } from "@node-rs/argon2";
import { createWorkQueue, OverloadedError } from "./work-queue";

// OWASP's argon2id minimum; raising it affects only new hashes (each PHC string holds its own).
export const passwordHashParameters = {
  // Algorithm.Argon2id; the library's enum is a `const enum`, which isolated modules cannot read.
  algorithm: 2,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

// Bounded so a flood cannot exhaust memory: four at once (libuv's pool), sign-in checks first; past
// the lanes' limits PasswordWorkOverloadedError (routes answer 503 with Retry-After).
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

// Overload throws PasswordWorkOverloadedError, which must not be read as "no match".
export function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  return passwordWork.run("verify", async () => {
    try {
      return await verify(storedHash, password);
    } catch {
      return false;
    }
  });
}

// Costs the same as a real verification, so "no such user" answers as slowly as "wrong password".
let dummyHash: Promise<string> | undefined;

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
