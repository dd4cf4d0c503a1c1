"use server";

import { revalidatePath } from "next/cache";
import { toFormState } from "@/lib/actions/form";
import { recomputeMetricsAction, recordSpendAction } from "@/lib/admin/actions/metrics";
import type { FormState } from "@/lib/forms/form-state";

/** The metrics page's forms; the staff checks live in lib/admin/actions/metrics.ts. */

export async function recordSpendForm(_s: FormState, formData: FormData): Promise<FormState> {
  const result = await recordSpendAction(formData);
  if (result.ok) revalidatePath("/admin/metrics");
  return toFormState(result, {
    success: (data) => `Spend for ${data.month} saved.`,
    formData,
  });
}

export async function recomputeMetricsForm(_s: FormState, formData: FormData): Promise<FormState> {
  const result = await recomputeMetricsAction(formData);
  if (result.ok) revalidatePath("/admin/metrics");
  return toFormState(result, {
    success: (data) => `Recomputed ${data.months.join(" and ")} from the billing event log.`,
    formData,
  });
}
