import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { signOutCookie } from "~/sessions.server";
import { assertSameOrigin } from "~/utils/sameOrigin.server";

/** Signing out is a POST (a link could be followed by a prefetch or another site); GET goes to the sign-in page. */
export async function loader() {
  return redirect("/login");
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  return redirect("/", { status: 303, headers: { "Set-Cookie": await signOutCookie(request) } });
}
