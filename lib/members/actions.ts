import "server-only";

import { memberAction } from "@/lib/actions/chain";
import { deliverOutboxAfterResponse } from "@/lib/outbox/after-response";
import { changeRole, leaveOrganization, listMembers, removeMember } from "./members";
import { changeRoleSchema, leaveSchema, removeMemberSchema } from "./schemas";
import { z } from "zod";

/** The member operations, checked and parsed; forms and tests call these. */

export const listMembersAction = memberAction(
  "member.list",
  "members:read",
  z.strictObject({}),
  (_input, ctx) => listMembers(ctx.organization.id),
);

export const changeRoleAction = memberAction(
  "member.change_role",
  "roles:change",
  changeRoleSchema,
  (input, ctx) => changeRole(ctx, input),
);

export const removeMemberAction = memberAction(
  "member.remove",
  "members:remove",
  removeMemberSchema,
  async (input, ctx) => {
    const removed = await removeMember(ctx, input);
    // The seat sync it queued runs after the response.
    deliverOutboxAfterResponse();
    return removed;
  },
);

// Any member may leave: the permission every role has is the one that applies.
export const leaveOrganizationAction = memberAction(
  "member.leave",
  "members:read",
  leaveSchema,
  async (_input, ctx) => {
    const left = await leaveOrganization(ctx);
    deliverOutboxAfterResponse();
    return left;
  },
);
