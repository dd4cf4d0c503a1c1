// @next/env is CommonJS without named exports Node can detect: import the whole module.
import nextEnv from "@next/env";

/**
 * Reads .env files the way Next.js does. Import it before anything that imports
 * lib/env/index.ts, which validates process.env when it is first imported.
 */
nextEnv.loadEnvConfig(process.cwd(), true);
