// Outputs as functions of a stored run: terminal lines now; HTML, JUnit and JSON reports.
export { terminalReporter, describeEvent, at } from './terminal.js';
