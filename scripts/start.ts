/**
 * `npm start`: validates the environment, opens the database (embedded PGlite under
 * KAMKOR_DATA_DIR, or PostgreSQL via DATABASE_URL), applies pending migrations, loads demo
 * data into an empty demo database, and serves the built Remix app. In the same process, the
 * overdue sweep escalates missed safety-assessment deadlines every
 * KAMKOR_ESCALATION_INTERVAL_SECONDS (decision 019).
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import compression from "compression";
import express from "express";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import { EnvError, getEnv } from "~/server/env.server";
import { closeDatabase, getDatabase } from "~/server/db.server";
import { generatedRootKeyFile } from "~/server/encryption/root-key.server";
import { applyMigrations, MigrationError } from "~/server/migrations.server";
import crypto from "node:crypto";
import { BASE_SECURITY_HEADERS, contentSecurityPolicy, isCrossSiteMutation } from "~/server/http/security-headers.server";
import type { KamkorLoadContext } from "~/server/load-context";
import { REQUEST_ID_HEADER } from "~/server/auth/session.server";
import { sweepOrders } from "~/modules/protection-orders/order-sweep.server";
import { escalateOverdueAssessments } from "~/modules/screenings/escalation.server";
import { stopExpiredSessions } from "~/modules/screenings/session-expiry.server";
import { startPeriodicJob } from "~/server/scheduler.server";
import { seedDemo, seedInstruments, seedOrderReferenceData, seedTerritories } from "~seeds/demo";

async function main() {
  const env = getEnv();
  const database = await getDatabase(env);
  const where = database.kind === "pglite" ? `embedded PGlite in ${env.pgliteDir}` : "PostgreSQL (DATABASE_URL)";
  const { applied } = await database.withConnection((connection) => applyMigrations(connection));
  log(`Database: ${where}; ${applied.length ? `applied ${applied.join(", ")}` : "migrations up to date"}.`);
  // Loads the data keys now: a wrong root key stops start-up here, with one line.
  await database.encryption.ready();
  const generatedKey = generatedRootKeyFile();
  if (generatedKey) log(`Generated a demo root key in ${generatedKey} (git-ignored; production needs KAMKOR_ROOT_KEY).`);
  if (env.KAMKOR_MODE === "demo") {
    if (await seedDemo(database.prisma)) log("Loaded demo data (accounts are listed in README.md).");
  } else {
    await seedTerritories(database.prisma);
    await seedInstruments(database.prisma);
    await seedOrderReferenceData(database.prisma);
  }

  const buildDir = path.resolve(process.env.KAMKOR_BUILD_DIR ?? "build");
  const build = (await import(pathToFileURL(path.join(buildDir, "index.js")).href)) as ServerBuild;
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", env.KAMKOR_MODE === "production" ? 1 : false);
  app.use(compression());
  app.use((request, response, next) => {
    response.locals.requestId = crypto.randomUUID();
    // Loaders of one request share work by this id (session lookup); never trust a client's.
    request.headers[REQUEST_ID_HEADER] = response.locals.requestId as string;
    response.locals.cspNonce = crypto.randomBytes(16).toString("base64");
    response.set(BASE_SECURITY_HEADERS);
    response.set("Content-Security-Policy", contentSecurityPolicy(response.locals.cspNonce as string));
    if (
      isCrossSiteMutation({
        method: request.method,
        host: request.headers.host,
        origin: request.headers.origin,
        secFetchSite: request.get("sec-fetch-site"),
      })
    ) {
      response.status(403).type("text/plain").send("Cross-site request refused.");
      return;
    }
    // Vouched for by Sec-Fetch-Site above; Remix's own origin check would turn "null" into a 500.
    if (request.headers.origin === "null") delete request.headers.origin;
    next();
  });
  app.use("/build", express.static(path.join(buildDir, "client"), { immutable: true, maxAge: "1y" }));
  app.use(express.static("public", { maxAge: "1h" }));
  app.use((_request, response, next) => {
    response.set("Cache-Control", "no-store");
    next();
  });
  app.all(
    "*",
    createRequestHandler({
      build,
      mode: "production",
      getLoadContext: (request, response): KamkorLoadContext => ({
        requestId: response.locals.requestId as string,
        ip: request.ip,
        cspNonce: response.locals.cspNonce as string,
      }),
    }),
  );

  const server = app.listen(env.PORT, env.HOST, () => log(`Kamkor is listening on http://localhost:${env.PORT}`));
  const sweep = startPeriodicJob({
    name: "Overdue sweep",
    intervalSeconds: env.KAMKOR_ESCALATION_INTERVAL_SECONDS,
    run: async () => {
      const stopped = await stopExpiredSessions();
      const result = await escalateOverdueAssessments({ source: "scheduler" });
      const orders = await sweepOrders();
      const lines = [
        ...(stopped > 0 ? [`stopped ${stopped} expired screening session(s)`] : []),
        ...(result.escalated > 0 ? [`escalated ${result.escalated} overdue safety assessment(s), ${result.alerts} alert(s)`] : []),
        ...(orders.expired > 0 ? [`ended ${orders.expired} expired protection order(s)`] : []),
        ...(orders.checksEscalated + orders.expiryReminders > 0
          ? [`${orders.checksEscalated} overdue order check(s) escalated, ${orders.expiryReminders} expiry reminder(s)`]
          : []),
      ];
      return lines.length > 0 ? `${lines.join("; ")}.` : null;
    },
    log,
  });
  const shutdown = () => {
    server.close();
    // A sweep in progress finishes before the database closes.
    void sweep
      .stop()
      .then(() => closeDatabase())
      .finally(() => process.exit(0));
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

function log(message: string) {
  if (process.env.KAMKOR_LOG_LEVEL !== "silent") console.log(message);
}

main().catch((error: unknown) => {
  if (error instanceof EnvError || error instanceof MigrationError) {
    console.error(error.message);
  } else {
    console.error("Kamkor cannot start:", error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
