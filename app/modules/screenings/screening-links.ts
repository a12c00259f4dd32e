import type { LinksFunction } from "@remix-run/node";
import screeningStyles from "~/styles/screenings.css";

export const screeningLinks: LinksFunction = () => [{ rel: "stylesheet", href: screeningStyles }];
