// One error family: every error crashtest raises knows its exit code.
// A failed invariant is not an error: it is a verdict (exit 1), see src/checks.

/** Exit codes, the contract with CI. */
export const ExitCode = {
  /** every invariant held */
  pass: 0,
  /** an invariant failed */
  violated: 1,
  /** bad scenario file or bad command-line usage */
  badInput: 2,
  /** the system under test failed to start (or a binary it needs is missing) */
  systemFailed: 3,
  /** crashtest's own internal error */
  internal: 4,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** Root of crashtest's errors; `detail` is optional extra text shown under the message. */
export class CrashtestError extends Error {
  readonly exitCode: ExitCodeValue;
  readonly detail?: string;
  constructor(message: string, exitCode: ExitCodeValue, detail?: string) {
    super(message);
    this.name = new.target.name;
    this.exitCode = exitCode;
    this.detail = detail;
  }
}

/** The scenario file (or a command-line value) is wrong: exit 2, never a stack trace. */
export class ScenarioError extends CrashtestError {
  constructor(message: string, detail?: string) {
    super(message, ExitCode.badInput, detail);
  }
}

/** The system under test could not be started or made ready: exit 3. */
export class SystemError extends CrashtestError {
  constructor(message: string, detail?: string) {
    super(message, ExitCode.systemFailed, detail);
  }
}

/** Something in crashtest itself went wrong (a bug, or the results database is unusable): exit 4. */
export class HarnessError extends CrashtestError {
  constructor(message: string, detail?: string) {
    super(message, ExitCode.internal, detail);
  }
}
