import { rmSync } from "node:fs";

/** Removes this run's saved sign-ins (playwright.config.ts created the directory). */
export default function globalTeardown() {
  if (process.env.E2E_STATE_DIR) rmSync(process.env.E2E_STATE_DIR, { recursive: true, force: true });
}
