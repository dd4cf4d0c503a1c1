import { setStaff } from "@/lib/admin/staff";
import { withScriptDatabase } from "./lib/script-database";

/**
 * `npm run staff -- grant <email>` / `npm run staff -- revoke <email>`: the only way to make
 * someone staff of the operator console (/admin). Recorded in the audit log.
 */

const [command, email] = process.argv.slice(2);
if ((command !== "grant" && command !== "revoke") || !email) {
  console.error("Usage: npm run staff -- grant <email>\n       npm run staff -- revoke <email>");
  process.exit(1);
}

let code = 0;
await withScriptDatabase(async (db) => {
  const result = await setStaff(db, email, command === "grant");
  if (!result.ok) {
    console.error(`No account uses ${email}. The person must sign up first.`);
    code = 1;
  } else if (!result.changed) {
    console.log(
      `${email} ${command === "grant" ? "is already" : "is not"} staff; nothing changed.`,
    );
  } else {
    console.log(
      `${email} ${command === "grant" ? "is now staff. They need two-factor authentication to open /admin." : "is no longer staff."}`,
    );
  }
});
process.exit(code);
