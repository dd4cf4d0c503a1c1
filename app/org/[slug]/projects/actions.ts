"use server";

import { redirect } from "next/navigation";
import { toFormState } from "@/lib/actions/form";
import type { FormState } from "@/lib/forms/form-state";
import {
  createProjectAction,
  deleteProjectAction,
  updateProjectAction,
} from "@/lib/projects/actions";
import { revalidateOrganizationPages } from "@/lib/tenancy/revalidate";

/**
 * The project forms. Each adapts a checked action from lib/projects/actions.ts to
 * useActionState; the checks themselves live there, shared with the JSON API.
 */

export async function createProjectForm(_state: FormState, formData: FormData): Promise<FormState> {
  const result = await createProjectAction(formData);
  if (!result.ok) return toFormState(result, { success: "", formData });
  await revalidateOrganizationPages();
  redirect(`/projects/${result.data.id}?created=1`);
}

export async function updateProjectForm(_state: FormState, formData: FormData): Promise<FormState> {
  const result = await updateProjectAction(formData);
  if (result.ok) await revalidateOrganizationPages();
  return toFormState(result, { success: "Project saved.", formData });
}

export async function deleteProjectForm(_state: FormState, formData: FormData): Promise<FormState> {
  const result = await deleteProjectAction(formData);
  if (!result.ok) return toFormState(result, { success: "", formData });
  await revalidateOrganizationPages();
  redirect("/projects?deleted=1");
}
