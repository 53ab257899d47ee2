// Outputs as functions of a stored run: terminal lines now; HTML, JUnit and JSON reports.
export { terminalReporter, describeEvent, at } from './terminal.js';
export { writeReports, readReportInput, type ReportPaths, type WriteReportsOptions } from './write.js';
export { type ReportInput, type LogExcerpt, type LogLine, QUESTIONS } from './input.js';
export { buildReport, renderJson } from './json.js';
export { REPORT_FORMAT, REPORT_VERSION, REPORT_SCHEMA, reportSchema, type ReportDocument, type JsonSchema } from './schema.js';
export { validateReport } from './validate.js';
export { renderJunit } from './junit.js';
export { renderHtml } from './html/render.js';
export { syntheticRun } from './synthetic.js';
export { escText, escAttr } from './escape.js';
