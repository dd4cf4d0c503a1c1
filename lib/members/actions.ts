import "server-only";

import { memberAction } from "@/lib/actions/chain";
import { changeRole, leaveOrganization, listMembers, removeMember } from "./members";
import { changeRoleSchema, leaveSchema, removeMemberSchema } from "./schemas";
import { z } from "zod";

export const listMembersAction = memberAction(
  "member.list",
  "members:read",
  z.strictObject({}),
  (_input, ctx) => listMembers(ctx.organization.id),
  { readOnly: true },
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
  (input, ctx) => removeMember(ctx, input),
);

// Any member may leave: the permission every role has is the one that applies.
export const leaveOrganizationAction = memberAction(
  "member.leave",
  "members:read",
  leaveSchema,
  (_input, ctx) => leaveOrganization(ctx),
);
