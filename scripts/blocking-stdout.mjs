// Preloaded into every test process by scripts/run-tests.ts (`--import`). With `--test-force-exit`,
// a test file's process can exit while the last results it wrote to its stdout pipe are still
// buffered, and Node's runner then reports fewer tests than ran, with exit code 0
// (nodejs/node#64833; seen here: a CI run lost 4 tests of test/calendar/deadline.test.ts). Writes
// to a blocking pipe are complete when they return, so nothing is left to lose.
for (const stream of [process.stdout, process.stderr]) {
  const handle = /** @type {{ _handle?: { setBlocking?: (b: boolean) => void } }} */ (stream)._handle;
  handle?.setBlocking?.(true);
}
