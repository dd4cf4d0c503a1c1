import { parseEnv, type Env } from "./schema";

/**
 * The only module that reads `process.env` (a lint rule enforces it). Importing it
 * validates the whole environment; the server refuses to start on a bad one
 * (see next.config.ts), naming each variable and what it is for.
 */
export const env: Env = parseEnv(process.env);

export type { Env };
