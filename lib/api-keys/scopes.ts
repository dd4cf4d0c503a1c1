import type { Permission } from "@/lib/tenancy/permissions";

// The organization permissions that make sense for a script; the rest stay with people.
export const apiKeyScopes = [
  "projects:read",
  "projects:write",
  "members:read",
  "organization:read",
] as const;

export type ApiKeyScope = (typeof apiKeyScopes)[number];

export const scopeLabels: Record<ApiKeyScope, string> = {
  "projects:read": "Read projects",
  "projects:write": "Create, change and delete projects",
  "members:read": "Read members",
  "organization:read": "Read the organization and its plan",
};

// What a person needs to hand a scope to a key: nobody grants more than they have.
export const scopePermission: Record<ApiKeyScope, Permission> = {
  "projects:read": "projects:read",
  "projects:write": "projects:write",
  "members:read": "members:read",
  "organization:read": "projects:read",
};

export function isApiKeyScope(value: string): value is ApiKeyScope {
  return (apiKeyScopes as readonly string[]).includes(value);
}
