import { HeadObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as downloadRoute } from "@/app/org/[slug]/projects/[id]/files/[fileId]/route";
import {
  attachmentDownloadAction,
  confirmAttachmentAction,
  deleteAttachmentAction,
  prepareAttachmentUploadAction,
} from "@/lib/attachments/actions";
import { runNamedJobs } from "@/lib/jobs/run";
import { deleteProjectAction } from "@/lib/projects/actions";
import { createStorageClient, storageConfig } from "@/lib/storage/client";
import { withTenant } from "@/lib/db/tenant";
import { queueTenantDataPurge } from "@/lib/organizations/tenant-data";
import { logoPrefix, projectPrefix } from "@/lib/storage/keys";
import { adminDatabase } from "../support/admin-db";
import { callAs, organization, userWithSession } from "../support/tenant-request";

vi.mock("next/headers", async () => (await import("../support/next-mocks")).tenantHeaders());
vi.mock("next/server", async (original) =>
  (await import("../support/next-mocks")).withoutAfter(original),
);

/**
 * Project files against the local S3 server (tests/support/s3-setup.ts): the same presigned
 * POSTs, HeadObject checks, signed links and deletions the app makes against a real bucket.
 */

const admin = adminDatabase();
const config = storageConfig()!;
const s3 = createStorageClient(config);
let org: Awaited<ReturnType<typeof organization>>;
let other: Awaited<ReturnType<typeof organization>>;
let owner: Awaited<ReturnType<typeof userWithSession>>;
let outsider: Awaited<ReturnType<typeof userWithSession>>;
let projectId: string;

beforeAll(async () => {
  org = await organization(admin, "files");
  other = await organization(admin, "other-files");
  owner = await userWithSession(admin, "owner", { organizationId: org.id, role: "OWNER" });
  outsider = await userWithSession(admin, "outsider", { organizationId: other.id, role: "OWNER" });
  const project = await admin.project.create({
    data: { organizationId: org.id, name: "Apollo" },
  });
  projectId = project.id;
});
afterAll(async () => {
  await admin.$disconnect();
});

type Signed = { url: string; fields: Record<string, string>; key: string };

async function prepare(file: { fileName: string; contentType: string; size: number }) {
  return prepareAttachmentUploadAction({ projectId, ...file });
}

/** Sends a file the way the browser does: the signed fields, then the file. */
function post(signed: Signed, content: string | Uint8Array<ArrayBuffer>, type = "text/plain") {
  const form = new FormData();
  // A changed Content-Type field is what a tampered form looks like: the policy names the type.
  for (const [name, value] of Object.entries(signed.fields))
    form.append(name, name === "Content-Type" ? type : value);
  form.append("file", new Blob([content], { type }), "file");
  return fetch(signed.url, { method: "POST", body: form });
}

async function uploaded(fileName: string, content: string): Promise<Signed> {
  callAs(owner.token, org.slug);
  const signed = await prepare({ fileName, contentType: "text/plain", size: content.length });
  if (!signed.ok) throw new Error(signed.error);
  expect((await post(signed.data, content)).status).toBe(204);
  return signed.data;
}

async function exists(key: string): Promise<boolean> {
  return s3
    .send(new HeadObjectCommand({ Bucket: config.bucket, Key: key }))
    .then(() => true)
    .catch(() => false);
}

describe("project attachments", () => {
  it("refuses to sign a type or size outside the limits, with a field error", async () => {
    callAs(owner.token, org.slug);
    const html = await prepare({ fileName: "x.html", contentType: "text/html", size: 10 });
    expect(html).toMatchObject({ ok: false, status: 422 });
    expect(html.ok ? "" : html.fieldErrors?.file).toMatch(/type of file/);
    const huge = await prepare({ fileName: "big.pdf", contentType: "application/pdf", size: 11e6 });
    expect(huge.ok ? "" : huge.fieldErrors?.file).toMatch(/too large: the limit is 10 MB/);
  });

  it("uploads through the presigned POST, and records the file only after HeadObject finds it", async () => {
    callAs(owner.token, org.slug);
    const signed = await prepare({ fileName: "notes.txt", contentType: "text/plain", size: 5 });
    if (!signed.ok) throw new Error(signed.error);
    expect(signed.data.key.startsWith(projectPrefix(org.id, projectId))).toBe(true);

    // Confirming before the upload arrives records nothing.
    const early = await confirmAttachmentAction({
      projectId,
      key: signed.data.key,
      fileName: "notes.txt",
    });
    expect(early.ok ? "" : early.fieldErrors?.file).toMatch(/did not arrive/);
    expect(await admin.attachment.count({ where: { projectId } })).toBe(0);

    expect((await post(signed.data, "hello")).status).toBe(204);
    const done = await confirmAttachmentAction({
      projectId,
      key: signed.data.key,
      fileName: "notes.txt",
    });
    expect(done).toMatchObject({ ok: true, data: { fileName: "notes.txt", size: 5 } });
    const row = await admin.attachment.findFirstOrThrow({ where: { key: signed.data.key } });
    expect(row).toMatchObject({ organizationId: org.id, projectId, uploadedById: owner.id });
    // Twice is once.
    const again = await confirmAttachmentAction({
      projectId,
      key: signed.data.key,
      fileName: "notes.txt",
    });
    expect(again).toMatchObject({ ok: false, status: 409 });
  });

  it("lets the storage refuse an object over the signed size, or of another type", async () => {
    callAs(owner.token, org.slug);
    const signed = await prepare({ fileName: "small.txt", contentType: "text/plain", size: 3 });
    if (!signed.ok) throw new Error(signed.error);
    const tooBig = new Uint8Array(10 * 1024 * 1024 + 1).fill(97);
    const refused = await post(signed.data, tooBig);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("EntityTooLarge");
    const otherType = await post(signed.data, "<b>hi</b>", "text/html");
    expect(otherType.status).toBe(403);
    expect(await exists(signed.data.key)).toBe(false);
  });

  it("refuses a key outside the project's prefix and an object the storage holds over the limit", async () => {
    callAs(owner.token, org.slug);
    const foreignKey = `${projectPrefix(other.id, "p1")}${"a".repeat(32)}`;
    const foreign = await confirmAttachmentAction({
      projectId,
      key: foreignKey,
      fileName: "x.txt",
    });
    expect(foreign).toMatchObject({ ok: false, status: 422 });
    // Written around the signed POST (as a leaked storage key could): the object check still refuses.
    const key = `${projectPrefix(org.id, projectId)}${"b".repeat(32)}`;
    await s3.send(
      new PutObjectCommand({
        Bucket: config.bucket,
        Key: key,
        Body: "<script>",
        ContentType: "text/html",
      }),
    );
    const sneaky = await confirmAttachmentAction({ projectId, key, fileName: "x.html" });
    expect(sneaky.ok ? "" : sneaky.fieldErrors?.file).toMatch(/type of file/);
    expect(await admin.attachment.count({ where: { key } })).toBe(0);
  });

  it("gives download links to members only, and another organization's file is not found", async () => {
    const signed = await uploaded("report.txt", "report body");
    callAs(owner.token, org.slug);
    const confirmed = await confirmAttachmentAction({
      projectId,
      key: signed.key,
      fileName: "report.txt",
    });
    if (!confirmed.ok) throw new Error(confirmed.error);
    const id = confirmed.data.id;

    const link = await attachmentDownloadAction({ id });
    if (!link.ok) throw new Error(link.error);
    const file = await fetch(link.data.url);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-disposition")).toContain('filename="report.txt"');
    expect(await file.text()).toBe("report body");
    // The object itself is private: without the signature, nothing.
    expect((await fetch(link.data.url.split("?")[0]!)).status).toBe(403);

    const routed = await downloadRoute(new Request("http://x/"), {
      params: Promise.resolve({ id: projectId, fileId: id }),
    });
    expect(routed.status).toBe(303);
    expect(routed.headers.get("location")).toContain(signed.key.split("/").pop());
    // Under another project's address, even of the same organization, the file is not there.
    const sibling = await admin.project.create({
      data: { organizationId: org.id, name: "Another project" },
    });
    const elsewhere = await downloadRoute(new Request("http://x/"), {
      params: Promise.resolve({ id: sibling.id, fileId: id }),
    });
    expect(elsewhere.status).toBe(404);

    // The owner of another organization, on their own host and on this one.
    callAs(outsider.token, other.slug);
    expect(await attachmentDownloadAction({ id })).toMatchObject({ ok: false, status: 404 });
    expect(await deleteAttachmentAction({ id })).toMatchObject({ ok: false, status: 404 });
    callAs(outsider.token, org.slug);
    const viaHost = await downloadRoute(new Request("http://x/"), {
      params: Promise.resolve({ id: projectId, fileId: id }),
    });
    expect(viaHost.status).toBe(404);
    callAs(undefined, org.slug);
    expect(await attachmentDownloadAction({ id })).toMatchObject({ ok: false, status: 401 });
    expect(await admin.attachment.count({ where: { id } })).toBe(1);
  });

  it("deletes a file's object through the job queue, and a project's whole prefix with it", async () => {
    const one = await uploaded("one.txt", "one");
    const two = await uploaded("two.txt", "two");
    callAs(owner.token, org.slug);
    const first = await confirmAttachmentAction({ projectId, key: one.key, fileName: "one.txt" });
    if (!first.ok) throw new Error(first.error);
    expect(await deleteAttachmentAction({ id: first.data.id })).toMatchObject({ ok: true });
    expect(await admin.attachment.count({ where: { id: first.data.id } })).toBe(0);
    await runStorageJobs();
    expect(await exists(one.key)).toBe(false);
    expect(await exists(two.key)).toBe(true);

    // Deleting the project queues its prefix, uploads never confirmed included.
    expect(await deleteProjectAction({ id: projectId })).toMatchObject({ ok: true });
    await runStorageJobs();
    expect(await exists(two.key)).toBe(false);
  });
});

describe("an organization's files", () => {
  it("are deleted through the job queue queued with the organization's deletion", async () => {
    const logo = `${logoPrefix(other.id)}${"c".repeat(32)}`;
    const file = `${projectPrefix(other.id, "p9")}${"d".repeat(32)}`;
    for (const key of [logo, file]) {
      await s3.send(new PutObjectCommand({ Bucket: config.bucket, Key: key, Body: "x" }));
    }
    await withTenant(other.id, (tx) => queueTenantDataPurge(tx, other.id));
    await runStorageJobs();
    expect(await exists(logo)).toBe(false);
    expect(await exists(file)).toBe(false);
  });
});

async function runStorageJobs() {
  const jobs = await admin.outboxMessage.findMany({
    where: { kind: "storage-delete-prefix", status: "PENDING" },
    select: { id: true },
  });
  expect(jobs.length).toBeGreaterThan(0);
  const result = await runNamedJobs(jobs.map((job) => job.id));
  expect(result).toMatchObject({ failed: 0, dead: 0 });
}
