import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type DbHandle, openDatabase } from "../../db/client";
import { addUser } from "../../db/users";
import { importFiles } from "../../importers/run/importFiles";
import { seedTemporaryDatabase } from "./dbSetup";
import { type Action, type Loader, sessionCookieOf, settle } from "./routeCalls";

/**
 * Reviewing facts end to end below the browser: the queue, the action's role and origin checks, what a rejection
 * and a correction do to the charts and exports, the audit trail, and re-imports that keep every decision.
 */
let cleanup: () => void;
let work: string;
/** A second connection, as the import command would have: the server's own connections must see its commits. */
let importer: DbHandle;
let cookies: Record<string, string>;

const RENAULT = "seeds/000_c0781cebfd980f41.txt";

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "figures-review-"));
  // A copy of the Renault seed, one line longer (the same bytes would be the seed's own article), under its own
  // path, so it can be changed and imported again.
  writeFileSync(join(work, "renault.txt"), `${readFileSync(RENAULT, "utf8")}\nA line of the copy.\n`);
  cleanup = await seedTemporaryDatabase([work]);
  importer = openDatabase();
  await addUser(importer.sql, "ana", "analyst", "analyst-pass-1", "test");
  await addUser(importer.sql, "vic", "viewer", "viewer-pass-1", "test");
  cookies = {};
  for (const name of ["ana", "vic"]) cookies[name] = await sessionCookieOf(importer, name);
}, 60_000);
afterAll(async () => {
  importer?.sqlite.close();
  cleanup?.();
  rmSync(work, { recursive: true, force: true });
});

async function review(user: string | null, fields: Record<string, string>, headers: Record<string, string> = {}) {
  const { action } = (await import("~/routes/review")) as unknown as { action: Action };
  const request = new Request("http://localhost/review", {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Host: "localhost",
      ...(user ? { Cookie: cookies[user] } : {}),
      ...headers,
    },
    body: new URLSearchParams(fields).toString(),
  });
  return settle(() => action({ request, params: {}, context: {} }));
}

async function queue(url = "/review", user = "ana") {
  const { loader } = (await import("~/routes/review")) as unknown as { loader: Loader };
  const res = await loader({
    request: new Request(`http://localhost${url}`, { headers: { Cookie: cookies[user] } }),
    params: {},
    context: {},
  });
  return res.json();
}

/** The work copy's article id (the seed's own copy is another article with the same facts). */
function workArticleId(): number {
  return (
    importer.sqlite
      .prepare("SELECT id FROM articles WHERE source_path LIKE ?")
      .get(`%${work.split("/").pop()}/renault.txt`) as {
      id: number;
    }
  ).id;
}

function factIdOf(articleId: number, low: number): number {
  return (
    importer.sqlite.prepare("SELECT id FROM facts WHERE article_id = ? AND low = ?").get(articleId, low) as {
      id: number;
    }
  ).id;
}

async function revenueCsv(): Promise<string> {
  const { loader } = await import("~/routes/export.$file");
  const res = (await loader({
    request: new Request("http://localhost/export/revenue.csv?company=renault"),
    params: { file: "revenue.csv" },
    context: {},
  })) as Response;
  return res.text();
}

async function renaultRevenue(): Promise<Array<{ label: string; low: number; sources: number }>> {
  const { loader } = (await import("~/routes/companies.$slug")) as unknown as { loader: Loader };
  const res = await loader({
    request: new Request("http://localhost/companies/renault"),
    params: { slug: "renault" },
    context: {},
  });
  const data = await res.json();
  return data.revenue[0].points.map((p: { label: string; low: number; sourceCount?: number; sources: unknown[] }) => ({
    label: p.label,
    low: p.low,
    sources: p.sourceCount ?? p.sources.length,
  }));
}

describe("the review queue", () => {
  test("lists unreviewed facts with their sentence cut around the figure, most doubtful first", async () => {
    const d = await queue();
    expect(d.queue.total).toBeGreaterThan(8);
    const scores = d.queue.items.map((i: { doubts: string[] }) =>
      i.doubts.reduce((s: number, x: string) => s + (x === "conflict" ? 2 : 1), 0),
    );
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const revenue = d.queue.items.find((i: { figure: string }) => i.figure.includes("40.68"));
    expect(revenue.sentenceBefore + revenue.figure + revenue.sentenceAfter).toBe(
      "Renault posted revenues of €40.68 billion for 2007 and €37.79 billion in 2008.",
    );
    expect(d.canReview).toBe(true);
  });

  test("filters by kind, company and article; a viewer sees the queue without buttons", async () => {
    const byKind = await queue("/review?kind=stake");
    expect(byKind.queue.items.every((i: { kind: string }) => i.kind === "stake")).toBe(true);
    const byArticle = await queue(`/review?article=${workArticleId()}`);
    expect(byArticle.queue.items.every((i: { articleId: number }) => i.articleId === workArticleId())).toBe(true);
    const byCompany = await queue("/review?company=Renault");
    expect(byCompany.queue.items.every((i: { company: string }) => i.company === "Renault")).toBe(true);
    expect((await queue("/review", "vic")).canReview).toBe(false);
  });
});

describe("reviewing", () => {
  test("a viewer, a visitor and another site are refused; mistakes are 400s and a missing fact a 404", async () => {
    const id = factIdOf(workArticleId(), 40680000000);
    const viewer = await review("vic", { intent: "reject", factId: String(id) });
    expect(viewer.status).toBe(403);
    expect((await viewer.json()).message).toBe(
      "Reviewing facts needs the analyst role; you are signed in as vic, a viewer.",
    );
    expect((await review(null, { intent: "reject", factId: String(id) })).status).toBe(403);
    expect(
      (await review("ana", { intent: "reject", factId: String(id) }, { Origin: "https://evil.example" })).status,
    ).toBe(403);
    expect((await review("ana", { intent: "delete", factId: String(id) })).status).toBe(400);
    expect((await review("ana", { intent: "confirm", factId: "abc" })).status).toBe(400);
    expect((await review("ana", { intent: "confirm", factId: "999999" })).status).toBe(404);
    expect(
      (
        await review("ana", {
          intent: "correct",
          factId: String(id),
          company: "Renault",
          low: "5",
          high: "4",
          unit: "EUR",
          status: "actual",
        })
      ).status,
    ).toBe(400);
    expect(factIdOf(workArticleId(), 40680000000)).toBe(id);
  });

  test("a rejected fact leaves the chart, the export and the queue; the audit trail says who and what", async () => {
    const before = await renaultRevenue();
    const id = factIdOf(workArticleId(), 40680000000);
    const res = await review("ana", { intent: "reject", factId: String(id), back: "/review?kind=revenue" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/review?kind=revenue");
    const after = await renaultRevenue();
    const y2007 = (points: typeof before) => points.find((p) => p.label === "2007")!;
    expect(y2007(after).sources).toBe(y2007(before).sources - 1);
    const ids = (await queue()).queue.items.map((i: { id: number }) => i.id);
    expect(ids).not.toContain(id);

    const { loader } = (await import("~/routes/audit")) as unknown as { loader: Loader };
    const audit = await (
      await loader({
        request: new Request("http://localhost/audit", { headers: { Cookie: cookies.vic } }),
        params: {},
        context: {},
      })
    ).json();
    const row = audit.rows[0];
    expect(row.userName).toBe("ana");
    expect(row.action).toBe("fact.reject");
    expect(row.changes).toContainEqual({ field: "review", before: "machine", after: "rejected" });

    const csvRoute = (await import("~/routes/audit[.]csv")) as unknown as { loader: Loader };
    const csv = await csvRoute.loader({
      request: new Request("http://localhost/audit.csv", { headers: { Cookie: cookies.vic } }),
      params: {},
      context: {},
    });
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString("utf8").split("\r\n");
    expect(lines[0]).toBe("when (UTC),who,action,subject,changes");
    expect(lines[1]).toMatch(
      /^\d{4}-[^,]+,ana,fact\.reject,"fact \d+ \(revenue of Renault, 2007 FY: 40680000000 EUR\) in article \d+",review: machine → rejected$/,
    );
    const anonymous = await csvRoute.loader({
      request: new Request("http://localhost/audit.csv"),
      params: {},
      context: {},
    });
    expect(anonymous.status).toBe(403);
  });

  test("rejecting every copy of a figure takes it out of the export CSV", async () => {
    for (const row of importer.sqlite.prepare("SELECT id FROM facts WHERE low = 37790000000").all() as Array<{
      id: number;
    }>) {
      expect((await review("ana", { intent: "reject", factId: String(row.id) })).status).toBe(303);
    }
    const csv = await revenueCsv();
    expect(csv).toContain("40680000000");
    expect(csv).not.toContain("37790000000");
  });

  test("a correction changes the figure everywhere; the queue no longer lists it", async () => {
    const id = factIdOf(workArticleId(), -20);
    const res = await review("ana", {
      intent: "correct",
      factId: String(id),
      company: "Renault",
      market: "",
      year: "2008",
      period: "9M",
      low: "-21",
      high: "-21",
      unit: "percent",
      status: "actual",
    });
    expect(res.status).toBe(303);
    const changes = await apiFacts("revenue_change");
    expect(changes.find((f) => f.id === id)).toMatchObject({ low: -21, high: -21, period: "9M", year: 2008 });
    const stored = importer.sqlite.prepare("SELECT state, original FROM fact_reviews WHERE fact_id = ?").get(id) as {
      state: string;
      original: string;
    };
    expect(stored.state).toBe("corrected");
    expect(JSON.parse(stored.original)).toMatchObject({ low: -20, high: -20 });
  });
});

async function apiFacts(
  kind: string,
): Promise<Array<{ id: number; low: number; high: number; year: number; period: string }>> {
  const { loader } = (await import("~/routes/api.facts")) as unknown as { loader: Loader };
  const res = await loader({
    request: new Request(`http://localhost/api/facts?company=renault&kind=${kind}`),
    params: {},
    context: {},
  });
  return (await res.json()).facts;
}

describe("re-importing an article keeps its reviews", () => {
  test("a changed file: the rejection and the correction are applied to the new facts", async () => {
    const path = join(work, "renault.txt");
    writeFileSync(path, `${readFileSync(path, "utf8")}Another line, so the bytes change.\n`);
    const oldId = workArticleId();
    const report = await importFiles(importer, [path]);
    expect(report.errors).toEqual([]);
    const newId = workArticleId();
    expect(newId).not.toBe(oldId);
    const lows = (
      importer.sqlite.prepare("SELECT low FROM facts WHERE article_id = ?").all(newId) as Array<{ low: number }>
    ).map((r) => r.low);
    expect(lows).not.toContain(40680000000);
    expect(lows).not.toContain(37790000000);
    expect(lows).toContain(-21);
    expect(lows).not.toContain(-20);
    const d = await queue();
    expect(d.unmatched).toEqual([]);
    expect(
      d.queue.items.some(
        (i: { articleId: number; figure: string }) => i.articleId === newId && i.figure.includes("40.68"),
      ),
    ).toBe(false);
  });

  test("a review whose sentence is gone is kept and listed, not dropped", async () => {
    const path = join(work, "renault.txt");
    const text = readFileSync(path, "utf8").replace(/Renault's revenue for the first nine months[^\n]*\n/, "");
    writeFileSync(path, text);
    await importFiles(importer, [path]);
    const d = await queue();
    expect(d.unmatched).toHaveLength(1);
    expect(d.unmatched[0]).toMatchObject({
      state: "corrected",
      kind: "revenue_change",
      company: "Renault",
      userName: "ana",
    });
    expect(d.unmatched[0].quote).toContain("first nine months");
    const kept = importer.sqlite.prepare("SELECT count(*) AS n FROM fact_reviews").get() as { n: number };
    expect(kept.n).toBe(4);
  });
});

describe("a review and an import at the same time", () => {
  test("lose neither: every review is stored and every article imported", async () => {
    const folder = join(work, "many");
    mkdirSync(folder);
    for (let i = 0; i < 300; i++) {
      writeFileSync(
        join(folder, `a${i}.txt`),
        `Firm ${i} results\n\nKestrel${i} Holdings posted revenues of $${(i % 9) + 1}.${i % 10} billion for 2015 and $${(i % 7) + 2}.1 billion in 2016.\n`,
      );
    }
    const child = spawn(join(process.cwd(), "node_modules", ".bin", "tsx"), ["importers/cli/import.ts", folder], {
      env: process.env,
      stdio: "ignore",
    });
    let done = false;
    const exited = new Promise<number | null>((resolve) =>
      child.on("exit", (code) => {
        done = true;
        resolve(code);
      }),
    );
    const { applyReview } = await import("~/models/reviews.server");
    const facts = importer.sqlite
      .prepare("SELECT id FROM facts WHERE id NOT IN (SELECT fact_id FROM fact_reviews WHERE fact_id IS NOT NULL)")
      .all() as Array<{ id: number }>;
    const countIn = importer.sqlite.prepare("SELECT count(*) AS n FROM articles WHERE source_path LIKE ?");
    let reviews = 0;
    let duringImport = 0;
    while (!done) {
      await applyReview("ana-concurrent", facts[reviews % facts.length].id, { action: "confirm" });
      reviews++;
      const n = (countIn.get(`${folder}%`) as { n: number }).n;
      if (n > 0 && n < 300) duringImport++;
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(await exited).toBe(0);
    // The import's commits and the reviews interleaved: some reviews were written between two of its batches.
    expect(duringImport).toBeGreaterThan(0);
    const audited = importer.sqlite
      .prepare("SELECT count(*) AS n FROM audit_log WHERE user_name = 'ana-concurrent'")
      .get() as { n: number };
    expect(audited.n).toBe(reviews);
    const confirmed = importer.sqlite
      .prepare("SELECT count(*) AS n FROM fact_reviews WHERE user_name = 'ana-concurrent' AND state = 'confirmed'")
      .get() as { n: number };
    expect(confirmed.n).toBe(Math.min(reviews, facts.length));
    const imported = importer.sqlite
      .prepare("SELECT count(*) AS n FROM articles WHERE source_path LIKE ?")
      .get(`${folder}%`) as { n: number };
    expect(imported.n).toBe(300);
  }, 60_000);
});

describe("undoing a rejection", () => {
  test("a rejected fact is listed for analysts and restored as the extractor wrote it, audited", async () => {
    const d = await queue();
    const listed = d.rejected.find(
      (r: { company: string; low: number; articleId: number }) =>
        r.low === 40680000000 && r.articleId === workArticleId(),
    );
    expect(listed).toMatchObject({ kind: "revenue", company: "Renault", userName: "ana" });
    expect((await queue("/review", "vic")).rejected).toEqual([]);
    expect((await review("vic", { intent: "restore", reviewId: String(listed.id) })).status).toBe(403);
    const res = await review("ana", { intent: "restore", reviewId: String(listed.id) });
    expect(res.status).toBe(303);
    expect(factIdOf(workArticleId(), 40680000000)).toBeGreaterThan(0);
    const after = await queue(`/review?article=${workArticleId()}`);
    expect(after.queue.items.some((i: { figure: string }) => i.figure.includes("40.68"))).toBe(true);
    expect(after.rejected.some((r: { id: number }) => r.id === listed.id)).toBe(false);
    const last = importer.sqlite
      .prepare("SELECT action, user_name AS who FROM audit_log ORDER BY id DESC LIMIT 1")
      .get();
    expect(last).toEqual({ action: "fact.restore", who: "ana" });
    expect((await review("ana", { intent: "restore", reviewId: String(listed.id) })).status).toBe(404);
  });
});

describe("adding a fact the extractor missed", () => {
  const SENTENCE = "Renault already shares parts and some vehicle development with Nissan.";

  async function add(user: string, fields: Record<string, string>) {
    const { action } = (await import("~/routes/articles.$id")) as unknown as { action: Action };
    const request = new Request(`http://localhost/articles/${workArticleId()}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Host: "localhost", Cookie: cookies[user] },
      body: new URLSearchParams(fields).toString(),
    });
    return settle(() => action({ request, params: { id: String(workArticleId()) }, context: {} }));
  }

  const fields = {
    intent: "add",
    kind: "stake",
    quote: SENTENCE,
    figure: "",
    company: "Renault",
    counterparty: "Nissan",
    year: "2009",
    low: "44",
    high: "44",
    unit: "percent",
    status: "actual",
  };

  test("an analyst adds one from the article's words; it is charted, audited, and survives a re-import", async () => {
    expect((await add("vic", fields)).status).toBe(403);
    const wrong = await add("ana", { ...fields, quote: "Words the article never wrote." });
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).message).toContain("must be words of the article's text");
    const res = await add("ana", fields);
    expect(res.status).toBe(303);
    const factId = Number(/#fact-(\d+)$/.exec(res.headers.get("location") ?? "")?.[1]);
    const stakes = await apiFacts("stake");
    expect(stakes.find((f) => f.id === factId)).toMatchObject({ low: 44, year: 2009 });
    const last = importer.sqlite.prepare("SELECT action FROM audit_log ORDER BY id DESC LIMIT 1").get();
    expect(last).toEqual({ action: "fact.add" });

    const path = join(work, "renault.txt");
    writeFileSync(path, `Added by the wire.\n${readFileSync(path, "utf8")}`);
    await importFiles(importer, [path]);
    const again = importer.sqlite
      .prepare("SELECT f.id, f.quote, f.start FROM facts f WHERE f.article_id = ? AND f.low = 44")
      .get(workArticleId()) as { id: number; quote: string; start: number };
    expect(again.quote).toBe(SENTENCE);
    const text = (
      importer.sqlite.prepare("SELECT cleaned_text AS t FROM articles WHERE id = ?").get(workArticleId()) as {
        t: string;
      }
    ).t;
    expect(text.slice(again.start, again.start + SENTENCE.length)).toBe(SENTENCE);
    const addedReview = importer.sqlite
      .prepare("SELECT state, fact_id AS factId FROM fact_reviews WHERE state = 'added'")
      .get();
    expect(addedReview).toEqual({ state: "added", factId: again.id });

    // Rejecting a fact a person added removes it and its review: nothing of the extractor's is left to find.
    expect((await review("ana", { intent: "reject", factId: String(again.id) })).status).toBe(303);
    expect(importer.sqlite.prepare("SELECT count(*) AS n FROM fact_reviews WHERE state = 'added'").get()).toEqual({
      n: 0,
    });
    expect((await apiFacts("stake")).some((f) => f.low === 44)).toBe(false);
  });
});

describe("npm run reextract", () => {
  test("rewrites every article's facts with the extractor and applies the reviews again", async () => {
    const before = importer.sqlite
      .prepare("SELECT kind, low, high, year, period FROM facts ORDER BY article_id, start, kind, low")
      .all();
    const idsBefore = (importer.sqlite.prepare("SELECT max(id) AS n FROM facts").get() as { n: number }).n;
    const run = spawnSync(join(process.cwd(), "node_modules", ".bin", "tsx"), ["scripts/reextract.ts"], {
      env: process.env,
      encoding: "utf8",
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Articles re-extracted: (\d+) of \1\n/);
    // New rows (new ids), the same facts: rejected ones still out, corrected ones still corrected.
    expect((importer.sqlite.prepare("SELECT min(id) AS n FROM facts").get() as { n: number }).n).toBeGreaterThan(
      idsBefore,
    );
    const after = importer.sqlite
      .prepare("SELECT kind, low, high, year, period FROM facts ORDER BY article_id, start, kind, low")
      .all();
    expect(after).toEqual(before);
    expect(after).not.toContainEqual(expect.objectContaining({ low: 37790000000 }));
  }, 60_000);
});
