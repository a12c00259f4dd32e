import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { TextField } from "~/components/TextField";
import type { MessageKey } from "~/i18n/i18n";
import { useTranslation } from "~/i18n/use-translation";
import { signedIn } from "~/kit/request.server";
import { personIdSchema } from "~/modules/audit/audit-filter.schema";

export const meta: MetaFunction = () => [{ title: "Kamkor" }];

/** Auditor only: the lookup form's target; a valid id goes to its report, a bad one is explained. */
export async function loader(args: LoaderFunctionArgs) {
  await signedIn(args, "audit");
  const params = new URL(args.request.url).searchParams;
  const value = params.get("personId") ?? "";
  const parsed = personIdSchema.safeParse(value);
  if (parsed.success && [...params.keys()].length === 1) throw redirect(`/audit/person/${parsed.data}`);
  return json(
    { value: value.slice(0, 100), error: (params.has("personId") ? "audit.error.personId" : null) as MessageKey | null },
    params.has("personId") ? 400 : 200,
  );
}

export default function PersonLookup() {
  const { t } = useTranslation();
  const { value, error } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <p>
        <Link to="/audit">{t("audit.backToLog")}</Link>
      </p>
      <h1>{t("audit.person.lookup")}</h1>
      <Form method="get" className="stack">
        <TextField
          name="personId"
          label={t("audit.person.personId")}
          hint={t("audit.person.lookupHint")}
          defaultValue={value}
          autoComplete="off"
          spellCheck={false}
          error={error ? t(error) : undefined}
        />
        <div>
          <button type="submit" className="button-primary">
            {t("audit.person.open")}
          </button>
        </div>
      </Form>
    </div>
  );
}
