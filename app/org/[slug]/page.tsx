import { redirect } from "next/navigation";

/** An organization's home is its project list. */
export default function OrganizationHome() {
  redirect("/projects");
}
