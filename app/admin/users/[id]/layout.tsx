import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { requireStaffPage } from "@/lib/admin/page-access";
import { userExists } from "@/lib/admin/users/detail";

// Outside the page's loading boundary, so an unknown id answers HTTP 404 rather than a streamed
// "not found" inside a 200.
export default async function AdminUserLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ id: string }>;
}) {
  await requireStaffPage();
  const { id } = await params;
  if (!(await userExists(id))) notFound();
  return children;
}
