import "server-only";

import { z } from "zod";
import { staffAction } from "@/lib/actions/chain";
import { setImpersonationCookies } from "@/lib/auth/current-session";
import { withReason } from "../reason";
import { startImpersonation } from "../impersonation/start";

// The token goes into this browser's HttpOnly cookie and nowhere else; the caller learns only whom
// it now views the app as.
export const impersonateUserAction = staffAction(
  "admin.users.impersonate",
  withReason({ userId: z.string().trim().min(1, "Choose a user.").max(64) }),
  async (input, ctx) => {
    const started = await startImpersonation(ctx, input);
    await setImpersonationCookies(started.token, started.expires, started.banner);
    return { userId: started.userId };
  },
);
