import { getSql } from "~/db.server";
import * as throttle from "../../db/loginThrottle";

/** The sign-in throttle on this process's database, shared with every instance on it (db/loginThrottle.ts). */
export const retryAfterSeconds = async (account: string, address: string) =>
  throttle.retryAfterSeconds(await getSql(), account, address);

/** Counts a failure; resolves to how long to hold the answer back. */
export const noteFailure = async (account: string, address: string) =>
  throttle.noteFailure(await getSql(), account, address);

export const noteSuccess = async (account: string) => throttle.noteSuccess(await getSql(), account);

/** For tests. */
export const resetThrottle = async () => throttle.resetThrottle(await getSql());
