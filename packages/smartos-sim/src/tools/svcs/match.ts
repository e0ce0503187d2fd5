// How svcs and svcadm turn an operand into instances (illumos libscf scf_walk_fmri): a full
// FMRI, an FMRI without instance (all its instances), an abbreviation matching the last
// components at a `/` or `:` boundary (`ssh`, `network/ssh`, `ssh:default`, `sendmail`),
// or an fnmatch(5) glob.
export function fmriMatches(pattern: string, fmri: string): boolean {
  if (/[*?[]/.test(pattern)) {
    const full = pattern.startsWith('svc:') || pattern.startsWith('lrc:') ? pattern : `svc:/${pattern}`;
    return glob(full).test(fmri) || glob(pattern).test(fmri);
  }
  const bare = pattern.replace(/^svc:\/?/, '').replace(/^\//, '');
  const path = fmri.replace(/^svc:\//, '');
  const service = path.replace(/:[^:/]*$/, '');
  if (pattern.startsWith('svc:')) return path === bare || service === bare;
  return [path, service].some((p) => p === bare || p.endsWith(`/${bare}`)) || path.endsWith(`:${bare}`);
}

function glob(pattern: string): RegExp {
  let re = '';
  for (const c of pattern) {
    if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else re += c.replace(/[.+^${}()|\\/[\]]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** `Pattern 'x' doesn't match any instances` (libscf SCF_MSG_PATTERN_NOINSTANCE). */
export function noMatch(tool: string, pattern: string): string {
  return `${tool}: Pattern '${pattern}' doesn't match any instances`;
}
