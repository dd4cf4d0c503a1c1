import type { ReactNode } from "react";
import { inputClassName } from "./field";
import { PasswordInput } from "./password-input";

export type FormFieldConfig = {
  name: string;
  label: string;
  type?: "text" | "email" | "password" | "textarea" | "select";
  options?: readonly { value: string; label: string }[];
  defaultValue?: string;
  autoComplete?: string;
  inputMode?: "numeric" | "text" | "email";
  /** For the field a page exists to fill in (the email on sign-in); at most one per page. */
  autoFocus?: boolean;
  description?: ReactNode;
  aside?: ReactNode;
  required?: boolean;
  maxLength?: number;
};

type CommonProps = {
  id: string;
  name: string;
  autoComplete?: string;
  required: boolean;
  maxLength?: number;
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
};

export function FieldControl({
  field,
  common,
  value,
}: {
  field: FormFieldConfig;
  common: CommonProps;
  value: string | undefined;
}) {
  if (field.type === "password") return <PasswordInput {...common} />;
  if (field.type === "textarea") {
    return (
      <textarea
        {...common}
        rows={4}
        defaultValue={value ?? field.defaultValue ?? ""}
        className={inputClassName.replace("h-11", "min-h-24 py-2")}
      />
    );
  }
  if (field.type === "select") {
    return (
      <select {...common} defaultValue={value ?? field.defaultValue} className={inputClassName}>
        {field.options?.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    );
  }
  return (
    <input
      {...common}
      type={field.type ?? "text"}
      inputMode={field.inputMode}
      autoFocus={field.autoFocus}
      defaultValue={value ?? field.defaultValue ?? ""}
      className={inputClassName}
    />
  );
}
