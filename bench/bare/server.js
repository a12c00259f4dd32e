// Serves the bare fixture like scripts/start.ts serves the app: Express, compression, static
// assets, the Remix handler in production mode. PORT and HOST from the environment.
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../build-bare");
const build = await import(pathToFileURL(path.join(out, "index.js")).href);
const app = express();
app.disable("x-powered-by");
app.use(compression());
app.use("/build", express.static(path.join(out, "client"), { immutable: true, maxAge: "1y" }));
app.all("*", createRequestHandler({ build, mode: "production" }));
app.listen(Number(process.env.PORT), process.env.HOST ?? "127.0.0.1");
