import type { LinksFunction } from "@remix-run/node";
import pupilStyles from "~/styles/pupils.css";

export const pupilLinks: LinksFunction = () => [{ rel: "stylesheet", href: pupilStyles }];
