import { isJsonObject, type JsonObject, type JsonValue } from '../state/json.js';

/** A value the way sysinfo's shell code writes it inline: `{"k": v, "k2": v2}`, `["a", "b"]`. */
function inline(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  if (isJsonObject(value)) {
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`)
      .join(', ')}}`;
  }
  return JSON.stringify(value);
}

/**
 * sysinfo's output layout: hand-printed JSON with 2-space indentation where each entry of a
 * nested object (Disks, Network Interfaces, ...) whose value is itself an object sits on one
 * line, scalar entries (Boot Parameters) one per line, and an empty object as `{` + `  }`.
 */
export function formatSysinfo(info: JsonObject): string {
  const lines = Object.entries(info).map(([key, value]) => {
    const name = `  ${JSON.stringify(key)}: `;
    if (!isJsonObject(value)) return name + inline(value);
    const entries = Object.entries(value).map(([k, v]) => `    ${JSON.stringify(k)}: ${inline(v)}`);
    return `${name}{\n${entries.length > 0 ? `${entries.join(',\n')}\n` : ''}  }`;
  });
  return `{\n${lines.join(',\n')}\n}\n`;
}
