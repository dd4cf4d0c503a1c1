"use server";

import { redirect } from "next/navigation";
import { toFormState } from "@/lib/actions/form";
import { env } from "@/lib/env";
import type { FormState } from "@/lib/forms/form-state";
import {
  inviteMembersAction,
  resendInvitationAction,
  revokeInvitationAction,
} from "@/lib/invitations/actions";
import {
  changeRoleAction,
  leaveOrganizationAction,
  removeMemberAction,
} from "@/lib/members/actions";
import { revalidateOrganizationPages } from "@/lib/tenancy/revalidate";

/** The members page's forms; the checks live in lib/members and lib/invitations. */

async function done<T>(
  result: Parameters<typeof toFormState<T>>[0],
  success: string | ((data: T) => string),
  formData: FormData,
): Promise<FormState> {
  if (result.ok) await revalidateOrganizationPages();
  return toFormState(result, { success, formData });
}

export async function inviteMemberForm(_s: FormState, formData: FormData): Promise<FormState> {
  return done(
    await inviteMembersAction(formData),
    ({ emails }) =>
      emails.length === 1
        ? `Invitation sent to ${emails[0]}.`
        : `${emails.length} invitations sent: ${emails.join(", ")}.`,
    formData,
  );
}

export async function resendInvitationForm(_s: FormState, formData: FormData): Promise<FormState> {
  return done(await resendInvitationAction(formData), "Invitation sent again.", formData);
}

export async function revokeInvitationForm(_s: FormState, formData: FormData): Promise<FormState> {
  return done(await revokeInvitationAction(formData), "Invitation withdrawn.", formData);
}

export async function changeRoleForm(_s: FormState, formData: FormData): Promise<FormState> {
  return done(await changeRoleAction(formData), "Role changed.", formData);
}

export async function removeMemberForm(_s: FormState, formData: FormData): Promise<FormState> {
  return done(await removeMemberAction(formData), "Member removed.", formData);
}

export async function leaveOrganizationForm(_s: FormState, formData: FormData): Promise<FormState> {
  const result = await leaveOrganizationAction(formData);
  if (!result.ok) return toFormState(result, { success: "", formData });
  redirect(`${env.appUrl}/organizations`);
}
