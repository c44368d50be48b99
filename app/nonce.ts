import { createContext, useContext } from "react";

/**
 * The request's Content-Security-Policy nonce, provided by entry.server.tsx around the server render. In the
 * browser it is empty: browsers hide a nonce from the DOM once the page is parsed, and the scripts already ran.
 */
export const NonceContext = createContext<string>("");

export const useNonce = () => useContext(NonceContext);
