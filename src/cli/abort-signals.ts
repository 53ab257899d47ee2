// Ctrl-C (once or again), SIGTERM, SIGHUP (the terminal went away) and SIGQUIT (Ctrl-\) all abort a run
// the same way: every component stopped, the report written, exit 130. None of them kills crashtest outright.
const ABORT_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'];

/** Aborts `abort` on the first of these signals and ignores the later ones (the stop is under way); returns the undo. */
export function abortOnSignals(abort: AbortController): () => void {
  const onSignal = (signal: NodeJS.Signals): void => {
    if (abort.signal.aborted) {
      process.stderr.write(`\n${signal}: already stopping every component, then the report is written…\n`);
      return;
    }
    process.stderr.write(`\n${signal}: stopping every component…\n`);
    abort.abort();
  };
  for (const signal of ABORT_SIGNALS) process.on(signal, onSignal);
  return () => { for (const signal of ABORT_SIGNALS) process.removeListener(signal, onSignal); };
}
