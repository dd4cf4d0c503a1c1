import { createHash } from "node:crypto";
import { themeScript } from "./script";

/** The CSP source that allows the theme script on every page, static or per request. */
export const themeScriptHash = `'sha256-${createHash("sha256").update(themeScript, "utf8").digest("base64")}'`;
