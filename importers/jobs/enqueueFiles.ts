import { createHash } from "node:crypto";
import { type FileListing, listArticleFiles } from "../run/files";
import { readArticleBytes } from "../run/readArticle";
import type { NewJob } from "./queue";

/**
 * The jobs of an import: one per article file the paths hold, each with the sha256 of its bytes now (null when
 * they cannot be read: the worker will say why, in the words the import always used). What the listing itself
 * refused (missing paths, link loops, special files) never becomes a job.
 */
export function jobsForPaths(paths: string[], maxBytes: number): { jobs: NewJob[]; listing: FileListing } {
  const listing = listArticleFiles(paths);
  const jobs = listing.files.map((f): NewJob => {
    let sha256: string | null = null;
    try {
      sha256 = createHash("sha256").update(readArticleBytes(f.resolved, maxBytes)).digest("hex");
    } catch {
      // Read again by the worker, which reports the reason.
    }
    return { path: f.path, resolved: f.resolved, sha256 };
  });
  return { jobs, listing };
}
