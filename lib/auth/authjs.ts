import "server-only";

import NextAuth from "next-auth";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { cookies } from "next/headers";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { requestClientInfo } from "@/lib/http/client-info";
import { keelAuthAdapter } from "./oauth/adapter";
import { decideOAuthSignIn } from "./oauth/sign-in-callback";
import { sessionPolicy } from "./session-store";
import { challengeCookieConfig, sessionCookieConfig } from "./session-cookie";

// Auth.js runs OAuth only; every flow ends in the same database session (lib/auth/current-session).
export const { handlers, signIn: signInWithProvider } = NextAuth(() => {
  const providers = [];
  if (env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET) {
    providers.push(
      GitHub({
        clientId: env.AUTH_GITHUB_ID,
        clientSecret: env.AUTH_GITHUB_SECRET,
        // Linking by address is safe only for verified addresses: the signIn callback checks.
        allowDangerousEmailAccountLinking: true,
      }),
    );
  }
  if (env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET) {
    providers.push(
      Google({
        clientId: env.AUTH_GOOGLE_ID,
        clientSecret: env.AUTH_GOOGLE_SECRET,
        allowDangerousEmailAccountLinking: true,
      }),
    );
  }
  const cookie = sessionCookieConfig();
  return {
    adapter: keelAuthAdapter(),
    providers,
    secret: env.AUTH_SECRET,
    // The host is allow-listed before Auth.js (app/api/auth/[...nextauth]/route.ts).
    trustHost: true,
    session: { strategy: "database", maxAge: sessionPolicy.absoluteMs / 1000 },
    cookies: { sessionToken: { name: cookie.name, options: cookie.options } },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    callbacks: {
      async signIn({ user, account, profile }) {
        if (!account) return false;
        const decision = await decideOAuthSignIn({
          email: user.email,
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          accountType: account.type,
          profile: profile as Record<string, unknown> | undefined,
          accessToken: account.access_token,
        });
        if (decision.challengeToken) {
          const challenge = challengeCookieConfig();
          (await cookies()).set(challenge.name, decision.challengeToken, challenge.options);
        }
        return decision.result;
      },
    },
    events: {
      async linkAccount({ user, account }) {
        const client = await requestClientInfo();
        await recordAudit(db, {
          action: "auth.oauth_linked",
          actorId: user.id ?? null,
          targetType: "user",
          targetId: user.id,
          ...client,
          metadata: { provider: account.provider },
        });
      },
      async signIn({ user, account }) {
        const client = await requestClientInfo();
        await recordAudit(db, {
          action: "auth.sign_in",
          actorId: user.id ?? null,
          targetType: "user",
          targetId: user.id,
          ...client,
          metadata: { method: account?.provider ?? "oauth" },
        });
      },
    },
  };
});
