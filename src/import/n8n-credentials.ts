import type { CredentialSpec } from '../model/schema.js';

/**
 * The Steward credential type of an n8n credential, from its n8n type name: OAuth2 credentials
 * (`gmailOAuth2`, `slackOAuth2Api`) hold OAuth tokens, `*Api` credentials hold API keys, database,
 * mail and basic-auth credentials hold passwords. The n8n type names the integration, not the
 * secret, so the result is an inference and the draft says so.
 */
export function credentialTypeOf(n8nType: string): { type: CredentialSpec['type']; guessed: boolean } {
  const t = n8nType.toLowerCase();
  if (/oauth2|oauth1|oauth/.test(t)) return { type: 'oauth-token', guessed: false };
  if (t === 'httpbasicauth' || t === 'httpdigestauth') return { type: 'password', guessed: false };
  if (t === 'httpheaderauth' || t === 'httpqueryauth' || t === 'httpbearerauth' || t === 'httpcustomauth') return { type: 'api-key', guessed: false };
  if (t === 'jwtauth') return { type: 'api-key', guessed: true };
  if (/^(postgres|mysql|microsoftsql|mongodb|redis|oracledb|snowflake|imap|smtp|ftp|sftp|sshpassword|rabbitmq|kafka|mqtt)$/.test(t)) {
    return { type: 'password', guessed: false };
  }
  if (t === 'sshprivatekey') return { type: 'ssh-key', guessed: false };
  if (t === 'googleapi') return { type: 'service-account-key', guessed: false };
  if (t === 'aws' || t === 'awsassumerole') return { type: t === 'aws' ? 'api-key' : 'cloud-role', guessed: false };
  if (t.endsWith('api')) return { type: 'api-key', guessed: false };
  return { type: 'api-key', guessed: true };
}

/** The vendor a credential is issued by, when its n8n type names one plainly. */
export function vendorOf(n8nType: string): string | undefined {
  const m = /^(openAi|anthropic|googlePalm|mistralCloud|groq|deepSeek|openRouter|xAi|cohere|pinecone|qdrant|supabase|slack|gmail|github|notion|airtable|hubspot|stripe|zendesk|jira|telegram)/i.exec(n8nType);
  return m ? m[1]!.toLowerCase() : undefined;
}
