import { redirect } from "next/navigation";
import { requireStaffPage } from "@/lib/admin/page-access";

export default async function AdminHome() {
  await requireStaffPage();
  redirect("/admin/users");
}
