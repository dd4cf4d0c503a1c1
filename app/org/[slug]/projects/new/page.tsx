import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/forms/action-form";
import { requireMember } from "@/lib/tenancy/current-member";
import { createProjectForm } from "../actions";

export const metadata: Metadata = { title: "New project" };

export default async function NewProjectPage() {
  await requireMember("projects:write");
  return (
    <div className="grid max-w-xl gap-6">
      <p className="text-sm">
        <Link href="/projects" className="text-zinc-600 underline dark:text-zinc-400">
          ← Projects
        </Link>
      </p>
      <h1 className="text-2xl font-semibold tracking-tight text-zinc-950 dark:text-white">
        New project
      </h1>
      <ActionForm
        action={createProjectForm}
        submitLabel="Create project"
        pendingLabel="Creating…"
        fields={[
          { name: "name", label: "Name", maxLength: 100 },
          {
            name: "description",
            label: "Description",
            type: "textarea",
            required: false,
            maxLength: 1000,
            description: "Optional. What the project is for.",
          },
        ]}
      />
    </div>
  );
}
