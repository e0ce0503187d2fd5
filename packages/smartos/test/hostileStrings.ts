/**
 * Arguments a shell would love to interpret. Every transport must deliver each one to the
 * command byte for byte, as one argument. `marker(dir)` strings try to create files in dir:
 * after a run, dir must hold no file named pwned-*.
 */
export function hostileStrings(dir: string): string[] {
  return [
    "a'b",
    "'",
    "''",
    `'\\''`,
    '"',
    `"$HOME"`,
    `$(touch ${dir}/pwned-subst)`,
    `\`touch ${dir}/pwned-backtick\``,
    `; touch ${dir}/pwned-semicolon`,
    `&& touch ${dir}/pwned-and`,
    `| touch ${dir}/pwned-pipe`,
    `> ${dir}/pwned-redirect`,
    `x\ntouch ${dir}/pwned-newline`,
    'x\ny',
    '\n',
    '\r\n',
    '\t',
    ' ',
    '  two  spaces  ',
    '$HOME',
    '${HOME}',
    '$((1+1))',
    '--help',
    '-e',
    // An option to ssh, vmadm or zfs if it ever became an option: must stay one operand.
    `-oProxyCommand=touch ${dir}/pwned-proxycommand`,
    '-F',
    '-',
    '--',
    '*',
    '?',
    '[a-z]*',
    '~',
    '~root',
    'a\\b',
    '\\',
    '\\n',
    '!',
    '!!',
    '#not a comment',
    'FOO=bar',
    'if',
    '{a,b}',
    '%s%n',
    'ünï',
    '日本語',
    '😀',
    '\u0001\u007f',
    '',
  ];
}

/** Prints its arguments as JSON: `[node, -e, ECHO_ARGV, --, ...args]`. */
export const ECHO_ARGV = 'console.log(JSON.stringify(process.argv.slice(1)))';
