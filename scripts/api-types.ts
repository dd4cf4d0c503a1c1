import { writeFileSync } from "node:fs";
import path from "node:path";
import { apiTypesPath, renderApiTypes } from "./api-types/render";

const root = path.resolve(import.meta.dirname, "..");
writeFileSync(path.join(root, apiTypesPath), await renderApiTypes(root));
process.stdout.write(`Wrote ${apiTypesPath}\n`);
