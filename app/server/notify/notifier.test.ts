import { describe, expect, test } from "vitest";
import { deliverAll, RecordingNotifier, safeNotification, type Notifier } from "./notifier.server";

const USER = "0b7f2c1e-4d5a-4c1b-9a53-0f6f6c1d2e3a";

describe("notifier", () => {
  test("the recording mock keeps exactly { to, kind, link }", async () => {
    const notifier = new RecordingNotifier();
    await notifier.send({ to: USER, kind: "acute", link: "/screenings/0b7f2c1e-4d5a-4c1b-9a53-0f6f6c1d2e3a", ...({ childName: "Имя" } as object) });
    expect(notifier.sent).toEqual([{ to: USER, kind: "acute", link: "/screenings/0b7f2c1e-4d5a-4c1b-9a53-0f6f6c1d2e3a" }]);
  });

  test("links are plain internal paths; recipients are user ids — nothing else can carry content", () => {
    for (const link of ["https://evil.example/x", "/screenings/1?result=acute", "/screenings/1#answers", "//host/x", "/a b"]) {
      expect(() => safeNotification({ to: USER, kind: "acute", link })).toThrow();
    }
    expect(() => safeNotification({ to: "+996 555 000 000", kind: "acute", link: "/screenings/alerts" })).toThrow();
  });

  test("a failing gateway is counted, the others are still sent", async () => {
    const sent: string[] = [];
    const flaky: Notifier = {
      channel: "flaky",
      async send(notification) {
        if (notification.kind === "overdue") throw new Error("gateway down");
        sent.push(notification.kind);
      },
    };
    const errors = console.error;
    console.error = () => undefined;
    try {
      expect(
        await deliverAll(flaky, [
          { to: USER, kind: "overdue", link: "/x" },
          { to: USER, kind: "referral", link: "/y" },
        ]),
      ).toBe(1);
    } finally {
      console.error = errors;
    }
    expect(sent).toEqual(["referral"]);
  });
});
