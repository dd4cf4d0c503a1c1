import { inputClassName } from "@/components/forms/field";

export type Option = { value: string; label: string };

/** A select that a preview locks: disabled, its value then carried by hidden fields. */
export function Choice(props: {
  id: string;
  label: string;
  name: string;
  options: Option[];
  value: string;
  locked: boolean;
}) {
  return (
    <label
      className="grid gap-1.5 text-sm font-medium text-zinc-900 dark:text-zinc-100"
      htmlFor={props.id}
    >
      {props.label}
      <select
        id={props.id}
        name={props.locked ? undefined : props.name}
        defaultValue={props.value}
        disabled={props.locked}
        className={inputClassName}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
