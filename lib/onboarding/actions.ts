import "server-only";

import { z } from "zod";
import { memberAction } from "@/lib/actions/chain";
import { DISMISS_PERMISSION } from "./checklist";
import { dismissChecklist } from "./dismiss";

// The button posts nothing of its own: the organization is the caller's membership's.
export const dismissChecklistSchema = z.strictObject({});

export const dismissChecklistAction = memberAction(
  "onboarding.dismiss",
  DISMISS_PERMISSION,
  dismissChecklistSchema,
  (_input, ctx) => dismissChecklist(ctx),
);
