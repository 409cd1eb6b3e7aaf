import { looksLikeSecret } from './secrets.js';

/** What the command line of a stdio MCP server says about where its code comes from. */
export interface Launch {
  /** npx, uvx, docker, ...; `local` for a script or binary on the machine. */
  runner: string;
  package?: string;
  /** An exact version or tag; absent when unpinned. */
  version?: string;
  digest?: string;
  /** Why it is not pinned, when it is fetched from a registry without an exact version. */
  unpinned?: string;
  /** Docker `-e NAME` (from the host) and `-e NAME=value` (written here). */
  passedEnv: string[];
  literalEnv: [string, string][];
  /** Docker host bind mounts. */
  mounts: { host: string; container: string; readOnly: boolean }[];
  /** Arguments that hold a secret written out, with the flag before them when there is one. */
  secretArgs: { index: number; flag?: string }[];
  /** Plain arguments after the package: folders, database URLs without passwords, options. */
  rest: string[];
}

const NODE_RUNNERS = new Set(['npx', 'bunx', 'pnpx']);
const DLX = new Set(['pnpm', 'yarn', 'bun']);
const PY_RUNNERS = new Set(['uvx', 'pipx']);
const CONTAINER = new Set(['docker', 'podman']);

/** Docker flags that take a value, so that the value is not taken for the image. */
const DOCKER_VALUE_FLAGS = new Set([
  '-e', '--env', '-v', '--volume', '--mount', '--name', '--network', '--net', '-p', '--publish', '-w', '--workdir',
  '-u', '--user', '--env-file', '--entrypoint', '--platform', '-l', '--label', '--memory', '-m', '--cpus', '--add-host',
  '--cap-add', '--cap-drop', '--security-opt', '--pull', '--hostname', '-h', '--user', '--tmpfs', '--device',
]);

export function parseLaunch(command: string, args: readonly string[]): Launch {
  const launch: Launch = { runner: 'local', passedEnv: [], literalEnv: [], mounts: [], secretArgs: [], rest: [] };
  const base = command.split(/[\\/]/).pop()!.replace(/\.(exe|cmd)$/i, '').toLowerCase();
  let argv = [...args];
  let runner = base;
  if (DLX.has(base) && (argv[0] === 'dlx' || argv[0] === 'x')) {
    argv = argv.slice(1);
    runner = 'npx';
  }
  if (base === 'pipx' && argv[0] === 'run') argv = argv.slice(1);
  if (base === 'uv' && argv[0] === 'tool' && argv[1] === 'run') {
    argv = argv.slice(2);
    runner = 'uvx';
  }
  findSecretArgs(args, launch);
  const secrets = new Set(launch.secretArgs.map((a) => args[a.index]));
  const notSecret = (a: string) => !secrets.has(a);
  if (NODE_RUNNERS.has(runner) || runner === 'npx') {
    launch.runner = 'npx';
    fromPackageArgs(argv, launch, npmSpec);
    launch.rest = launch.rest.filter(notSecret);
  } else if (PY_RUNNERS.has(runner)) {
    launch.runner = runner;
    fromPackageArgs(argv, launch, pythonSpec);
    launch.rest = launch.rest.filter(notSecret);
  } else if (CONTAINER.has(base)) {
    launch.runner = base;
    fromDockerArgs(argv, launch);
    launch.rest = launch.rest.filter(notSecret);
  } else {
    launch.runner = 'local';
    launch.rest = argv.filter(notSecret);
  }
  return launch;
}

function findSecretArgs(args: readonly string[], launch: Launch): void {
  args.forEach((arg, index) => {
    const eq = /^(--?[A-Za-z][\w-]*)=(.*)$/.exec(arg);
    if (eq && looksLikeSecret(eq[2]!)) launch.secretArgs.push({ index, flag: eq[1]! });
    else if (!eq && looksLikeSecret(arg)) {
      const prev = args[index - 1];
      launch.secretArgs.push({ index, ...(prev !== undefined && /^--?[A-Za-z]/.test(prev) ? { flag: prev } : {}) });
    }
  });
}

type SpecReader = (spec: string) => { name: string; version?: string; floating?: string };

/** npx -y pkg@1.2.3 ...; --package=pkg / -p pkg name the package when the command differs. */
function fromPackageArgs(argv: readonly string[], launch: Launch, read: SpecReader): void {
  let spec: string | undefined;
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--package' || a === '-p' || a === '--from') {
      spec = argv[++i];
      continue;
    }
    const eq = /^--(?:package|from)=(.+)$/.exec(a);
    if (eq) {
      spec = eq[1];
      continue;
    }
    if (a.startsWith('-')) continue;
    spec ??= a;
    i++;
    break;
  }
  launch.rest = argv.slice(i).filter((a) => !looksLikeSecret(a));
  if (!spec) return;
  const { name, version, floating } = read(spec);
  launch.package = name;
  if (version && !floating) launch.version = version;
  else launch.unpinned = floating ?? 'no version given, so the runner fetches whatever is newest at each start';
}

function npmSpec(spec: string): { name: string; version?: string; floating?: string } {
  const at = spec.lastIndexOf('@');
  if (at <= 0) return { name: spec };
  const name = spec.slice(0, at);
  const version = spec.slice(at + 1);
  return { name, version, ...floatingReason(version) };
}

function pythonSpec(spec: string): { name: string; version?: string; floating?: string } {
  const m = /^([A-Za-z0-9._\-[\]]+?)\s*(==|@|>=|~=|<=|>|<)\s*(.+)$/.exec(spec);
  if (!m) return { name: spec };
  const exact = m[2] === '==' || m[2] === '@';
  return { name: m[1]!, version: m[3]!, ...(exact ? floatingReason(m[3]!) : { floating: `version range "${m[2]}${m[3]}"` }) };
}

function floatingReason(version: string): { floating?: string } {
  const v = version.toLowerCase();
  if (/^(latest|next|main|master|head|edge|nightly|canary|beta|alpha|stable)$/.test(v)) return { floating: `the moving tag "${version}"` };
  if (/[\^~*<>|\s]/.test(v) || /(^|\.)x($|\.)/.test(v)) return { floating: `the version range "${version}"` };
  if (/^v?\d+(\.\d+)?$/.test(v)) return { floating: `the partial version "${version}", which moves with each release` };
  return {};
}

/** docker run [flags] image[:tag][@sha256:...] [args]. */
function fromDockerArgs(argv: readonly string[], launch: Launch): void {
  let i = argv[0] === 'run' ? 1 : argv[0] === 'container' && argv[1] === 'run' ? 2 : 0;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('-')) break;
    const [flag, inline] = a.includes('=') && a.startsWith('--') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const takesValue = DOCKER_VALUE_FLAGS.has(flag);
    const value = inline ?? (takesValue ? argv[++i] : undefined);
    if (value === undefined) continue;
    if (flag === '-e' || flag === '--env') {
      const eq = value.indexOf('=');
      if (eq === -1) launch.passedEnv.push(value);
      else launch.literalEnv.push([value.slice(0, eq), value.slice(eq + 1)]);
    } else if (flag === '-v' || flag === '--volume') {
      const mount = volumeMount(value);
      if (mount) launch.mounts.push(mount);
    } else if (flag === '--mount') {
      const mount = bindMount(value);
      if (mount) launch.mounts.push(mount);
    }
  }
  const image = argv[i];
  launch.rest = argv.slice(i + 1).filter((a) => !looksLikeSecret(a));
  if (!image) return;
  const [ref, digest] = image.split('@', 2) as [string, string | undefined];
  const slash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  const hasTag = colon > slash;
  launch.package = hasTag ? ref.slice(0, colon) : ref;
  if (digest) launch.digest = digest;
  const tag = hasTag ? ref.slice(colon + 1) : undefined;
  if (tag === undefined) {
    if (!digest) launch.unpinned = 'no tag given, so Docker pulls "latest", which moves with each release';
    return;
  }
  const floating = floatingReason(tag).floating;
  if (!floating) launch.version = tag;
  else if (!digest) launch.unpinned = floating;
}

/** `-v /host:/container[:ro]`: only host paths count; named volumes stay inside Docker. */
function volumeMount(value: string): Launch['mounts'][number] | undefined {
  const parts = value.split(':');
  // A Windows drive letter ("C:\data:/data") splits once more.
  if (/^[A-Za-z]$/.test(parts[0]!) && parts.length >= 3) parts.splice(0, 2, `${parts[0]}:${parts[1]}`);
  const [host, container, mode] = parts;
  if (!host || !container || !/^([/.~$]|[A-Za-z]:)/.test(host)) return undefined;
  return { host, container, readOnly: (mode ?? '').split(',').includes('ro') };
}

/** `--mount type=bind,src=/host,dst=/container[,readonly]`. */
function bindMount(value: string): Launch['mounts'][number] | undefined {
  const fields = new Map<string, string>();
  for (const part of value.split(',')) {
    const eq = part.indexOf('=');
    fields.set(eq === -1 ? part : part.slice(0, eq), eq === -1 ? 'true' : part.slice(eq + 1));
  }
  if (fields.get('type') !== 'bind') return undefined;
  const host = fields.get('source') ?? fields.get('src');
  const container = fields.get('destination') ?? fields.get('dst') ?? fields.get('target');
  if (!host || !container) return undefined;
  return { host, container, readOnly: fields.has('readonly') || fields.get('ro') === 'true' };
}
