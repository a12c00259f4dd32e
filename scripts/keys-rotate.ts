/**
 * `npm run keys:rotate`: adds a data-key version that encrypts every new write from now on.
 * Older versions keep decrypting; `npm run keys:reencrypt` then moves existing data to it.
 * Same environment as `npm start` (DATABASE_URL or KAMKOR_DATA_DIR, KAMKOR_ROOT_KEY[_FILE]).
 */
import { closeDatabase } from "~/server/db.server";
import { KEYRING_REFRESH_MS } from "~/server/encryption/keyring.server";
import { describeDatabase, openForKeyTool } from "~/server/encryption/key-tools.server";
import { rotateKey } from "~/server/encryption/rotation.server";
import { getEnv } from "~/server/env.server";

async function main() {
  const env = getEnv();
  const database = await openForKeyTool(env);
  console.log(`Database: ${describeDatabase(database, env)}.`);
  const version = await rotateKey(database);
  const versions = database.encryption.keyring.versions;
  console.log(`Key version ${version} now encrypts new writes; versions ${versions.join(", ")} decrypt.`);
  console.log(
    `Running servers switch to it within ${KEYRING_REFRESH_MS / 1000} s. ` +
      `Then run "npm run keys:reencrypt" to re-encrypt existing data with version ${version}.`,
  );
}

main()
  .catch((error: unknown) => {
    console.error(`keys:rotate failed: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  })
  .finally(() => closeDatabase());
