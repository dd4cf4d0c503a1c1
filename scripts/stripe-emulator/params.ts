/**
 * Typed reads from a decoded form body. Every reader names the parameter it failed
 * on, the way Stripe's 400 responses do, so a caller's mistake is easy to trace.
 */
import { invalidRequest, missingParam } from "./errors";
import type { FormObject, FormValue } from "./form-decode";

export type Params = FormObject;

export function optionalString(params: Params, key: string, path = key): string | undefined {
  const value = params[key];
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw invalidRequest(`Invalid string: ${path}`, path);
  return value;
}

export function requiredString(params: Params, key: string, path = key): string {
  const value = optionalString(params, key, path);
  if (value === undefined || value === "") throw missingParam(path);
  return value;
}

/** Stripe treats an empty string as "unset this field". */
export function nullableString(params: Params, key: string, path = key): string | null | undefined {
  const value = optionalString(params, key, path);
  if (value === undefined) return undefined;
  return value === "" ? null : value;
}

export function optionalInteger(params: Params, key: string, path = key): number | undefined {
  const value = optionalString(params, key, path);
  if (value === undefined || value === "") return undefined;
  if (!/^-?\d+$/.test(value)) throw invalidRequest(`Invalid integer: ${value}`, path);
  return Number(value);
}

export function optionalBoolean(params: Params, key: string, path = key): boolean | undefined {
  const value = optionalString(params, key, path);
  if (value === undefined || value === "") return undefined;
  if (value === "true") return true;
  if (value === "false") return false;
  throw invalidRequest(`Invalid boolean: ${value}`, path);
}

export function optionalObject(params: Params, key: string, path = key): Params | undefined {
  const value = params[key];
  if (value === undefined || value === "") return undefined;
  if (typeof value === "string" || Array.isArray(value)) {
    throw invalidRequest(`Invalid object: ${path}`, path);
  }
  return value;
}

/** Arrays of objects (`items[0][price]`); an empty string clears the list. */
export function optionalObjectArray(params: Params, key: string, path = key): Params[] | undefined {
  const value = params[key];
  if (value === undefined) return undefined;
  if (value === "") return [];
  if (!Array.isArray(value)) throw invalidRequest(`Invalid array: ${path}`, path);
  return value.map((entry, index) => {
    if (typeof entry === "string" || Array.isArray(entry)) {
      throw invalidRequest(`Invalid object: ${path}[${index}]`, `${path}[${index}]`);
    }
    return entry;
  });
}

/** Arrays of strings (`expand[0]`, `lookup_keys[0]`); a bare string counts as one entry. */
export function stringArray(params: Params, key: string, path = key): string[] {
  const value: FormValue | undefined = params[key];
  if (value === undefined || value === "") return [];
  if (typeof value === "string") return [value];
  if (!Array.isArray(value)) throw invalidRequest(`Invalid array: ${path}`, path);
  return value.map((entry, index) => {
    if (typeof entry !== "string") {
      throw invalidRequest(`Invalid string: ${path}[${index}]`, `${path}[${index}]`);
    }
    return entry;
  });
}

/**
 * Metadata updates merge into the existing map; an empty value deletes a key and an
 * empty `metadata` clears it, as on Stripe.
 */
export function mergeMetadata(
  current: Record<string, string>,
  params: Params,
  key = "metadata",
): Record<string, string> {
  const value = params[key];
  if (value === undefined) return current;
  if (value === "") return {};
  if (typeof value === "string" || Array.isArray(value)) {
    throw invalidRequest(`Invalid object: ${key}`, key);
  }
  const merged = { ...current };
  for (const [name, entry] of Object.entries(value)) {
    if (typeof entry !== "string") throw invalidRequest(`Invalid string: ${key}[${name}]`, key);
    if (entry === "") delete merged[name];
    else merged[name] = entry;
  }
  return merged;
}
