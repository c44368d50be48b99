import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { SubmitButton } from "~/components/Pending";
import { RouteError } from "~/components/RouteError";
import { changeUser, userList } from "~/models/userAdmin.server";
import { requireRole } from "~/sessions.server";
import { parseForm } from "~/utils/forms.server";
import { parseQuery } from "~/utils/params.server";
import { assertSameOrigin } from "~/utils/sameOrigin.server";

export const meta: MetaFunction = () => [{ title: "Users — Financial figures" }];

const WHAT = "Managing users";
const ROLES = ["viewer", "analyst", "admin"] as const;
const name = z.string({ required_error: "a user name is required" }).max(64, "a user name is at most 64 characters");
const role = z.enum(ROLES, { message: "a role is viewer, analyst or admin" });
const password = z.string({ required_error: "a password is required" }).max(1024, "that password is too long");

const USER_FORM = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("add"), name, role, password }),
    z.object({ intent: z.literal("role"), name, role }),
    z.object({ intent: z.literal("passwd"), name, password }),
    z.object({ intent: z.literal("remove"), name }),
  ],
  { errorMap: () => ({ message: "intent is add, role, passwd or remove" }) },
);

export async function loader({ request }: LoaderFunctionArgs) {
  parseQuery(request, z.object({}));
  const me = await requireRole(request, "admin", WHAT);
  return json({ me: me.name, users: await userList() });
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const me = await requireRole(request, "admin", WHAT);
  const form = await parseForm(request, USER_FORM);
  try {
    return json({ ok: await changeUser(me.name, form), error: null });
  } catch (err) {
    // A refused change is said on the page, above the forms, rather than on an error page.
    if (err instanceof Response && err.status === 400) {
      return json({ ok: null, error: String(((await err.json()) as { message: string }).message) }, { status: 400 });
    }
    throw err;
  }
}

export default function Users() {
  const { me, users } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <h1>Users</h1>
      {result?.ok ? <p className="form-note">{result.ok}</p> : null}
      {result?.error ? (
        <p className="form-error" role="alert">
          {result.error}
        </p>
      ) : null}
      <table className="users cards">
        <thead>
          <tr>
            <th>Name</th>
            <th>Role</th>
            <th>Created (UTC)</th>
            <th>New password</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.name} data-user={u.name}>
              <td data-label="Name">{u.name}</td>
              <td data-label="Role">
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="role" />
                  <input type="hidden" name="name" value={u.name} />
                  <select name="role" defaultValue={u.role} aria-label={`Role of ${u.name}`} disabled={u.name === me}>
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {r}
                      </option>
                    ))}
                  </select>{" "}
                  {u.name === me ? null : <SubmitButton>Set role</SubmitButton>}
                </Form>
              </td>
              <td className="num" data-label="Created (UTC)">
                {u.createdAt.slice(0, 16).replace("T", " ")}
              </td>
              <td data-label="New password">
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="passwd" />
                  <input type="hidden" name="name" value={u.name} />
                  <input
                    type="password"
                    name="password"
                    autoComplete="new-password"
                    required
                    minLength={8}
                    aria-label={`New password for ${u.name}`}
                  />{" "}
                  <SubmitButton>Set</SubmitButton>
                </Form>
              </td>
              <td>
                {u.name === me ? (
                  "you"
                ) : (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="remove" />
                    <input type="hidden" name="name" value={u.name} />
                    <SubmitButton>Remove</SubmitButton>
                  </Form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Add a user</h2>
      <Form method="post" className="login-form">
        <input type="hidden" name="intent" value="add" />
        <label>
          Name <input name="name" required maxLength={64} pattern="[A-Za-z0-9][A-Za-z0-9._\-]*" autoComplete="off" />
        </label>
        <label>
          Role{" "}
          <select name="role" defaultValue="viewer">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <label>
          Password <input type="password" name="password" required minLength={8} autoComplete="new-password" />
        </label>
        <SubmitButton pending="Adding…">Add</SubmitButton>
      </Form>
    </>
  );
}

export const ErrorBoundary = RouteError;
