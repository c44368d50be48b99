import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";

const TITLES: Record<number, string> = {
  400: "That address has a mistake",
  401: "Sign in first",
  403: "Not allowed",
  404: "Not found",
  503: "Busy: try again in a moment",
};

/** Every route's error boundary: says what went wrong in words, keeps the site's header, offers a way back. */
export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error)) {
    const message =
      typeof error.data === "object" && error.data && "message" in error.data
        ? String((error.data as { message: unknown }).message)
        : String(error.data || error.statusText);
    return (
      <section className="error" data-status={error.status}>
        <h1>{TITLES[error.status] ?? "Sorry"}</h1>
        <p>
          {error.status} {error.statusText}: {message}
        </p>
        <p>
          <Link to="/">Back to the overview</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="error" data-status={500}>
      <h1>Sorry</h1>
      <p>Something went wrong on our side. Try again, or go back to the overview.</p>
      <p>
        <Link to="/">Back to the overview</Link>
      </p>
    </section>
  );
}
