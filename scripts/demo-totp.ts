/** `npm run demo:totp -- <username>`: the current TOTP code of a demo account (demo only). */
import { totpCode } from "~/server/auth/totp.server";
import { demoTotpSecret } from "~seeds/factories";
import { DEMO_STAFF, DEMO_USERS } from "~seeds/data/users";

// Every seeded account: one per role (DEMO_USERS) and the caseload's staff (DEMO_STAFF).
const enrolled = [...DEMO_USERS, ...DEMO_STAFF].filter((user) => user.enrolled !== false);
const username = process.argv[2];
if (!username || !enrolled.some((user) => user.username === username)) {
  console.error(`Usage: npm run demo:totp -- <${enrolled.map((u) => u.username).join("|")}>`);
  process.exit(1);
}
console.log(totpCode(demoTotpSecret(username)));
