import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

const file = path.join(process.cwd(), ".keel", "auth-secret");

/** The AUTH_SECRET `npm run dev` made for this checkout, if it made one. */
export async function existingDevSecret(): Promise<string | undefined> {
  const existing = (await readFile(file, "utf8").catch(() => "")).trim();
  return existing.length >= 32 ? existing : undefined;
}

/** A development AUTH_SECRET, made once per checkout and kept out of git under .keel/. */
export async function persistentDevSecret(): Promise<string> {
  const existing = await existingDevSecret();
  if (existing) return existing;
  const secret = randomBytes(32).toString("base64url");
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
