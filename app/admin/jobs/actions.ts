"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { toFormState } from "@/lib/actions/form";
import {
  discardJobAction,
  discardStripeEventAction,
  retryJobAction,
  retryStripeEventAction,
} from "@/lib/admin/actions/jobs";
import type { FormState } from "@/lib/forms/form-state";
import type { JobsNotice } from "./_components/notices";

/** The jobs page's forms; the staff, two-factor and re-authentication checks live in the actions. */

function done(notice: JobsNotice): never {
  revalidatePath("/admin/jobs");
  redirect(`/admin/jobs?done=${notice}`);
}

export async function retryStripeEventForm(_s: FormState, formData: FormData): Promise<FormState> {
  const result = await retryStripeEventAction(formData);
  if (!result.ok) return toFormState(result, { success: "", formData });
  if (result.data.resolved) done("event-retried");
  revalidatePath("/admin/jobs");
  return {
    status: "error",
    message: `It failed again (attempt ${result.data.attempts}): ${result.data.error}`,
  };
}

export async function discardStripeEventForm(
  _s: FormState,
  formData: FormData,
): Promise<FormState> {
  const result = await discardStripeEventAction(formData);
  if (!result.ok) return toFormState(result, { success: "", formData });
  done("event-discarded");
}

export async function retryJobForm(_s: FormState, formData: FormData): Promise<FormState> {
  const result = await retryJobAction(formData);
  if (!result.ok) return toFormState(result, { success: "", formData });
  done("job-retried");
}

export async function discardJobForm(_s: FormState, formData: FormData): Promise<FormState> {
  const result = await discardJobAction(formData);
  if (!result.ok) return toFormState(result, { success: "", formData });
  done("job-discarded");
}
