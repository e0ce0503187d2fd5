// `smartos-sim imgapi serve|stop|url`: the host's IMGAPI image server (src/imgapi/).
//
//   serve [--root DIR] [--port N] [--file-mib N]   run it in the foreground until SIGTERM/SIGINT;
//        with a state directory (--root or $SMARTOS_SIM_ROOT) on the host's port, pid in
//        <root>/imgapi/pid (this is what imgadm starts detached); without one, on --port or
//        any free port
//   stop [--root DIR]                              stop the host's daemon
//   url  [--root DIR]                              print the host's server URL (starts it)
import { ensureImageServer, serveImageDaemon, stopImageServer } from '../imgapi/daemon.js';
import { startImageServer } from '../imgapi/server.js';
import { isSimInitialised, SIM_ROOT_ENV } from '../state/simRoot.js';
import { ToolOutput, type ToolResult } from '../tools/toolResult.js';

export const IMGAPI_USAGE = [
  '  imgapi serve [--port N] [--root DIR] [--file-mib N]',
  "      run the host's IMGAPI image server in the foreground (imgadm starts it when needed)",
  '  imgapi stop [--root DIR] | imgapi url [--root DIR]',
  "      stop the host's image server daemon / print its URL",
];

interface ImgapiArgs {
  root?: string;
  port?: number;
  fileMiB?: number;
}

function parse(args: readonly string[]): ImgapiArgs | string {
  const out: ImgapiArgs = {};
  for (let i = 0; i < args.length; i += 1) {
    const [flag, inline] = (args[i] ?? '').split(/=(.*)/s, 2);
    const value = (): string | undefined => {
      if (inline !== undefined) return inline;
      i += 1;
      return args[i];
    };
    if (flag === '--root') out.root = value();
    else if (flag === '--port' || flag === '--file-mib') {
      const n = Number(value());
      if (!Number.isFinite(n) || n < 0) return `bad value for ${flag}`;
      if (flag === '--port') out.port = n;
      else out.fileMiB = n;
    } else return `unexpected argument "${String(args[i])}"`;
  }
  return out;
}

function fail(message: string, code = 2): ToolResult {
  const out = new ToolOutput();
  out.error(`smartos-sim: ${message}`);
  return out.result(code);
}

export async function imgapiCli(args: readonly string[], env: NodeJS.ProcessEnv): Promise<ToolResult> {
  const [sub, ...rest] = args;
  const parsed = parse(rest);
  if (typeof parsed === 'string') return fail(parsed);
  const root = parsed.root ?? env[SIM_ROOT_ENV];
  const hostRoot = root !== undefined && root !== '' && isSimInitialised(root) ? root : undefined;
  const out = new ToolOutput();
  if (sub === 'serve') {
    const announce = (url: string): void => {
      process.stdout.write(`IMGAPI serving ${url} (pid ${process.pid})\n`);
    };
    if (hostRoot !== undefined) {
      await serveImageDaemon({
        root: hostRoot,
        ...(parsed.port !== undefined ? { port: parsed.port } : {}),
        ...(parsed.fileMiB !== undefined ? { fileMiB: parsed.fileMiB } : {}),
        onListening: announce,
      });
      return out.result(0);
    }
    if (parsed.root !== undefined)
      return fail(`${parsed.root} is not an initialised simulator state directory`);
    const server = await startImageServer({
      port: parsed.port ?? 0,
      ...(parsed.fileMiB !== undefined ? { fileMiB: parsed.fileMiB } : {}),
    });
    announce(server.url);
    await new Promise<void>((resolve) => {
      for (const sig of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.once(sig, () => resolve());
    });
    await server.close();
    return out.result(0);
  }
  if (sub !== 'stop' && sub !== 'url') return fail(`unknown imgapi command "${String(sub)}"`);
  if (hostRoot === undefined)
    return fail(`no initialised state directory: pass --root DIR or set ${SIM_ROOT_ENV}`);
  if (sub === 'url') {
    out.log(await ensureImageServer(hostRoot));
    return out.result(0);
  }
  out.log((await stopImageServer(hostRoot)) ? 'stopped' : 'not running');
  return out.result(0);
}
