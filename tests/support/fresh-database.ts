import pg from "pg";

/**
 * A fresh database on the throwaway PostgreSQL cluster, owned by the app role (which then
 * runs the migrations, as in production). For tests that must not share the common test
 * database — e.g. because they tamper with the audit log, or count every event in it.
 */
export async function freshPostgresDatabase(
  name: string,
  urls: { databaseUrl: string; adminDatabaseUrl: string },
): Promise<{ appUrl: string; adminUrl: string }> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Bad database name: ${name}`);
  const admin = new pg.Client({ connectionString: urls.adminDatabaseUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name} OWNER kamkor_app`);
  } finally {
    await admin.end();
  }
  const withDb = (url: string) => {
    const parsed = new URL(url);
    parsed.pathname = `/${name}`;
    return parsed.toString();
  };
  return { appUrl: withDb(urls.databaseUrl), adminUrl: withDb(urls.adminDatabaseUrl) };
}
