import { randomBytes } from "node:crypto";

// Database ids (cuids) only: nothing that could climb out of a prefix.
const idPattern = /^[A-Za-z0-9_-]{1,64}$/;

function segment(id: string): string {
  if (!idPattern.test(id)) throw new Error("Not an id that can name a storage prefix.");
  return id;
}

// One prefix per owner: deleting the owner deletes one prefix, and stored keys can be checked.
export const organizationPrefix = (organizationId: string) => `org/${segment(organizationId)}/`;

export const projectPrefix = (organizationId: string, projectId: string) =>
  `${organizationPrefix(organizationId)}projects/${segment(projectId)}/`;

export const logoPrefix = (organizationId: string) => `${organizationPrefix(organizationId)}logo/`;

export const userPrefix = (userId: string) => `user/${segment(userId)}/`;

export const avatarPrefix = (userId: string) => `${userPrefix(userId)}avatar/`;

// Random, so a key cannot be guessed from another.
export function newObjectKey(prefix: string): string {
  return `${prefix}${randomBytes(16).toString("hex")}`;
}

export function isKeyUnder(key: string, prefix: string): boolean {
  return key.startsWith(prefix) && /^[a-f0-9]{32}$/.test(key.slice(prefix.length));
}

export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f"]/g, "")
    .trim()
    .slice(0, 200);
  return cleaned || "file";
}
