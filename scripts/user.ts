import { type OpenedDatabase, openChosenDatabase } from "../db/open";
import { ROLES } from "../db/schema";
import type { Sql } from "../db/sql";
import { addUser, isRole, listUsers, removeUser, setPassword, setRole, UserError } from "../db/users";

const USAGE = `Usage: npm run user -- COMMAND
  add NAME --role viewer|analyst|admin   create a user; the password is read from standard input
  passwd NAME                            set a new password (read the same way); signs the user out everywhere
  role NAME --role viewer|analyst|admin  change a user's role
  remove NAME                            delete a user
  list                                   names, roles and when each was created

On a terminal the password is asked for twice, without echo. Otherwise the first line of standard input is the
password (for example: printf '%s\\n' "$PASSWORD" | npm run user -- add ana --role analyst).`;

const BY = "(command line)";

class UsageError extends Error {}

/** Reads one line typed on the terminal without showing it. */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const input = process.stdin;
    process.stderr.write(question);
    input.setRawMode(true);
    input.resume();
    input.setEncoding("utf8");
    let typed = "";
    const done = (err?: Error) => {
      input.setRawMode(false);
      input.pause();
      input.off("data", onData);
      process.stderr.write("\n");
      if (err) reject(err);
      else resolve(typed);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n") return done();
        if (ch === "\u0003" || ch === "\u0004") return done(new UserError("cancelled"));
        if (ch === "\u007f" || ch === "\b") typed = [...typed].slice(0, -1).join("");
        else if (ch >= " ") typed += ch;
      }
    };
    input.on("data", onData);
  });
}

/** The first line of standard input, without its line ending. */
async function readPiped(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text.split(/\r?\n/)[0] ?? "";
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const password = await readPiped();
    if (!password) throw new UserError("no password on standard input (its first line is the password)");
    return password;
  }
  const first = await promptHidden("Password: ");
  const again = await promptHidden("Password again: ");
  if (first !== again) throw new UserError("the two passwords differ; nothing changed");
  return first;
}

function roleOption(args: string[]) {
  const at = args.indexOf("--role");
  const value = at === -1 ? undefined : args[at + 1];
  if (!value) throw new UsageError("--role is required");
  if (!isRole(value)) throw new UsageError(`--role is one of ${ROLES.join(", ")}, not "${value.slice(0, 40)}"`);
  return value;
}

function nameArgument(args: string[]): string {
  const name = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--role");
  if (!name) throw new UsageError("a user NAME is required");
  return name;
}

async function run(handle: Sql, [command, ...args]: string[]): Promise<string> {
  switch (command) {
    case "add": {
      const name = nameArgument(args);
      const role = roleOption(args);
      await addUser(handle, name, role, await readPassword(), BY);
      return `Added ${name} (${role}).`;
    }
    case "passwd": {
      const name = nameArgument(args);
      await setPassword(handle, name, await readPassword(), BY);
      return `Password of ${name} changed; the sessions signed in with the old one are over.`;
    }
    case "role": {
      const name = nameArgument(args);
      const role = roleOption(args);
      await setRole(handle, name, role, BY);
      return `${name} is now ${role === "admin" ? "an" : "a"} ${role}.`;
    }
    case "remove": {
      const name = nameArgument(args);
      await removeUser(handle, name, BY);
      return `Removed ${name}.`;
    }
    case "list": {
      const rows = await listUsers(handle);
      if (!rows.length) return "No users yet: npm run user -- add NAME --role analyst";
      const width = Math.max(4, ...rows.map((r) => r.name.length));
      return [
        `${"name".padEnd(width)}  role     created`,
        ...rows.map(
          (r) => `${r.name.padEnd(width)}  ${r.role.padEnd(7)}  ${r.createdAt.slice(0, 19).replace("T", " ")}`,
        ),
      ].join("\n");
    }
    default:
      throw new UsageError(command ? `unknown command "${command.slice(0, 40)}"` : "a command is required");
  }
}

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === "--help" || args[0] === "-h") {
    console.log(USAGE);
    return;
  }
  let opened: OpenedDatabase | undefined;
  try {
    opened = await openChosenDatabase();
    console.log(await run(opened.sql, args));
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`${err.message}\n\n${USAGE}`);
      process.exitCode = 2;
    } else if (err instanceof UserError) {
      console.error(`Nothing changed: ${err.message}.`);
      process.exitCode = 1;
    } else throw err;
  } finally {
    await opened?.close();
  }
}

await main();
