import { StatusButtonForm } from "@/components/forms/status-button-form";
import { Avatar } from "@/components/ui/avatar";
import { Muted, Section } from "@/components/ui/section";
import { DirectUploadForm } from "@/components/uploads/direct-upload-form";
import { confirmLogoUpload, prepareLogoUpload, removeLogoForm } from "../logo-actions";

/** The organization's logo, shown to its members; uploaded straight to the storage. */
export function LogoSection({ name, logoUrl }: { name: string; logoUrl: string | null }) {
  return (
    <Section id="logo" title="Logo" className="max-w-xl">
      <div className="flex items-center gap-4">
        <Avatar name={name} src={logoUrl} size="lg" shape="square" />
        <Muted>{logoUrl ? "The current logo." : "No logo yet: members see the initials."}</Muted>
      </div>
      <DirectUploadForm
        kind="logo"
        label="Logo image"
        submitLabel="Upload logo"
        prepare={prepareLogoUpload}
        confirm={confirmLogoUpload}
      />
      {logoUrl ? (
        <StatusButtonForm
          action={removeLogoForm}
          label="Remove logo"
          pendingLabel="Removing…"
          variant="ghost"
        />
      ) : null}
    </Section>
  );
}
