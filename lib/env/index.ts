import { parseEnv, type Env } from "./schema";

// The only reader of `process.env` (a lint rule enforces it).
export const env: Env = parseEnv(process.env);

export type { Env };
