"use server";

import { toFormState } from "@/lib/actions/form";
import {
  changeApiKeyScopesAction,
  createApiKeyAction,
  revokeApiKeyAction,
} from "@/lib/api-keys/actions";
import type { FormState } from "@/lib/forms/form-state";
import { revalidateOrganizationPages } from "@/lib/tenancy/revalidate";

export type CreateKeyState = FormState | { status: "created"; secret: string; name: string };

/** The secret goes back to this one response and is never readable again. */
export async function createApiKeyForm(
  _state: CreateKeyState,
  formData: FormData,
): Promise<CreateKeyState> {
  const result = await createApiKeyAction({
    name: formData.get("name") ?? "",
    scopes: formData.getAll("scopes"),
    expiresOn: formData.get("expiresOn") ?? "",
  });
  if (!result.ok) return toFormState(result, { success: "", formData });
  await revalidateOrganizationPages();
  return { status: "created", secret: result.data.secret, name: result.data.key.name };
}

export async function revokeApiKeyForm(_state: FormState, formData: FormData): Promise<FormState> {
  const result = await revokeApiKeyAction(formData);
  if (result.ok) await revalidateOrganizationPages();
  return toFormState(result, { success: "Key revoked. It stops working on its next request." });
}

export async function changeApiKeyScopesForm(
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const result = await changeApiKeyScopesAction({
    id: formData.get("id") ?? "",
    scopes: formData.getAll("scopes"),
  });
  if (result.ok) await revalidateOrganizationPages();
  return toFormState(result, { success: "Scopes saved. They apply from the next request." });
}
