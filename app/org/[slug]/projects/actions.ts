"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { toFormState } from "@/lib/actions/form";
import type { FormState } from "@/lib/forms/form-state";
import {
  createProjectAction,
  deleteProjectAction,
  updateProjectAction,
} from "@/lib/projects/actions";

/**
 * The project forms. Each adapts a checked action from lib/projects/actions.ts to
 * useActionState; the checks themselves live there, shared with the JSON API.
 */

export async function createProjectForm(_state: FormState, formData: FormData): Promise<FormState> {
  const result = await createProjectAction(formData);
  if (!result.ok) return toFormState(result, { success: "", formData });
  revalidatePath("/", "layout");
  redirect(`/projects/${result.data.id}?created=1`);
}

export async function updateProjectForm(_state: FormState, formData: FormData): Promise<FormState> {
  const result = await updateProjectAction(formData);
  if (result.ok) revalidatePath("/", "layout");
  return toFormState(result, { success: "Project saved.", formData });
}

export async function deleteProjectForm(_state: FormState, formData: FormData): Promise<FormState> {
  const result = await deleteProjectAction(formData);
  if (!result.ok) return toFormState(result, { success: "", formData });
  revalidatePath("/", "layout");
  redirect("/projects?deleted=1");
}
