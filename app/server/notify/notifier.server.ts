import { getEnv } from "~/server/env.server";

/**
 * Notifications behind one interface. A notification says only *that* something waits for a
 * user and where: the recipient's user id, a kind and a link inside Kamkor — never a name,
 * an answer or a finding, because e-mail and SMS leave our protection (gateways, lock screens,
 * shared phones). The reader signs in and the page decides what they may see.
 *
 * Channels:
 * - in-app: the ScreeningAlert rows themselves (written by the screening pathway in its
 *   transaction; the menu counter and /screenings/alerts read them);
 * - external (e-mail/SMS gateway): selected by KAMKOR_NOTIFY_WEBHOOK. Set: a JSON POST of the
 *   notification to that URL (the gateway maps user ids to addresses). Unset: a recording mock
 *   that keeps what would have been sent in memory (demo and tests assert on it).
 */

export type NotificationKind = "acute" | "overdue" | "referral" | "order_issued" | "order_violation" | "order_check_overdue" | "order_expiring";
export type Notification = { to: string; kind: NotificationKind; link: string };

export interface Notifier {
  readonly channel: string;
  send(notification: Notification): Promise<void>;
}

/** Only an internal path is allowed as a link: no host, no query with content. */
export function safeNotification(notification: Notification): Notification {
  if (!/^\/(?!\/)[a-z0-9/_-]*$/i.test(notification.link)) throw new Error("A notification link must be a plain internal path.");
  if (!/^[0-9a-f-]{36}$/i.test(notification.to)) throw new Error("A notification goes to a user id.");
  return { to: notification.to, kind: notification.kind, link: notification.link };
}

/** The mock gateway: remembers what would have been sent (demo and tests). */
export class RecordingNotifier implements Notifier {
  readonly channel = "recording";
  readonly sent: Notification[] = [];
  async send(notification: Notification): Promise<void> {
    this.sent.push(safeNotification(notification));
  }
  clear(): void {
    this.sent.length = 0;
  }
}

/** A webhook to the operator's e-mail/SMS gateway. */
export class WebhookNotifier implements Notifier {
  readonly channel = "webhook";
  constructor(private readonly url: string) {}
  async send(notification: Notification): Promise<void> {
    const body = JSON.stringify(safeNotification(notification));
    const response = await fetch(this.url, { method: "POST", headers: { "content-type": "application/json" }, body, signal: AbortSignal.timeout(5_000) });
    if (!response.ok) throw new Error(`Notification gateway answered ${response.status}.`);
  }
}

const GLOBAL_KEY = Symbol.for("kamkor.notifier");
type GlobalWithNotifier = typeof globalThis & { [GLOBAL_KEY]?: Notifier };

/** The process's external notifier (one per process, like the database handle). */
export function externalNotifier(): Notifier {
  const holder = globalThis as GlobalWithNotifier;
  if (!holder[GLOBAL_KEY]) {
    const url = getEnv().KAMKOR_NOTIFY_WEBHOOK;
    holder[GLOBAL_KEY] = url ? new WebhookNotifier(url) : new RecordingNotifier();
  }
  return holder[GLOBAL_KEY];
}

/** Tests: use this notifier (e.g. a fresh RecordingNotifier) from now on. */
export function setExternalNotifier(notifier: Notifier | undefined): void {
  (globalThis as GlobalWithNotifier)[GLOBAL_KEY] = notifier;
}

/**
 * Sends each notification; a failing gateway never undoes the in-app alert (already committed),
 * it is reported and the rest are still sent. Returns how many failed.
 */
export async function deliverAll(notifier: Notifier, notifications: readonly Notification[]): Promise<number> {
  const results = await Promise.allSettled(notifications.map((notification) => notifier.send(notification)));
  const failed = results.filter((result) => result.status === "rejected");
  if (failed.length > 0) console.error(`kamkor: ${failed.length} notification(s) could not be sent through ${notifier.channel}.`);
  return failed.length;
}
