// crashtest init's engine: the answers a starting scenario needs, the questions that get them, its text.
export { parseComponent, parseExitCodes, parseProbe, parseReady, splitPair, checkName, type InitAnswers, type ComponentAnswer, type ProbeAnswer, type ProbeAnswers } from './answers.js';
export { askMissing } from './ask.js';
export { renderScenario, SCHEMA_LINE } from './render.js';
