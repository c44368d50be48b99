import type { Segment } from "~/utils/highlight";

/** Consecutive pieces of the same sentences, so a sentence is one highlight with its figures inside. */
function sentenceRuns(segments: Segment[]) {
  const runs: Array<{ start: number; factIds: number[]; anchors: number[]; segments: Segment[] }> = [];
  let offset = 0;
  for (const s of segments) {
    const last = runs.at(-1);
    if (last && last.factIds.join() === s.factIds.join()) {
      last.segments.push(s);
      last.anchors.push(...s.anchors);
    } else runs.push({ start: offset, factIds: s.factIds, anchors: [...s.anchors], segments: [s] });
    offset += s.text.length;
  }
  return runs;
}

/**
 * An article's text with each fact's sentence highlighted and its figure in bold (the article page, and an
 * upload's preview before anything is stored); `#${anchor}N` lands on fact N's sentence. Text is rendered as React
 * text nodes, so HTML or script in an article is shown, never run.
 */
export function HighlightedText({ segments, anchor = "fact-" }: { segments: Segment[]; anchor?: string }) {
  return (
    <div className="article-text">
      {sentenceRuns(segments).map((run) => {
        const key = `${run.start}`;
        const body = run.segments.map((s, i) =>
          s.figure ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: pieces of one sentence never move
            <strong key={i} className="figure">
              {s.text}
            </strong>
          ) : (
            s.text
          ),
        );
        if (!run.factIds.length) return <span key={key}>{body}</span>;
        return (
          <mark key={key} className="fact-sentence" data-facts={run.factIds.join(" ")}>
            {run.anchors.map((id) => (
              <span key={id} id={`${anchor}${id}`} className="anchor" />
            ))}
            {body}
          </mark>
        );
      })}
    </div>
  );
}
