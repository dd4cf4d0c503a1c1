import type { FormState } from "@/lib/forms/form-state";

/** What a page's "prepare" server action answers: a signed POST, or why not. */
export type PreparedUpload =
  | { ok: true; url: string; fields: Record<string, string>; key: string }
  | { ok: false; error: string };

export type PrepareUpload = (file: {
  fileName: string;
  contentType: string;
  size: number;
}) => Promise<PreparedUpload>;

/** Records the uploaded object once the server has checked it in the storage. */
export type ConfirmUpload = (upload: { key: string; fileName: string }) => Promise<FormState>;
