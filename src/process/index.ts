// Facts about processes we started: pid identity (start time), group kills, and the keeper that
// kills every registered group if crashtest itself dies. A leaf: it imports no other crashtest folder.
export { readIdentity, isSameProcess, groupMembers, type ProcessIdentity } from './pid-identity.js';
export { killGroup, waitGroupGone, type KillResult } from './kill-group.js';
export { OrphanReaper, type AdoptedVolume } from './orphan-reaper.js';
