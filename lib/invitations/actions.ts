import "server-only";

import { authenticatedAction, memberAction } from "@/lib/actions/chain";
import { acceptInvitationById, acceptInvitationByToken } from "./accept";
import {
  inviteMember,
  inviteMembers,
  listPendingInvitations,
  resendInvitation,
  revokeInvitation,
} from "./manage";
import { acceptByTokenSchema, invitationIdSchema, inviteManySchema, inviteSchema } from "./schemas";
import { z } from "zod";

export const listInvitationsAction = memberAction(
  "invitation.list",
  "members:invite",
  z.strictObject({}),
  (_input, ctx) => listPendingInvitations(ctx.organization.id),
  { readOnly: true },
);

export const inviteMemberAction = memberAction(
  "invitation.create",
  "members:invite",
  inviteSchema,
  async (input, ctx) => ({ invitationId: (await inviteMember(ctx, input)).invitationId }),
);

/** The members page's form: a pasted list of addresses, all invited or none. */
export const inviteMembersAction = memberAction(
  "invitation.create_many",
  "members:invite",
  inviteManySchema,
  (input, ctx) => inviteMembers(ctx, input),
);

export const resendInvitationAction = memberAction(
  "invitation.resend",
  "members:invite",
  invitationIdSchema,
  ({ invitationId }, ctx) => resendInvitation(ctx, invitationId),
);

export const revokeInvitationAction = memberAction(
  "invitation.revoke",
  "members:invite",
  invitationIdSchema,
  ({ invitationId }, ctx) => revokeInvitation(ctx, invitationId),
);

/** Root host: the organization comes from the invitation, which must be addressed to the user. */
export const acceptInvitationAction = authenticatedAction(
  "invitation.accept",
  acceptByTokenSchema,
  ({ token }, ctx) => acceptInvitationByToken(ctx.session, token, ctx.client),
);

export const acceptInvitationByIdAction = authenticatedAction(
  "invitation.accept_by_id",
  invitationIdSchema,
  ({ invitationId }, ctx) => acceptInvitationById(ctx.session, invitationId, ctx.client),
);
