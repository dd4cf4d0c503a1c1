"use client";

import { useActionState, useId, useState } from "react";
import { describedBy, Field, inputClassName } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFocusOnError } from "@/components/forms/use-focus-on-error";
import type { PlanChoice } from "@/lib/billing/plans/plan-choice";
import { idleFormState, type FormState } from "@/lib/forms/form-state";
import { suggestSlug } from "@/lib/tenancy/slug";

/**
 * Name and address of a new organization. The address follows the name until the user
 * edits it themselves; the server checks it again (format, reserved words, uniqueness).
 */
export function CreateOrganizationForm({
  action,
  rootDomain,
  plan,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  rootDomain: string;
  plan?: PlanChoice | null;
}) {
  const [state, formAction] = useActionState(action, idleFormState);
  const formRef = useFocusOnError(state);
  const id = useId();
  const values = state.status === "error" ? (state.values ?? {}) : {};
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  const [name, setName] = useState(values.name ?? "");
  const [slug, setSlug] = useState(values.slug ?? "");
  const [slugEdited, setSlugEdited] = useState(Boolean(values.slug));
  const shownSlug = slugEdited ? slug : suggestSlug(name);

  return (
    <form ref={formRef} action={formAction} className="grid gap-5" noValidate>
      <FormAlert state={state} />
      {plan ? (
        <>
          <input type="hidden" name="plan" value={plan.plan} />
          <input type="hidden" name="interval" value={plan.interval} />
        </>
      ) : null}
      <Field id={`${id}-name`} label="Organization name" error={errors.name}>
        <input
          id={`${id}-name`}
          name="name"
          required
          maxLength={64}
          autoComplete="organization"
          value={name}
          onChange={(event) => setName(event.target.value)}
          {...describedBy(`${id}-name`, errors.name)}
          className={inputClassName}
        />
      </Field>
      <Field
        id={`${id}-slug`}
        label="Address"
        error={errors.slug}
        description={
          <>
            Your organization will live at{" "}
            <strong className="font-medium">
              {shownSlug || "your-name"}.{rootDomain}
            </strong>
            . Lowercase letters, digits and hyphens; it cannot be changed later.
          </>
        }
      >
        <input
          id={`${id}-slug`}
          name="slug"
          required
          maxLength={48}
          autoCapitalize="none"
          spellCheck={false}
          value={shownSlug}
          onChange={(event) => {
            setSlugEdited(true);
            setSlug(event.target.value.toLowerCase());
          }}
          {...describedBy(`${id}-slug`, errors.slug, true)}
          className={inputClassName}
        />
      </Field>
      <div className="grid gap-1 text-sm">
        <label className="flex items-start gap-3">
          <input
            id={`${id}-samples`}
            type="checkbox"
            name="sampleProjects"
            defaultChecked={values.sampleProjects === "on"}
            aria-describedby={`${id}-samples-description`}
            className="mt-0.5 size-4 shrink-0 accent-brand-600 dark:accent-brand-300"
          />
          <span className="font-medium text-zinc-900 dark:text-zinc-100">Add sample projects</span>
        </label>
        <p id={`${id}-samples-description`} className="pl-7 text-zinc-600 dark:text-zinc-400">
          Two example projects to look around with. Rename or delete them any time.
        </p>
        {errors.sampleProjects ? (
          <p className="pl-7 text-red-700 dark:text-red-400">{errors.sampleProjects}</p>
        ) : null}
      </div>
      <SubmitButton pendingLabel="Creating…">Create organization</SubmitButton>
    </form>
  );
}
