import { ToolOutput, type ToolResult } from '../toolResult.js';

/** vmadm's last word: one message on stderr (success messages too) and the exit code. */
export function printed(message: string, code = 1): ToolResult {
  const out = new ToolOutput();
  out.error(message);
  return out.result(code);
}

// In the vminfod world VM.load of an unknown uuid fails with the vminfod client's error.
export const NOT_FOUND_404 = 'bad statusCode: 404';
