import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { formatDateTime } from "~/i18n/i18n";
import { useTranslation } from "~/i18n/use-translation";
import { signedIn } from "~/kit/request.server";
import { breakGlassReviewSchema } from "~/modules/break-glass/break-glass.schema";
import { reviewBreakGlass, reviewQueue } from "~/modules/break-glass/break-glass.server";
import { parseForm } from "~/server/forms.server";

export async function loader(args: LoaderFunctionArgs) {
  const items = await reviewQueue(await signedIn(args, "breakGlassReview"));
  return json({ items, saved: new URL(args.request.url).searchParams.has("saved") });
}

export async function action(args: ActionFunctionArgs) {
  const caller = await signedIn(args, "breakGlassReview");
  const form = await parseForm(args.request, breakGlassReviewSchema);
  if (!form.ok) return json({ error: form.fieldErrors.verdict ?? form.formError ?? "error.badRequest" }, 400);
  await reviewBreakGlass({ ...caller, ...form.data });
  throw redirect("/break-glass/review?saved=1");
}

export default function BreakGlassReview() {
  const { t } = useTranslation();
  const { items, saved } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>{t("breakGlass.review.title")}</h1>
      <p>{t("breakGlass.review.intro")}</p>
      {saved ? (
        <p className="notice" role="status">
          {t("breakGlass.review.saved")}
        </p>
      ) : null}
      {items.length === 0 ? <p>{t("breakGlass.review.empty")}</p> : null}
      <ul className="review-list">
        {items.map((item) => (
          <li key={item.id} className="review-item">
            <dl className="facts">
              <div>
                <dt>{t("breakGlass.review.requester")}</dt>
                <dd>{item.requester.displayName}</dd>
              </div>
              <div>
                <dt>{t("breakGlass.review.when")}</dt>
                <dd>{formatDateTime(item.createdAt)}</dd>
              </div>
              <div>
                <dt>{t("breakGlass.review.record")}</dt>
                <dd className="muted">{item.recordId}</dd>
              </div>
              <div>
                <dt>{t("breakGlass.review.verdict")}</dt>
                <dd>
                  {item.verdict === null
                    ? t("breakGlass.review.pending")
                    : t(item.verdict === "justified" ? "breakGlass.review.justified" : "breakGlass.review.notJustified")}
                </dd>
              </div>
            </dl>
            <p>
              <strong>{t("breakGlass.review.reason")}:</strong> {item.reason}
            </p>
            {item.verdict === null ? (
              <Form method="post" className="stack">
                <input type="hidden" name="grantId" value={item.id} />
                <fieldset>
                  <legend>{t("breakGlass.review.verdict")}</legend>
                  <label className="choice">
                    <input type="radio" name="verdict" value="justified" required /> {t("breakGlass.review.justified")}
                  </label>
                  <label className="choice">
                    <input type="radio" name="verdict" value="not_justified" /> {t("breakGlass.review.notJustified")}
                  </label>
                </fieldset>
                <div className="field">
                  <label htmlFor={`comment-${item.id}`}>{t("breakGlass.review.comment")}</label>
                  <textarea id={`comment-${item.id}`} name="comment" rows={2} maxLength={2000} />
                </div>
                <div>
                  <button type="submit" className="button-primary">
                    {t("breakGlass.review.save")}
                  </button>
                </div>
              </Form>
            ) : item.reviewComment ? (
              <p className="muted">{item.reviewComment}</p>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
