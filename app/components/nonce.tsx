import { createContext, useContext } from "react";

/**
 * The CSP nonce of this response, provided by entry.server.tsx from the load context. It is
 * never put into loader data; in the browser it is an empty string (already used by then).
 */
const NonceContext = createContext("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
