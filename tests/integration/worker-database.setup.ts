import { ensureWorkerDatabase } from "../support/worker-database";

// Runs before every integration test file, in its worker (vitest setupFiles).
await ensureWorkerDatabase();
