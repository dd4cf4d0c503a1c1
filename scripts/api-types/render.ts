import openapiTS, { astToString } from "openapi-typescript";
import * as prettier from "prettier";
import { openApiDocument } from "@/lib/api/openapi/document";

export const apiTypesPath = "lib/api/openapi/v1.d.ts";

const banner = "// Generated from the OpenAPI document by `npm run api:types`; do not edit.\n\n";

/** lib/api/openapi/v1.d.ts as `npm run api:types` writes it, formatted as the repo's files are. */
export async function renderApiTypes(root: string): Promise<string> {
  // openapi-typescript annotates its input in place; give it a copy of the cached document.
  const document = structuredClone(openApiDocument());
  const source = banner + astToString(await openapiTS(document as never));
  const options = await prettier.resolveConfig(`${root}/${apiTypesPath}`);
  return prettier.format(source, { ...options, filepath: `${root}/${apiTypesPath}` });
}
