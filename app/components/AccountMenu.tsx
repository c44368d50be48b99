import { Form, Link } from "@remix-run/react";
import { SubmitButton } from "./Pending";

export interface HeaderUser {
  name: string;
  role: string;
}

/** The header's account corner: who is signed in and a sign-out button (a form: works without scripts). */
export function AccountMenu({ user }: { user: HeaderUser | null }) {
  return (
    <nav className="account" aria-label="Account">
      <Link to="/review">Review</Link>
      {user ? (
        <>
          {user.role !== "viewer" ? <Link to="/import">Import</Link> : null}
          <Link to="/imports">Imports</Link>
          <Link to="/audit">Audit</Link>
          {user.role === "admin" ? <Link to="/users">Users</Link> : null}
          <span className="account-user">
            {user.name} <span className="account-role">({user.role})</span>
          </span>
          <Form method="post" action="/logout" className="account-signout">
            <SubmitButton action="/logout" pending="Signing out…">
              Sign out
            </SubmitButton>
          </Form>
        </>
      ) : (
        <Link to="/login">Sign in</Link>
      )}
    </nav>
  );
}
