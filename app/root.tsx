import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, isRouteErrorResponse, Link, Links, Meta, NavLink, Outlet, Scripts, ScrollRestoration, useLoaderData, useRouteError } from "@remix-run/react";
import type { ReactNode } from "react";
import { LanguageSwitcher } from "~/components/LanguageSwitcher";
import { useNonce } from "~/components/nonce";
import { formatDateTime } from "~/i18n/i18n";
import { menuBadges } from "~/modules/tasks/badge.server";

import { resolveLocale } from "~/i18n/locale.server";
import { useTranslation } from "~/i18n/use-translation";
import { loadSession } from "~/server/auth/session.server";
import { actorOf } from "~/server/authorization.server";
import { AREAS, areasFor } from "~policies/navigation.policy";
import stylesUrl from "~/styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesUrl },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Kamkor" }, { name: "robots", content: "noindex" }];

/** Public data every page needs: the language and, when signed in, the menu. */
export async function loader({ request }: LoaderFunctionArgs) {
  const locale = resolveLocale(request);
  const session = await loadSession(request);
  const user = session?.stage === "full" ? session.user : null;
  const actor = user ? actorOf(user) : null;
  const menu = areasFor(actor);
  // Badge, alert count and break-glass banner: one indexed round trip, nothing decrypted.
  const { breakGlassUntil, openTasks, unreadAlerts } = actor
    ? await menuBadges(actor, { alerts: menu.includes("screeningAlerts") })
    : { breakGlassUntil: null, openTasks: 0, unreadAlerts: 0 };
  return json({
    locale,
    user: user ? { displayName: user.displayName } : null,
    breakGlassUntil,
    openTasks,
    unreadAlerts,
    menu: menu.map((area) => ({ path: AREAS[area].path, labelKey: AREAS[area].labelKey })),
  });
}

export function Layout({ children }: { children: ReactNode }) {
  const { locale, t } = useTranslation();
  const nonce = useNonce();
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t("app.skipToContent")}
        </a>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function Header() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <header className="site-header">
      {data.breakGlassUntil ? <p className="break-glass-banner">{t("breakGlass.banner", { time: formatDateTime(data.breakGlassUntil) })}</p> : null}
      <div className="site-header-inner">
        <Link to="/" className="brand">
          {t("app.name")}
        </Link>
        {data.user ? (
          <nav aria-label={t("app.mainNavigation")} className="main-nav">
            <ul>
              {data.menu.map((item) => (
                <li key={item.path}>
                  <NavLink to={item.path}>{t(item.labelKey)}</NavLink>
                  {/* Outside the link: its name stays the area's name. */}
                  {item.path === "/screenings/alerts" && data.unreadAlerts > 0 ? (
                    <span className="badge badge-off" data-testid="alert-badge">
                      <span aria-hidden="true">{data.unreadAlerts}</span>
                      <span className="visually-hidden">{t("pathway.alerts.badge", { count: data.unreadAlerts })}</span>
                    </span>
                  ) : null}
                  {item.path === "/home" && data.openTasks > 0 ? (
                    <span className="badge" data-testid="task-badge">
                      <span aria-hidden="true">{data.openTasks}</span>
                      <span className="visually-hidden">{t("tasks.badge", { count: data.openTasks })}</span>
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <div className="header-tools">
          <LanguageSwitcher />
          {data.user ? (
            <Form method="post" action="/logout">
              <button type="submit" className="button-secondary">
                {t("nav.signOut")}
              </button>
            </Form>
          ) : null}
        </div>
      </div>
    </header>
  );
}

export default function App() {
  return (
    <>
      <Header />
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}

/** Never shows a stack trace: a translated message, and the status for 404s. */
export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <main id="main" tabIndex={-1} className="narrow">
      <h1>{t(notFound ? "error.notFound.title" : "error.generic.title")}</h1>
      <p>{t(notFound ? "error.notFound.text" : "error.generic.text")}</p>
      <p>
        <Link to="/">{t("error.backHome")}</Link>
      </p>
    </main>
  );
}
