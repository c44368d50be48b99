import { beforeEach } from "vitest";
import { reportOpenPages } from "./browser";

// Every browser test that fails says what its open pages showed (browser.ts), so a failure seen only on CI can be read.
beforeEach(({ onTestFailed, task }) => {
  onTestFailed(() => reportOpenPages(task.name));
});
