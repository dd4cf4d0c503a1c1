import { brand } from "@/brand.config";

// Linking by address is safe only if the provider verified it: else anyone could take it over.
export async function providerVerifiedEmail(input: {
  provider: string;
  email: string | null | undefined;
  profile: Record<string, unknown> | undefined;
  accessToken: string | undefined;
  fetchImpl?: typeof fetch;
}): Promise<boolean> {
  const email = input.email?.toLowerCase();
  if (!email) return false;
  if (input.provider === "google") {
    return input.profile?.email_verified === true;
  }
  if (input.provider === "github") {
    // GitHub's profile does not say; its email list does, per address.
    if (!input.accessToken) return false;
    const response = await (input.fetchImpl ?? fetch)("https://api.github.com/user/emails", {
      headers: {
        Authorization: `Bearer ${input.accessToken}`,
        Accept: "application/vnd.github+json",
        "User-Agent": brand.name,
      },
      signal: AbortSignal.timeout(5_000),
    }).catch(() => undefined);
    if (!response?.ok) return false;
    const emails: unknown = await response.json().catch(() => undefined);
    if (!Array.isArray(emails)) return false;
    return emails.some(
      (entry: { email?: unknown; verified?: unknown }) =>
        typeof entry.email === "string" &&
        entry.email.toLowerCase() === email &&
        entry.verified === true,
    );
  }
  return false;
}
