import { afterEach, describe, expect, test, vi } from "vitest";
import { parseEnv } from "./env.server";
import { startPeriodicJob } from "./scheduler.server";

describe("startPeriodicJob", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  test("runs once shortly after start, then every interval; logs summaries; stop clears the timers", async () => {
    vi.useFakeTimers();
    const log = vi.fn();
    const run = vi.fn(async () => "escalated 1");
    const job = startPeriodicJob({ name: "Sweep", intervalSeconds: 60, firstRunDelayMs: 1_000, run, log });
    await vi.advanceTimersByTimeAsync(999);
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(run).toHaveBeenCalledTimes(2);
    expect(log).toHaveBeenCalledWith("Sweep: escalated 1");
    await job.stop();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(run).toHaveBeenCalledTimes(2);
  });

  test("a failing run is logged in one line and the next one still runs; runs never overlap", async () => {
    vi.useFakeTimers();
    const logError = vi.fn();
    let release: () => void = () => undefined;
    const run = vi
      .fn<() => Promise<string | null>>()
      .mockRejectedValueOnce(new Error("database\nis down"))
      .mockImplementationOnce(() => new Promise((resolve) => (release = () => resolve(null))))
      .mockResolvedValue(null);
    const job = startPeriodicJob({ name: "Sweep", intervalSeconds: 1, firstRunDelayMs: 0, run, log: vi.fn(), logError });
    await vi.advanceTimersByTimeAsync(0);
    expect(logError).toHaveBeenCalledWith("Sweep failed: database is down");
    await vi.advanceTimersByTimeAsync(1_000);
    expect(run).toHaveBeenCalledTimes(2);
    // The second run is still going: ticks meanwhile are skipped.
    await vi.advanceTimersByTimeAsync(3_000);
    expect(run).toHaveBeenCalledTimes(2);
    release();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(run).toHaveBeenCalledTimes(3);
    await job.stop();
  });

  test("interval 0 disables the job", async () => {
    vi.useFakeTimers();
    const run = vi.fn(async () => null);
    const job = startPeriodicJob({ name: "Sweep", intervalSeconds: 0, firstRunDelayMs: 0, run });
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(run).not.toHaveBeenCalled();
    await job.stop();
  });
});

describe("KAMKOR_ESCALATION_INTERVAL_SECONDS", () => {
  test("defaults to 300, accepts 0 (off), refuses negatives and non-numbers with a line naming it", () => {
    expect(parseEnv({}).KAMKOR_ESCALATION_INTERVAL_SECONDS).toBe(300);
    expect(parseEnv({ KAMKOR_ESCALATION_INTERVAL_SECONDS: "0" }).KAMKOR_ESCALATION_INTERVAL_SECONDS).toBe(0);
    expect(parseEnv({ KAMKOR_ESCALATION_INTERVAL_SECONDS: "60" }).KAMKOR_ESCALATION_INTERVAL_SECONDS).toBe(60);
    for (const value of ["-1", "often", "1.5"])
      expect(() => parseEnv({ KAMKOR_ESCALATION_INTERVAL_SECONDS: value })).toThrow(/KAMKOR_ESCALATION_INTERVAL_SECONDS/);
  });
});
