import "server-only";

import { memberAction } from "@/lib/actions/chain";
import { planFeature } from "@/lib/actions/middleware";
import { changeApiKeyScopes, createApiKey, revokeApiKey } from "./keys";
import { apiKeyIdSchema, apiKeyScopesSchema, createApiKeySchema } from "./schemas";

// Keys act for the whole organization, so managing them is for those who manage it.
const permission = "org:update";

export const createApiKeyAction = memberAction(
  "api_key.create",
  permission,
  createApiKeySchema,
  ({ name, scopes, expiresOn }, ctx) => createApiKey(ctx, { name, scopes, expiresAt: expiresOn }),
  { use: [planFeature("api")] },
);

export const revokeApiKeyAction = memberAction(
  "api_key.revoke",
  permission,
  apiKeyIdSchema,
  ({ id }, ctx) => revokeApiKey(ctx, id),
);

export const changeApiKeyScopesAction = memberAction(
  "api_key.change_scopes",
  permission,
  apiKeyScopesSchema,
  ({ id, scopes }, ctx) => changeApiKeyScopes(ctx, id, scopes),
);
