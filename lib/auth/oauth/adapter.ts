import "server-only";

import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Adapter } from "next-auth/adapters";
import { db } from "@/lib/db";
import { requestClientInfo } from "@/lib/http/client-info";
import { referralFromCookieForNewUser } from "@/lib/referrals/record";
import { createSession, readSession, revokeSessionToken } from "../session-store";
import { queueWelcomeEmail } from "../flows/welcome";
import { hashToken } from "../tokens";

export function keelAuthAdapter(): Adapter {
  // Its types name @prisma/client's PrismaClient; ours is the generated client with the same API.
  const base = PrismaAdapter(db as unknown as Parameters<typeof PrismaAdapter>[0]);
  return {
    ...base,
    // Reached only for an address the provider verified (lib/auth/oauth/sign-in-callback.ts):
    // the account is confirmed from its first moment, and welcomed in the same transaction.
    async createUser(user) {
      const created = await db.$transaction(async (tx) => {
        const row = await tx.user.create({
          data: {
            name: user.name ?? null,
            email: user.email.toLowerCase(),
            image: user.image ?? null,
            emailVerified: user.emailVerified ?? new Date(),
            ...(await referralFromCookieForNewUser(tx)),
          },
        });
        await queueWelcomeEmail(tx, row);
        return row;
      });
      return { ...created, email: created.email };
    },
    async getUserByEmail(email) {
      return db.user.findUnique({ where: { email: email.toLowerCase() } });
    },
    async createSession({ userId }) {
      const client = await requestClientInfo().catch(() => ({ ipAddress: null, userAgent: null }));
      const session = await createSession(db, { userId, ...client });
      // Auth.js puts this token in the cookie; the table only ever sees its hash.
      return { sessionToken: session.token, userId, expires: session.expires };
    },
    async getSessionAndUser(sessionToken) {
      const active = await readSession(db, sessionToken);
      if (!active) return null;
      const user = await db.user.findUnique({ where: { id: active.user.id } });
      if (!user) return null;
      return { session: { sessionToken, userId: user.id, expires: active.expires }, user };
    },
    async updateSession({ sessionToken }) {
      // Lifetimes are the app's own (idle and absolute), not Auth.js's rolling expiry.
      const row = await db.session.findUnique({ where: { sessionToken: hashToken(sessionToken) } });
      return row ? { sessionToken, userId: row.userId, expires: row.expires } : null;
    },
    async deleteSession(sessionToken) {
      await revokeSessionToken(db, sessionToken);
    },
  };
}
