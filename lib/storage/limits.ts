// Checked in the browser, before signing, by the storage (signed policy) and on the stored object.
export type UploadKind = "avatar" | "logo" | "attachment";

const MiB = 1024 * 1024;

// No SVG for images: an SVG served from the bucket can carry script.
const images = ["image/png", "image/jpeg", "image/webp", "image/gif"] as const;

export const uploadLimits: Record<UploadKind, { maxBytes: number; types: readonly string[] }> = {
  avatar: { maxBytes: 2 * MiB, types: images },
  logo: { maxBytes: 2 * MiB, types: images },
  attachment: {
    maxBytes: 10 * MiB,
    types: [
      ...images,
      "application/pdf",
      "text/plain",
      "text/csv",
      "application/zip",
      "application/json",
    ],
  },
};

export type UploadCheck = { ok: true } | { ok: false; error: string };

export function formatBytes(bytes: number): string {
  if (bytes >= MiB) return `${Math.round((bytes / MiB) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

export function checkUpload(kind: UploadKind, file: { size: number; type: string }): UploadCheck {
  const limit = uploadLimits[kind];
  if (!limit.types.includes(file.type)) {
    return { ok: false, error: "That type of file is not accepted here." };
  }
  if (!Number.isInteger(file.size) || file.size < 1) {
    return { ok: false, error: "That file is empty." };
  }
  if (file.size > limit.maxBytes) {
    return {
      ok: false,
      error: `That file is too large: the limit is ${formatBytes(limit.maxBytes)}.`,
    };
  }
  return { ok: true };
}
