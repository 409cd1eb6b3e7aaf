import { describe, expect, it } from 'vitest';
import { parseLaunch } from '../../src/import/mcp-launch.js';

describe('parseLaunch: where a stdio server comes from', () => {
  it.each([
    ['npx', ['-y', '@modelcontextprotocol/server-github'], { runner: 'npx', package: '@modelcontextprotocol/server-github', unpinned: expect.stringContaining('no version') }],
    ['npx', ['-y', 'pkg@latest'], { runner: 'npx', package: 'pkg', unpinned: expect.stringContaining('"latest"') }],
    ['npx', ['@scope/pkg@^1.2.0'], { runner: 'npx', package: '@scope/pkg', unpinned: expect.stringContaining('range') }],
    ['npx', ['--yes', '@scope/pkg@1.2.3', '--flag'], { runner: 'npx', package: '@scope/pkg', version: '1.2.3' }],
    ['npx', ['-y', '--package=@acme/tools@2.0.1', 'acme-mcp'], { runner: 'npx', package: '@acme/tools', version: '2.0.1' }],
    ['pnpm', ['dlx', 'pkg@3.1.4'], { runner: 'npx', package: 'pkg', version: '3.1.4' }],
    ['bunx', ['pkg@3'], { runner: 'npx', package: 'pkg', unpinned: expect.stringContaining('partial') }],
    ['uvx', ['mcp-server-git==0.6.2', '--repository', '.'], { runner: 'uvx', package: 'mcp-server-git', version: '0.6.2' }],
    ['uvx', ['--from', 'awslabs.core-mcp-server@1.0.4', 'core'], { runner: 'uvx', package: 'awslabs.core-mcp-server', version: '1.0.4' }],
    ['uvx', ['mcp-server-time>=0.6'], { runner: 'uvx', package: 'mcp-server-time', unpinned: expect.stringContaining('range') }],
    ['/usr/local/bin/docker', ['run', '-i', '--rm', 'mcp/fetch:latest'], { runner: 'docker', package: 'mcp/fetch', unpinned: expect.stringContaining('"latest"') }],
    ['docker', ['run', '-i', 'ghcr.io/acme/mcp:1.4.0@sha256:abc123'], { runner: 'docker', package: 'ghcr.io/acme/mcp', version: '1.4.0', digest: 'sha256:abc123' }],
    ['docker', ['run', '-i', 'localhost:5000/mcp'], { runner: 'docker', package: 'localhost:5000/mcp', unpinned: expect.stringContaining('no tag') }],
    ['node', ['/opt/servers/index.js'], { runner: 'local', rest: ['/opt/servers/index.js'] }],
  ])('%s %j', (command, args, expected) => {
    expect(parseLaunch(command, args)).toMatchObject(expected);
  });

  it('reads docker environment, host bind mounts and named volumes apart', () => {
    const launch = parseLaunch('docker', [
      'run', '-i', '--rm',
      '-e', 'GITHUB_TOKEN', '--env=LOG_LEVEL=debug', '-e', 'API_KEY=sk-live_0123456789abcdefABCDEF',
      '-v', '/home/me/work:/work:ro', '-v', 'cache:/cache', '--mount', 'type=bind,source=/var/run/docker.sock,target=/var/run/docker.sock',
      '--name', 'not-the-image', 'acme/server:2.0.0', '--port', '80',
    ]);
    expect(launch.passedEnv).toEqual(['GITHUB_TOKEN']);
    expect(launch.literalEnv.map(([k]) => k)).toEqual(['LOG_LEVEL', 'API_KEY']);
    expect(launch.mounts).toEqual([
      { host: '/home/me/work', container: '/work', readOnly: true },
      { host: '/var/run/docker.sock', container: '/var/run/docker.sock', readOnly: false },
    ]);
    expect(launch).toMatchObject({ package: 'acme/server', version: '2.0.0', rest: ['--port', '80'] });
  });

  it('finds secrets in arguments, with the flag that names them', () => {
    const launch = parseLaunch('npx', ['-y', 'pkg@1.0.0', '--api-key', 'ghp_aB3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vW3xY5', '--token=xoxb-1234567890-abcdefghij']);
    expect(launch.secretArgs).toEqual([{ index: 3, flag: '--api-key' }, { index: 4, flag: '--token' }]);
    expect(launch.rest).toEqual(['--api-key']);
  });
});
