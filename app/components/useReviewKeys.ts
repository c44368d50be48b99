import { useEffect } from "react";

/**
 * Keys for the review queue, as annotation tools have them: j / k (or arrows) move between facts, a confirms,
 * r rejects, e opens the correction form, Escape closes it. Only with scripts: without them every action is an
 * ordinary button. Keys typed into a field are left alone.
 */
export function useReviewKeys() {
  useEffect(() => {
    const items = () => [...document.querySelectorAll<HTMLElement>(".review-item")];
    const current = () => {
      const active = document.activeElement;
      return items().find((el) => el === active || el.contains(active)) ?? null;
    };
    const focus = (el: HTMLElement | undefined) => {
      if (!el) return;
      el.focus();
      el.scrollIntoView({ block: "nearest" });
    };
    if (!current()) focus(items()[0]);
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target as HTMLElement | null;
      const typing = target?.closest("input, select, textarea");
      const item = current();
      if (e.key === "Escape" && item) {
        const edit = item.querySelector<HTMLDetailsElement>("details.review-edit");
        if (edit?.open) {
          edit.open = false;
          item.focus();
          e.preventDefault();
        }
        return;
      }
      if (typing) return;
      const list = items();
      const at = item ? list.indexOf(item) : -1;
      const press = (key: string) => item?.querySelector<HTMLElement>(`[data-key="${key}"]`)?.click();
      switch (e.key) {
        case "j":
        case "ArrowDown":
          focus(list[Math.min(at + 1, list.length - 1)]);
          break;
        case "k":
        case "ArrowUp":
          focus(list[Math.max(at - 1, 0)]);
          break;
        case "a":
          press("confirm");
          break;
        case "r":
          press("reject");
          break;
        case "e": {
          const edit = item?.querySelector<HTMLDetailsElement>("details.review-edit");
          if (!edit) return;
          edit.open = true;
          edit.querySelector<HTMLInputElement>("input[name=company]")?.focus();
          break;
        }
        default:
          return;
      }
      e.preventDefault();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  });
}
