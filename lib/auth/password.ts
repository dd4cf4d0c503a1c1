import { hash, verify } from "@node-rs/argon2";

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

export function hashPassword(password: string): Promise<string> {
  return hash(password, passwordHashParameters);
}

/** Whether `password` matches `storedHash`. A malformed hash never matches. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

// A hash of a random password, made once per process: verifying against it costs the same
// as verifying a real user's password, so "no such user" answers as slowly as "wrong password".
let dummyHash: Promise<string> | undefined;

/** Spends the time of one verification without a user, to keep timing uniform. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword(crypto.randomUUID());
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
