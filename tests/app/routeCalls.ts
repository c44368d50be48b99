import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import type { DbHandle } from "../../db/client";

export type Action = (args: ActionFunctionArgs) => Promise<Response>;
export type Loader = (args: LoaderFunctionArgs) => Promise<Response>;

/** A loader's or action's answer, returned or thrown: Remix throws redirects and error pages as Responses. */
export async function settle(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** The cookie a signed-in user's requests carry, made as /login makes it. */
export async function sessionCookieOf(db: DbHandle, name: string): Promise<string> {
  const { signInCookie } = await import("~/sessions.server");
  const row = db.sqlite.prepare("SELECT id, session_epoch AS epoch FROM users WHERE name = ?").get(name) as {
    id: number;
    epoch: number;
  };
  return (await signInCookie(new Request("http://localhost/"), row)).split(";")[0];
}

/** What /export/FILE answers for a full address, called through its loader as Remix calls it. */
export async function exportResponse(address: string): Promise<Response> {
  const { loader } = await import("~/routes/export.$file");
  const url = new URL(address);
  return (await loader({
    request: new Request(url),
    params: { file: url.pathname.replace("/export/", "") },
    context: {},
  })) as Response;
}
