import type { LinksFunction } from "@remix-run/node";
import planStyles from "~/styles/plans.css";

/** Every plan page links the plan stylesheet (line breaks in free text, print layout). */
export const planLinks: LinksFunction = () => [{ rel: "stylesheet", href: planStyles }];
