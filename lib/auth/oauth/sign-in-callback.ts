import "server-only";

import { db } from "@/lib/db";
import { confirmMailbox } from "../flows/claim-unverified-account";
import { issueToken } from "../tokens";
import { providerVerifiedEmail } from "./verified-email";

export type OAuthSignInInput = {
  email: string | null | undefined;
  provider: string;
  providerAccountId: string;
  accountType: string;
  profile: Record<string, unknown> | undefined;
  accessToken: string | undefined;
  fetchImpl?: typeof fetch;
};

// Decided before Auth.js links anything. `true` goes ahead; a path stops there (unverified address,
// or a second factor due: put `challengeToken` in the challenge cookie); `false` refuses.
export async function decideOAuthSignIn(
  input: OAuthSignInInput,
): Promise<{ result: boolean | string; challengeToken?: string }> {
  if (input.accountType !== "oauth" && input.accountType !== "oidc") return { result: false };
  const verified = await providerVerifiedEmail({
    provider: input.provider,
    email: input.email,
    profile: input.profile,
    accessToken: input.accessToken,
    fetchImpl: input.fetchImpl,
  });
  if (!verified || !input.email) return { result: "/sign-in?error=unverified-email" };
  const email = input.email.toLowerCase();
  const existing = await db.user.findFirst({
    where: {
      OR: [
        {
          accounts: {
            some: { provider: input.provider, providerAccountId: input.providerAccountId },
          },
        },
        { email },
      ],
    },
    select: {
      id: true,
      email: true,
      disabledAt: true,
      twoFactorEnabledAt: true,
      emailVerified: true,
    },
  });
  // The provider vouched for the address, as a right password would: the owner may know why.
  if (existing?.disabledAt) return { result: "/sign-in?error=account-disabled" };
  let twoFactor = existing?.twoFactorEnabledAt != null;
  if (existing && !existing.emailVerified) {
    // The provider's verification equals a link click: a never-verified account is claimed first.
    const outcome = await db.$transaction((tx) =>
      confirmMailbox(tx, {
        userId: existing.id,
        via: "oauth",
        now: new Date(),
        ctx: { ipAddress: null, userAgent: null },
      }),
    );
    if (outcome === "claimed") twoFactor = false;
  }
  // The provider stands in for the password, never for the second factor.
  if (existing && twoFactor) {
    const { token } = await db.$transaction((tx) =>
      issueToken(tx, {
        purpose: "TWO_FACTOR_CHALLENGE",
        email: existing.email,
        userId: existing.id,
      }),
    );
    return { result: "/sign-in/two-factor", challengeToken: token };
  }
  return { result: true };
}
