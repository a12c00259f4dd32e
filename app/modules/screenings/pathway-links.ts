import type { LinksFunction } from "@remix-run/node";
import pathwayStyles from "~/styles/pathways.css";

/** Every pathway page links its stylesheet (large touch targets). */
export const pathwayLinks: LinksFunction = () => [{ rel: "stylesheet", href: pathwayStyles }];
