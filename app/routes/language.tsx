import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { LOCALES } from "~/i18n/i18n";
import { localeCookie } from "~/i18n/locale.server";
import { parseForm } from "~/server/forms.server";
import { safeRedirectPath } from "~/server/redirects.server";

const languageSchema = z.object({ lang: z.enum(LOCALES), redirectTo: z.string().max(2000).optional() }).strict();

/** Public: the language can be chosen before signing in. GET changes nothing. */
export async function loader() {
  throw redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await parseForm(request, languageSchema);
  if (!form.ok) throw redirect("/");
  throw redirect(safeRedirectPath(form.data.redirectTo), { headers: { "Set-Cookie": localeCookie(form.data.lang) } });
}
