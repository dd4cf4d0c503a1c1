import { env } from "@/lib/env";

export type OAuthProviderId = "github" | "google";

export function configuredOAuthProviders(): { id: OAuthProviderId; name: string }[] {
  const providers: { id: OAuthProviderId; name: string }[] = [];
  if (env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET)
    providers.push({ id: "github", name: "GitHub" });
  if (env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET)
    providers.push({ id: "google", name: "Google" });
  return providers;
}
