import { createHash } from "node:crypto";
import { themeScript } from "./script";

export const themeScriptHash = `'sha256-${createHash("sha256").update(themeScript, "utf8").digest("base64")}'`;
