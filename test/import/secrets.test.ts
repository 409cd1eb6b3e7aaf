import { describe, expect, it } from 'vitest';
import { isSecretName, looksLikeSecret } from '../../src/import/secrets.js';

describe('isSecretName', () => {
  it.each([
    'GITHUB_PERSONAL_ACCESS_TOKEN',
    'OPENAI_API_KEY',
    'API_KEY',
    'SECRET',
    'PASSWORD',
    'DB_PASSWORD',
    'Authorization',
    'X-Api-Key',
    'SLACK_BOT_TOKEN',
    'BRAVE_API_KEY',
    'apiKey',
    'accessToken',
    'clientSecret',
    'GITLAB_PERSONAL_ACCESS_TOKEN',
    'AWS_SECRET_ACCESS_KEY',
    'POSTGRES_CONNECTION_STRING',
    'SENTRY_DSN',
    'GITHUB_PAT',
  ])('%s carries a secret', (name) => expect(isSecretName(name)).toBe(true));

  it.each(['PATH', 'PWD', 'HOME', 'MONKEY', 'TOKENIZER_PATH', 'GITLAB_API_URL', 'CLIENT_ID', 'AWS_ACCESS_KEY_ID', 'PUBLIC_KEY', 'SLACK_TEAM_ID', 'Content-Type', 'LOG_LEVEL', 'PRIVATE_KEY_PATH', ''])(
    '%s does not',
    (name) => expect(isSecretName(name)).toBe(false),
  );
});

describe('looksLikeSecret', () => {
  it.each([
    'ghp_aB3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vW3xY5',
    'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz',
    'sk-proj-a1B2c3D4e5F6g7H8i9J0k1L2m3N4',
    'xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOp',
    'AKIAIOSFODNN7EXAMPLE',
    'Bearer 9f8e7d6c5b4a39281706f5e4d3c2b1a0',
    'postgresql://admin:s3cretPw@db.internal:5432/app',
    'Zx81Qm4Lr2Tb9Kw7Pn5Vc3Hy6Jd0Gs1F',
  ])('%s is a literal secret', (value) => expect(looksLikeSecret(value)).toBe(true));

  it.each([
    '${GITHUB_TOKEN}',
    '${env:GITHUB_TOKEN}',
    '${input:github_token}',
    '{{ $env.API_KEY }}',
    '={{ $env.API_KEY }}',
    '$GITHUB_TOKEN',
    'Bearer ${API_TOKEN}',
    'Bearer ${input:token}',
    '<YOUR_TOKEN>',
    'your-api-key-here',
    'YOUR_GITHUB_TOKEN',
    'https://api.example.com/v1/mcp',
    '@modelcontextprotocol/server-filesystem',
    '/Users/alice/Documents/projects',
    'postgresql://localhost/mydb',
    'application/json',
    'true',
    '',
    '123e4567-e89b-12d3-a456-426614174000',
    'mcp-server-sqlite==2025.4.25',
    '@upstash/context7-mcp@1.0.20',
  ])('%s is not', (value) => expect(looksLikeSecret(value)).toBe(false));
});
