/** `npm run demo:totp -- <username>`: the current TOTP code of a demo account (demo only). */
import { totpCode } from "~/server/auth/totp.server";
import { demoTotpSecret } from "~seeds/factories";
import { DEMO_USERS } from "~seeds/data/users";

const username = process.argv[2];
if (!username || !DEMO_USERS.some((user) => user.username === username && user.enrolled !== false)) {
  console.error(`Usage: npm run demo:totp -- <${DEMO_USERS.filter((u) => u.enrolled !== false).map((u) => u.username).join("|")}>`);
  process.exit(1);
}
console.log(totpCode(demoTotpSecret(username)));
