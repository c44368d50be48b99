import {
  type ActionFunctionArgs,
  type HeadersFunction,
  json,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { SubmitButton } from "~/components/Pending";
import { RouteError } from "~/components/RouteError";
import { noteFailure, noteSuccess, retryAfterSeconds } from "~/models/loginThrottle.server";
import { checkCredentials } from "~/models/users.server";
import { currentUser, readingClosed, signInCookie } from "~/sessions.server";
import { clientAddress } from "~/utils/clientAddress.server";
import { nextPath, parseForm } from "~/utils/forms.server";
import { assertSameOrigin } from "~/utils/sameOrigin.server";

export const meta: MetaFunction = () => [{ title: "Sign in — Financial figures" }];

/** A document's headers are the route's, not its action's: without this a 429 reached the browser without Retry-After. */
export const headers: HeadersFunction = ({ actionHeaders, parentHeaders }) => {
  const out = new Headers(parentHeaders);
  const retry = actionHeaders.get("Retry-After");
  if (retry) out.set("Retry-After", retry);
  return out;
};

const LOGIN_QUERY = z.object({ next: nextPath });

const LOGIN_FORM = z.object({
  username: z.string({ required_error: "enter your user name" }).max(64, "a user name is at most 64 characters"),
  // Long enough for any password bcrypt reads; the limit only stops a megabyte being hashed.
  password: z.string({ required_error: "enter your password" }).max(1024, "that password is too long"),
  next: nextPath,
});

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const { next } = LOGIN_QUERY.parse({ next: url.searchParams.get("next") ?? undefined });
  const user = await currentUser(request);
  return json({ user, next, closed: readingClosed() });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const form = await parseForm(request, LOGIN_FORM);
  const address = clientAddress(context);
  const wait = await retryAfterSeconds(form.username, address);
  if (wait > 0) {
    return json(
      { error: `Too many failed sign-ins for this account or from this address. Try again in ${wait} s.` },
      { status: 429, headers: { "Retry-After": String(wait) } },
    );
  }
  const user = await checkCredentials(form.username, form.password);
  if (!user) {
    // Held back longer after each failure, per account and per address, counted in the database so that every
    // instance counts the same failures (db/loginThrottle.ts).
    await sleep(await noteFailure(form.username, address));
    return json({ error: "Wrong user name or password." }, { status: 401 });
  }
  await noteSuccess(form.username);
  return redirect(form.next, { status: 303, headers: { "Set-Cookie": await signInCookie(request, user) } });
}

export default function Login() {
  const { user, next, closed } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="login">
      <h1>Sign in</h1>
      {user ? (
        <p>
          You are signed in as <strong>{user.name}</strong> ({user.role}).
        </p>
      ) : closed ? (
        <p>This dashboard is open to signed-in users only.</p>
      ) : null}
      {result?.error ? (
        <p className="form-error" role="alert">
          {result.error}
        </p>
      ) : null}
      <Form method="post" className="login-form">
        <input type="hidden" name="next" value={next} />
        <label>
          User name <input name="username" autoComplete="username" required maxLength={64} />
        </label>
        <label>
          Password <input name="password" type="password" autoComplete="current-password" required />
        </label>
        <SubmitButton pending="Signing in…">Sign in</SubmitButton>
      </Form>
      <p className="hint">
        Accounts are made on the server: <code>npm run user -- add NAME --role analyst</code>.
      </p>
    </section>
  );
}

export const ErrorBoundary = RouteError;
