import { json, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { AccountMenu } from "./components/AccountMenu";
import { PendingStatus, useBusy } from "./components/Pending";
import { SiteSearch } from "./components/SiteSearch";
import { useNonce } from "./nonce";
import pendingStyles from "./pending.css";
import searchStyles from "./search.css";
import { requireReader } from "./sessions.server";
import styles from "./styles.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "stylesheet", href: searchStyles },
  { rel: "stylesheet", href: pendingStyles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

/** Who is signed in, for the header; with READ_ACCESS=signed-in, a visitor is sent to sign in first. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireReader(request, "page");
  return json({ user: user && { name: user.name, role: user.role } });
}

export function Layout({ children }: { children: ReactNode }) {
  // The Content-Security-Policy admits inline scripts only with this request's nonce (entry.server.tsx).
  const nonce = useNonce();
  // Absent on an error page whose root loader failed: the header then offers to sign in.
  const user = useRouteLoaderData<typeof loader>("root")?.user ?? null;
  // While the next page loads, the old one stays but is marked busy (dimmed, and aria-busy for screen readers).
  const busy = useBusy();
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <header className="site-header">
          <a href="/" className="brand">
            Financial figures
          </a>
          <SiteSearch />
          <AccountMenu user={user} />
          <PendingStatus />
        </header>
        <main aria-busy={busy || undefined}>{children}</main>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}: ${error.data}`
    : "Something went wrong.";
  return (
    <section className="error">
      <h1>Sorry</h1>
      <p>{message}</p>
    </section>
  );
}
