/** File system errors in words for the import summary: the errno code, not Node's message with its syscall. */
const WORDS: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  ENOENT: "no such file or folder",
  ENOTDIR: "a path component is not a folder",
  ELOOP: "symbolic link loop",
  ENAMETOOLONG: "path too long",
  EISDIR: "is a folder",
  EIO: "input/output error reading the disk",
  EMFILE: "too many open files",
  ENFILE: "too many open files",
  ENXIO: "no reader or device on the other end (a socket or device file)",
  EAGAIN: "would block (a FIFO or device file)",
};

export function fsReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code && WORDS[code]) return WORDS[code];
  return err instanceof Error ? err.message : String(err);
}
