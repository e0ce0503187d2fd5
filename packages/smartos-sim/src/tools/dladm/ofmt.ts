// libofmt as dladm uses it (illumos ofmt.c ofmt_print_field): a table whose non-last
// fields are `%-<width>s` (the width includes the gap) with overflow carried to the next
// field, the last unpadded; or parsable `-p`: `:`-joined, `:` and `\` escaped with `\`
// unless there is a single field.
export interface OfmtField {
  name: string;
  width: number;
}

export function ofmtLine(values: readonly string[], fields: readonly OfmtField[], parsable: boolean): string {
  if (parsable) {
    if (values.length === 1) return values[0] ?? '';
    return values.map((v) => v.replace(/[:\\]/g, '\\$&')).join(':');
  }
  let line = '';
  let overflow = 0;
  values.forEach((value, i) => {
    if (i === values.length - 1) {
      line += value;
      return;
    }
    let width = fields[i]?.width ?? 0;
    if (value.length + overflow >= width) {
      overflow += value.length - width + 1;
      line += `${value} `;
      return;
    }
    if (overflow > 0) {
      const compress = Math.min(overflow, width - value.length);
      overflow -= compress;
      width -= compress;
    }
    line += value.padEnd(width);
  });
  return line;
}
