// Facts about processes we started: pid identity (start time), group kills, marks that find what left its
// group, and the keeper that kills all of it if crashtest itself dies. A leaf: it imports no other crashtest folder.
export { readIdentity, isSameProcess, groupMembers, type ProcessIdentity } from './pid-identity.js';
export { killGroup, waitGroupGone, type KillResult } from './kill-group.js';
export { OrphanReaper, type AdoptedVolume } from './orphan-reaper.js';
export { MARK_VARIABLE, markOf, runMarkPrefix, readMark, findMarked, type MarkedProcess } from './marks.js';
export { killMarked } from './kill-marked.js';
