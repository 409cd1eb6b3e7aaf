// Steward graph for Neo4j (steward export --format cypher). Idempotent: run it again to update.
CREATE CONSTRAINT steward_stewardnode_id IF NOT EXISTS FOR (n:StewardNode) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT steward_system_id IF NOT EXISTS FOR (n:System) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT steward_owner_id IF NOT EXISTS FOR (n:Owner) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT steward_agent_id IF NOT EXISTS FOR (n:Agent) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT steward_tool_id IF NOT EXISTS FOR (n:Tool) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT steward_credential_id IF NOT EXISTS FOR (n:Credential) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT steward_data_id IF NOT EXISTS FOR (n:Data) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT steward_model_id IF NOT EXISTS FOR (n:Model) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT steward_boundary_id IF NOT EXISTS FOR (n:Boundary) REQUIRE n.id IS UNIQUE;
UNWIND [
{id: 'support-desk', props: {id: 'support-desk', name: 'Larkspur support desk', steward_id: 'support-desk', steward_kind: 'system', layer: 7, layer_name: 'L7 Agent ecosystem', owners_business: ['cx-product'], owners_operator: ['cx-support-ops'], accountable: true, finding_count: 0, accepted_finding_count: 0, entry_point: false, crown_jewel: false, purpose: 'Answer customer questions about orders, deliveries and refunds on the help centre chat and the support mailbox, and hand over to a human when the assistant cannot resolve a case.', sensitivity: 'medium'}}
] AS row
MERGE (n:StewardNode {id: row.id})
SET n = row.props, n:System;
UNWIND [
{id: 'ai-platform', props: {id: 'ai-platform', name: 'AI Platform', steward_id: 'ai-platform', steward_kind: 'owner', layer: 6, layer_name: 'L6 Security and compliance', finding_count: 0, accepted_finding_count: 0, entry_point: false, crown_jewel: false, contact: '#ai-platform', description: 'Hosts agent runtimes, issues workload identities and vaults third-party secrets.', kind: 'platform'}},
{id: 'commerce-core', props: {id: 'commerce-core', name: 'Commerce Core (orders and fulfilment)', steward_id: 'commerce-core', steward_kind: 'owner', layer: 6, layer_name: 'L6 Security and compliance', finding_count: 0, accepted_finding_count: 0, entry_point: false, crown_jewel: false, kind: 'product'}},
{id: 'cx-product', props: {id: 'cx-product', name: 'Customer Experience product team', steward_id: 'cx-product', steward_kind: 'owner', layer: 6, layer_name: 'L6 Security and compliance', finding_count: 0, accepted_finding_count: 0, entry_point: false, crown_jewel: false, contact: '#cx-product', kind: 'product'}},
{id: 'cx-support-leads', props: {id: 'cx-support-leads', name: 'Support shift leads', steward_id: 'cx-support-leads', steward_kind: 'owner', layer: 6, layer_name: 'L6 Security and compliance', finding_count: 0, accepted_finding_count: 0, entry_point: false, crown_jewel: false, description: 'Senior agents who approve goodwill vouchers.', kind: 'operations'}},
{id: 'cx-support-ops', props: {id: 'cx-support-ops', name: 'Support Operations', steward_id: 'cx-support-ops', steward_kind: 'owner', layer: 6, layer_name: 'L6 Security and compliance', finding_count: 0, accepted_finding_count: 0, entry_point: false, crown_jewel: false, contact: 'support-ops-oncall@larkspur.example', description: 'Runs the support desk day to day, 24/7 rota for the assistant.', kind: 'operations'}},
{id: 'payments-eng', props: {id: 'payments-eng', name: 'Payments Engineering', steward_id: 'payments-eng', steward_kind: 'owner', layer: 6, layer_name: 'L6 Security and compliance', finding_count: 0, accepted_finding_count: 0, entry_point: false, crown_jewel: false, kind: 'product'}},
{id: 'secops', props: {id: 'secops', name: 'Security Operations', steward_id: 'secops', steward_kind: 'owner', layer: 6, layer_name: 'L6 Security and compliance', finding_count: 0, accepted_finding_count: 0, entry_point: false, crown_jewel: false, contact: 'secops@larkspur.example', kind: 'security'}}
] AS row
MERGE (n:StewardNode {id: row.id})
SET n = row.props, n:Owner;
UNWIND [
{id: 'escalation-agent', props: {id: 'escalation-agent', name: 'escalation-agent', steward_id: 'escalation-agent', steward_kind: 'agent', layer: 3, layer_name: 'L3 Agent frameworks', owners_business: ['cx-product'], owners_operator: ['cx-support-ops'], owners_creator: ['ai-platform'], owners_shutdown: ['cx-support-ops'], owners_approver: ['cx-product'], accountable: true, finding_count: 0, accepted_finding_count: 0, entry_point: false, crown_jewel: false, autonomy: 'supervised', budget_cost_limit: '100 EUR/day', budget_rate_limit: '30 tickets/min', change_control_approver: 'cx-product', change_control_criteria: 'Anything that moves money needs a shift-lead approval step.', change_control_tool_boundaries: 'docs/support-assistant/tools.md (cx-product wiki)', exposure: 'internal', handoff_accepted: '2026-07-08', handoff_accepted_by: 'cx-support-ops', handoff_from: 'ai-platform', handoff_runbook: 'https://wiki.larkspur.example/support/assistant-runbook', handoff_to: 'cx-support-ops', inputs: ['agent-message'], logging_central: true, logging_data_access: true, logging_privilege_changes: true, logging_prompts: true, logging_sink: 'support-ai-audit', logging_tool_calls: true, monitoring_behavioural: true, purpose: 'Summarise the conversation into a ticket for a human agent, flag urgent cases to the shift lead and propose a goodwill voucher for the lead to approve.', review_every: '90d', review_last: '2026-11-02', shutdown_every: '90d', shutdown_mechanism: 'same flag as triage-agent', shutdown_owner: 'cx-support-ops', shutdown_tested: '2026-10-14'}},
{id: 'order-lookup-agent', props: {id: 'order-lookup-agent', name: 'order-lookup-agent', steward_id: 'order-lookup-agent', steward_kind: 'agent', layer: 3, layer_name: 'L3 Agent frameworks', owners_business: ['cx-product'], owners_operator: ['cx-support-ops'], owners_creator: ['ai-platform'], owners_shutdown: ['cx-support-ops'], owners_approver: ['cx-product'], accountable: true, finding_count: 0, accepted_finding_count: 0, entry_point: false, crown_jewel: false, autonomy: 'autonomous', budget_cost_limit: '200 EUR/day', budget_rate_limit: '60 calls/min', change_control_approver: 'cx-product', change_control_criteria: 'Read-only tools only.', change_control_tool_boundaries: 'docs/support-assistant/tools.md (cx-product wiki)', exposure: 'internal', handoff_accepted: '2026-07-08', handoff_accepted_by: 'cx-support-ops', handoff_from: 'ai-platform', handoff_runbook: 'https://wiki.larkspur.example/support/assistant-runbook', handoff_to: 'cx-support-ops', inputs: ['agent-message'], logging_central: true, logging_data_access: true, logging_privilege_changes: true, logging_prompts: true, logging_sink: 'support-ai-audit', logging_tool_calls: true, monitoring_behavioural: true, purpose: 'Look up order, shipment and return status for the customer in the conversation.', review_every: '90d', review_last: '2026-11-02', shutdown_every: '90d', shutdown_mechanism: 'same flag as triage-agent', shutdown_owner: 'cx-support-ops', shutdown_tested: '2026-10-14'}},
{id: 'refunds-agent', props: {id: 'refunds-agent', name: 'refunds-agent', steward_id: 'refunds-agent', steward_kind: 'agent', layer: 3, layer_name: 'L3 Agent frameworks', owners_operator: ['ai-platform'], owners_shutdown: ['ai-platform'], accountable: true, finding_count: 7, accepted_finding_count: 0, max_severity: 'critical', entry_point: false, crown_jewel: false, autonomy: 'autonomous', budget_cost_limit: '5000 EUR/day', budget_rate_limit: '10 refunds/min', can_add_tools: true, exposure: 'internal', inputs: ['agent-message'], logging_central: true, logging_data_access: true, logging_privilege_changes: true, logging_prompts: true, logging_sink: 'support-ai-audit', logging_tool_calls: true, monitoring_behavioural: true, purpose: 'Refund orders under 100 EUR when the return has been received.', review_every: '90d', review_last: '2026-11-16', shutdown_every: '90d', shutdown_mechanism: 'same flag as triage-agent', shutdown_owner: 'ai-platform', shutdown_tested: '2026-10-14'}},
{id: 'triage-agent', props: {id: 'triage-agent', name: 'Larkspur support assistant', steward_id: 'triage-agent', steward_kind: 'agent', layer: 3, layer_name: 'L3 Agent frameworks', owners_business: ['cx-product'], owners_operator: ['cx-support-ops'], owners_creator: ['ai-platform'], owners_shutdown: ['cx-support-ops'], owners_approver: ['cx-product'], accountable: true, finding_count: 1, accepted_finding_count: 0, max_severity: 'critical', entry_point: true, crown_jewel: false, autonomy: 'autonomous', budget_cost_limit: '1500 EUR/day', budget_rate_limit: '20 messages/min per conversation', change_control_approver: 'cx-product', change_control_criteria: 'New tools need a CX product review and a SecOps sign-off.', change_control_tool_boundaries: 'docs/support-assistant/tools.md (cx-product wiki)', exposure: 'external', handoff_accepted: '2026-07-08', handoff_accepted_by: 'cx-support-ops', handoff_from: 'ai-platform', handoff_runbook: 'https://wiki.larkspur.example/support/assistant-runbook', handoff_to: 'cx-support-ops', inputs: ['customer-message', 'email'], isolation: true, logging_central: true, logging_data_access: true, logging_privilege_changes: true, logging_prompts: true, logging_sink: 'support-ai-audit', logging_tool_calls: true, monitoring_behavioural: true, principals: 'multi', purpose: 'Answer customer chats and emails from the help centre, classify each conversation and route it to the order-lookup, refunds or escalation sub-agent.', review_every: '90d', review_last: '2026-11-02', shutdown_every: '90d', shutdown_mechanism: 'LaunchDarkly flag support-assistant-enabled (off routes every chat to humans)', shutdown_owner: 'cx-support-ops', shutdown_tested: '2026-10-14'}}
] AS row
MERGE (n:StewardNode {id: row.id})
SET n = row.props, n:Agent;
UNWIND [
{id: 'goodwill-voucher', props: {id: 'goodwill-voucher', name: 'Goodwill voucher issuing', steward_id: 'goodwill-voucher', steward_kind: 'tool', layer: 3, layer_name: 'L3 Agent frameworks', owners_business: ['cx-product'], owners_operator: ['cx-support-ops'], owners_approver: ['cx-support-leads'], accountable: true, finding_count: 0, accepted_finding_count: 0, entry_point: false, crown_jewel: true, actions: ['pay'], approval_approvers: ['cx-support-leads'], approval_min_approvers: 1, approval_required: true, kind: 'api', reversible: false, transport: 'https'}},
{id: 'kb-search', props: {id: 'kb-search', name: 'Help centre search', steward_id: 'kb-search', steward_kind: 'tool', layer: 3, layer_name: 'L3 Agent frameworks', owners_business: ['cx-product'], owners_operator: ['ai-platform'], accountable: true, finding_count: 0, accepted_finding_count: 0, entry_point: false, crown_jewel: false, actions: ['read'], kind: 'search', transport: 'in-process'}},
{id: 'order-status-api', props: {id: 'order-status-api', name: 'Orders gateway (read-only)', steward_id: 'order-status-api', steward_kind: 'tool', layer: 3, layer_name: 'L3 Agent frameworks', owners_business: ['commerce-core'], owners_operator: ['commerce-core'], accountable: true, finding_count: 0, accepted_finding_count: 0, entry_point: false, crown_jewel: false, actions: ['read'], kind: 'api', transport: 'https'}},
{id: 'psp-charge-lookup', props: {id: 'psp-charge-lookup', name: 'PSP charge lookup', steward_id: 'psp-charge-lookup', steward_kind: 'tool', layer: 3, layer_name: 'L3 Agent frameworks', owners_business: ['payments-eng'], owners_operator: ['ai-platform'], accountable: true, finding_count: 0, accepted_finding_count: 0, entry_point: true, crown_jewel: false, actions: ['read'], kind: 'api', source_version: '2026-08-27', third_party: true, transport: 'https', vendor: 'Stripe'}},
{id: 'psp-refunds', props: {id: 'psp-refunds', name: 'PSP refunds', steward_id: 'psp-refunds', steward_kind: 'tool', layer: 3, layer_name: 'L3 Agent frameworks', owners_business: ['payments-eng'], owners_operator: ['ai-platform'], accountable: true, finding_count: 0, accepted_finding_count: 0, entry_point: true, crown_jewel: true, actions: ['pay'], kind: 'api', reversible: false, source_version: '2026-08-27', third_party: true, transport: 'https', vendor: 'Stripe'}},
{id: 'ticket-api', props: {id: 'ticket-api', name: 'Zendesk tickets API', steward_id: 'ticket-api', steward_kind: 'tool', layer: 3, layer_name: 'L3 Agent frameworks', owners_business: ['cx-support-ops'], owners_operator: ['ai-platform'], accountable: true, finding_count: 0, accepted_finding_count: 0, entry_point: true, crown_jewel: false, actions: ['read', 'write'], kind: 'saas', source_version: 'api/v2', third_party: true, transport: 'https', url: 'https://larkspur.zendesk.com/api/v2', vendor: 'Zendesk'}}
] AS row
MERGE (n:StewardNode {id: row.id})
SET n = row.props, n:Tool;
UNWIND [
{id: 'escalation-svid', props: {id: 'escalation-svid', name: 'escalation-svid', steward_id: 'escalation-svid', steward_kind: 'credential', layer: 6, layer_name: 'L6 Security and compliance', owners_business: ['cx-support-ops'], owners_issuer: ['ai-platform'], accountable: true, finding_count: 0, accepted_finding_count: 0, entry_point: false, crown_jewel: false, rotation_automated: true, spiffe_id: 'spiffe://larkspur.example/prod/support/escalation-agent', storage: 'workload-api', ttl: '1h', type: 'spiffe'}},
{id: 'order-lookup-svid', props: {id: 'order-lookup-svid', name: 'order-lookup-svid', steward_id: 'order-lookup-svid', steward_kind: 'credential', layer: 6, layer_name: 'L6 Security and compliance', owners_business: ['cx-support-ops'], owners_issuer: ['ai-platform'], accountable: true, finding_count: 0, accepted_finding_count: 0, entry_point: false, crown_jewel: false, rotation_automated: true, spiffe_id: 'spiffe://larkspur.example/prod/support/order-lookup-agent', storage: 'workload-api', ttl: '1h', type: 'spiffe'}},
{id: 'orders-readonly-token', props: {id: 'orders-readonly-token', name: 'orders-readonly-token', steward_id: 'orders-readonly-token', steward_kind: 'credential', layer: 6, layer_name: 'L6 Security and compliance', owners_business: ['commerce-core'], owners_issuer: ['ai-platform'], accountable: true, finding_count: 0, accepted_finding_count: 0, entry_point: false, crown_jewel: false, just_in_time: true, revoked_at_task_end: true, scopes: ['orders:read'], storage: 'secret-manager', ttl: '15m', type: 'oauth-token'}},
{id: 'psp-secret-key', props: {id: 'psp-secret-key', name: 'Stripe restricted key rk_live_…support', steward_id: 'psp-secret-key', steward_kind: 'credential', layer: 6, layer_name: 'L6 Security and compliance', owners_business: ['payments-eng'], owners_issuer: ['ai-platform'], accountable: true, finding_count: 3, accepted_finding_count: 1, max_severity: 'critical', entry_point: false, crown_jewel: true, rotation_automated: false, rotation_every: '90d', rotation_last: '2026-10-05', scopes: ['charges:read', 'refunds:write', 'customers:write'], storage: 'secret-manager', third_party: true, ttl: 'never', type: 'api-key', vendor: 'Stripe'}},
{id: 'refunds-svid', props: {id: 'refunds-svid', name: 'refunds-svid', steward_id: 'refunds-svid', steward_kind: 'credential', layer: 6, layer_name: 'L6 Security and compliance', owners_business: ['ai-platform'], owners_issuer: ['ai-platform'], accountable: true, finding_count: 0, accepted_finding_count: 0, entry_point: false, crown_jewel: false, rotation_automated: true, spiffe_id: 'spiffe://larkspur.example/prod/support/refunds-agent', storage: 'workload-api', ttl: '1h', type: 'spiffe'}},
{id: 'triage-svid', props: {id: 'triage-svid', name: 'triage-svid', steward_id: 'triage-svid', steward_kind: 'credential', layer: 6, layer_name: 'L6 Security and compliance', owners_business: ['cx-support-ops'], owners_issuer: ['ai-platform'], accountable: true, finding_count: 0, accepted_finding_count: 0, entry_point: false, crown_jewel: false, rotation_automated: true, spiffe_id: 'spiffe://larkspur.example/prod/support/triage-agent', storage: 'workload-api', ttl: '1h', type: 'spiffe'}},
{id: 'voucher-service-token', props: {id: 'voucher-service-token', name: 'voucher-service-token', steward_id: 'voucher-service-token', steward_kind: 'credential', layer: 6, layer_name: 'L6 Security and compliance', owners_business: ['cx-support-ops'], owners_issuer: ['ai-platform'], accountable: true, finding_count: 0, accepted_finding_count: 0, entry_point: false, crown_jewel: false, just_in_time: true, revoked_at_task_end: true, scopes: ['vouchers:issue'], storage: 'secret-manager', ttl: '15m', type: 'oauth-token'}},
{id: 'zendesk-oauth', props: {id: 'zendesk-oauth', name: 'Zendesk API token (support-assistant OAuth client)', steward_id: 'zendesk-oauth', steward_kind: 'credential', layer: 6, layer_name: 'L6 Security and compliance', owners_business: ['cx-support-ops'], owners_issuer: ['ai-platform'], accountable: true, finding_count: 2, accepted_finding_count: 0, max_severity: 'high', entry_point: false, crown_jewel: true, rotation_automated: true, rotation_every: '90d', rotation_last: '2026-10-12', scopes: ['tickets:read', 'tickets:write'], storage: 'secret-manager', third_party: true, ttl: '1h', type: 'oauth-token', vendor: 'Zendesk'}}
] AS row
MERGE (n:StewardNode {id: row.id})
SET n = row.props, n:Credential;
UNWIND [
{id: 'chat-transcripts', props: {id: 'chat-transcripts', name: 's3://larkspur-support-transcripts', steward_id: 'chat-transcripts', steward_kind: 'data', layer: 2, layer_name: 'L2 Data operations', accountable: false, finding_count: 1, accepted_finding_count: 0, max_severity: 'high', entry_point: false, crown_jewel: true, classification: 'confidential', kind: 'file-store'}},
{id: 'help-center-kb', props: {id: 'help-center-kb', name: 'Help centre articles (embedded)', steward_id: 'help-center-kb', steward_kind: 'data', layer: 2, layer_name: 'L2 Data operations', owners_data: ['cx-product'], accountable: false, finding_count: 0, accepted_finding_count: 0, entry_point: false, crown_jewel: false, classification: 'internal', kind: 'vector-store', write_validation: true}},
{id: 'order-history', props: {id: 'order-history', name: 'Orders database (read replica)', steward_id: 'order-history', steward_kind: 'data', layer: 2, layer_name: 'L2 Data operations', owners_data: ['commerce-core'], accountable: false, finding_count: 0, accepted_finding_count: 0, entry_point: false, crown_jewel: true, classification: 'confidential', kind: 'database'}},
{id: 'payments-ledger', props: {id: 'payments-ledger', name: 'PSP account: charges, refunds, customers', steward_id: 'payments-ledger', steward_kind: 'data', layer: 2, layer_name: 'L2 Data operations', owners_data: ['payments-eng'], accountable: false, finding_count: 1, accepted_finding_count: 0, max_severity: 'critical', entry_point: false, crown_jewel: true, classification: 'restricted', kind: 'saas', regulated: true}},
{id: 'support-ai-audit', props: {id: 'support-ai-audit', name: 'Support assistant audit log (append-only, SIEM)', steward_id: 'support-ai-audit', steward_kind: 'data', layer: 5, layer_name: 'L5 Evaluation and observability', owners_data: ['secops'], accountable: false, finding_count: 0, accepted_finding_count: 0, entry_point: false, crown_jewel: false, classification: 'internal', kind: 'log'}},
{id: 'support-tickets', props: {id: 'support-tickets', name: 'Zendesk tickets', steward_id: 'support-tickets', steward_kind: 'data', layer: 2, layer_name: 'L2 Data operations', owners_data: ['cx-support-ops'], accountable: false, finding_count: 0, accepted_finding_count: 0, entry_point: false, crown_jewel: true, classification: 'confidential', kind: 'saas'}}
] AS row
MERGE (n:StewardNode {id: row.id})
SET n = row.props, n:Data;
UNWIND [
{id: 'support-llm', props: {id: 'support-llm', name: 'Primary support model', steward_id: 'support-llm', steward_kind: 'model', layer: 1, layer_name: 'L1 Foundation models', owners_business: ['ai-platform'], accountable: true, finding_count: 0, accepted_finding_count: 0, entry_point: false, crown_jewel: false, provider: 'Anthropic', third_party: true, version: 'claude-sonnet-4-5'}},
{id: 'support-llm-fallback', props: {id: 'support-llm-fallback', name: 'Fallback when the primary endpoint is degraded', steward_id: 'support-llm-fallback', steward_kind: 'model', layer: 1, layer_name: 'L1 Foundation models', owners_business: ['ai-platform'], accountable: true, finding_count: 0, accepted_finding_count: 0, entry_point: false, crown_jewel: false, provider: 'Azure OpenAI', third_party: true, version: 'gpt-4.1-2025-04-14'}}
] AS row
MERGE (n:StewardNode {id: row.id})
SET n = row.props, n:Model;
UNWIND [
{id: 'internet', props: {id: 'internet', name: 'Public internet (help centre chat widget, support mailbox)', steward_id: 'internet', steward_kind: 'boundary', layer: 4, layer_name: 'L4 Deployment and infrastructure', accountable: false, finding_count: 0, accepted_finding_count: 0, entry_point: false, crown_jewel: false, kind: 'internet'}},
{id: 'prod-eu', props: {id: 'prod-eu', name: 'Production, eu-west-1', steward_id: 'prod-eu', steward_kind: 'boundary', layer: 4, layer_name: 'L4 Deployment and infrastructure', accountable: false, finding_count: 0, accepted_finding_count: 0, entry_point: false, crown_jewel: false, environment: 'production', kind: 'environment'}},
{id: 'psp-vendor', props: {id: 'psp-vendor', name: 'Payment service provider (Stripe)', steward_id: 'psp-vendor', steward_kind: 'boundary', layer: 4, layer_name: 'L4 Deployment and infrastructure', accountable: false, finding_count: 0, accepted_finding_count: 0, entry_point: false, crown_jewel: false, kind: 'vendor'}}
] AS row
MERGE (n:StewardNode {id: row.id})
SET n = row.props, n:Boundary;
UNWIND [
{id: 'goodwill-voucher#tainted', props: {id: 'goodwill-voucher#tainted', name: 'Goodwill voucher issuing (tainted)', steward_id: 'goodwill-voucher', steward_kind: 'tool', state: 'tainted', layer: 3, layer_name: 'L3 Agent frameworks', entry_point: false, crown_jewel: false}},
{id: 'help-center-kb#tainted', props: {id: 'help-center-kb#tainted', name: 'Help centre articles (embedded) (tainted)', steward_id: 'help-center-kb', steward_kind: 'data', state: 'tainted', layer: 2, layer_name: 'L2 Data operations', entry_point: false, crown_jewel: false}},
{id: 'kb-search#tainted', props: {id: 'kb-search#tainted', name: 'Help centre search (tainted)', steward_id: 'kb-search', steward_kind: 'tool', state: 'tainted', layer: 3, layer_name: 'L3 Agent frameworks', entry_point: false, crown_jewel: false}},
{id: 'order-history#tainted', props: {id: 'order-history#tainted', name: 'Orders database (read replica) (tainted)', steward_id: 'order-history', steward_kind: 'data', state: 'tainted', layer: 2, layer_name: 'L2 Data operations', entry_point: false, crown_jewel: true}},
{id: 'order-status-api#tainted', props: {id: 'order-status-api#tainted', name: 'Orders gateway (read-only) (tainted)', steward_id: 'order-status-api', steward_kind: 'tool', state: 'tainted', layer: 3, layer_name: 'L3 Agent frameworks', entry_point: false, crown_jewel: false}},
{id: 'payments-ledger#tainted', props: {id: 'payments-ledger#tainted', name: 'PSP account: charges, refunds, customers (tainted)', steward_id: 'payments-ledger', steward_kind: 'data', state: 'tainted', layer: 2, layer_name: 'L2 Data operations', entry_point: false, crown_jewel: true}},
{id: 'psp-charge-lookup#tainted', props: {id: 'psp-charge-lookup#tainted', name: 'PSP charge lookup (tainted)', steward_id: 'psp-charge-lookup', steward_kind: 'tool', state: 'tainted', layer: 3, layer_name: 'L3 Agent frameworks', entry_point: true, crown_jewel: false}},
{id: 'psp-refunds#tainted', props: {id: 'psp-refunds#tainted', name: 'PSP refunds (tainted)', steward_id: 'psp-refunds', steward_kind: 'tool', state: 'tainted', layer: 3, layer_name: 'L3 Agent frameworks', entry_point: true, crown_jewel: false}},
{id: 'ticket-api#tainted', props: {id: 'ticket-api#tainted', name: 'Zendesk tickets API (tainted)', steward_id: 'ticket-api', steward_kind: 'tool', state: 'tainted', layer: 3, layer_name: 'L3 Agent frameworks', entry_point: true, crown_jewel: false}}
] AS row
MERGE (n:StewardNode {id: row.id})
SET n = row.props, n:TaintedState;
UNWIND [
{from: 'triage-agent', to: 'escalation-agent', key: 0, props: {key: 0, on_behalf_of: true, auth: 'spiffe'}},
{from: 'triage-agent', to: 'order-lookup-agent', key: 0, props: {key: 0, on_behalf_of: true, auth: 'spiffe'}},
{from: 'triage-agent', to: 'refunds-agent', key: 0, props: {key: 0, on_behalf_of: true, auth: 'spiffe'}}
] AS row
MATCH (a:StewardNode {id: row.from})
MATCH (b:StewardNode {id: row.to})
MERGE (a)-[r:DELEGATES_TO {key: row.key}]->(b)
SET r = row.props;
UNWIND [
{from: 'escalation-agent', to: 'goodwill-voucher', key: 0, props: {key: 0}},
{from: 'escalation-agent', to: 'ticket-api', key: 0, props: {key: 0}},
{from: 'order-lookup-agent', to: 'order-status-api', key: 0, props: {key: 0}},
{from: 'refunds-agent', to: 'psp-refunds', key: 0, props: {key: 0}},
{from: 'triage-agent', to: 'kb-search', key: 0, props: {key: 0}},
{from: 'triage-agent', to: 'psp-charge-lookup', key: 0, props: {key: 0}},
{from: 'triage-agent', to: 'ticket-api', key: 0, props: {key: 0}}
] AS row
MATCH (a:StewardNode {id: row.from})
MATCH (b:StewardNode {id: row.to})
MERGE (a)-[r:INVOKES {key: row.key}]->(b)
SET r = row.props;
UNWIND [
{from: 'escalation-agent', to: 'escalation-svid', key: 0, props: {key: 0}},
{from: 'goodwill-voucher', to: 'voucher-service-token', key: 0, props: {key: 0}},
{from: 'order-lookup-agent', to: 'order-lookup-svid', key: 0, props: {key: 0}},
{from: 'order-status-api', to: 'orders-readonly-token', key: 0, props: {key: 0}},
{from: 'psp-charge-lookup', to: 'psp-secret-key', key: 0, props: {key: 0}},
{from: 'psp-refunds', to: 'psp-secret-key', key: 0, props: {key: 0}},
{from: 'refunds-agent', to: 'psp-secret-key', key: 0, props: {key: 0}},
{from: 'refunds-agent', to: 'refunds-svid', key: 0, props: {key: 0}},
{from: 'ticket-api', to: 'zendesk-oauth', key: 0, props: {key: 0}},
{from: 'triage-agent', to: 'psp-secret-key', key: 0, props: {key: 0}},
{from: 'triage-agent', to: 'triage-svid', key: 0, props: {key: 0}}
] AS row
MATCH (a:StewardNode {id: row.from})
MATCH (b:StewardNode {id: row.to})
MERGE (a)-[r:AUTHENTICATES_WITH {key: row.key}]->(b)
SET r = row.props;
UNWIND [
{from: 'orders-readonly-token', to: 'order-history', key: 0, props: {key: 0, access: 'read'}},
{from: 'psp-secret-key', to: 'payments-ledger', key: 0, props: {key: 0, access: 'admin'}},
{from: 'zendesk-oauth', to: 'support-tickets', key: 0, props: {key: 0, access: 'write'}}
] AS row
MATCH (a:StewardNode {id: row.from})
MATCH (b:StewardNode {id: row.to})
MERGE (a)-[r:GRANTS {key: row.key}]->(b)
SET r = row.props;
UNWIND [
{from: 'kb-search', to: 'help-center-kb', key: 0, props: {key: 0, access: 'read'}},
{from: 'order-status-api', to: 'order-history', key: 0, props: {key: 0, access: 'read'}},
{from: 'psp-charge-lookup', to: 'payments-ledger', key: 0, props: {key: 0, access: 'read'}}
] AS row
MATCH (a:StewardNode {id: row.from})
MATCH (b:StewardNode {id: row.to})
MERGE (a)-[r:READS {key: row.key}]->(b)
SET r = row.props;
UNWIND [
{from: 'psp-refunds', to: 'payments-ledger', key: 0, props: {key: 0, access: 'write'}},
{from: 'ticket-api', to: 'support-tickets', key: 0, props: {key: 0, access: 'write'}},
{from: 'triage-agent', to: 'chat-transcripts', key: 0, props: {key: 0}}
] AS row
MATCH (a:StewardNode {id: row.from})
MATCH (b:StewardNode {id: row.to})
MERGE (a)-[r:WRITES {key: row.key}]->(b)
SET r = row.props;
UNWIND [
{from: 'escalation-agent', to: 'support-llm', key: 0, props: {key: 0}},
{from: 'order-lookup-agent', to: 'support-llm', key: 0, props: {key: 0}},
{from: 'refunds-agent', to: 'support-llm', key: 0, props: {key: 0}},
{from: 'triage-agent', to: 'support-llm', key: 0, props: {key: 0}}
] AS row
MATCH (a:StewardNode {id: row.from})
MATCH (b:StewardNode {id: row.to})
MERGE (a)-[r:RUNS_ON {key: row.key}]->(b)
SET r = row.props;
UNWIND [
{from: 'escalation-agent', to: 'support-desk', key: 0, props: {key: 0, implicit: true}},
{from: 'order-lookup-agent', to: 'support-desk', key: 0, props: {key: 0, implicit: true}},
{from: 'refunds-agent', to: 'support-desk', key: 0, props: {key: 0, implicit: true}},
{from: 'triage-agent', to: 'support-desk', key: 0, props: {key: 0, implicit: true}}
] AS row
MATCH (a:StewardNode {id: row.from})
MATCH (b:StewardNode {id: row.to})
MERGE (a)-[r:PART_OF {key: row.key}]->(b)
SET r = row.props;
UNWIND [
{from: 'escalation-agent', to: 'triage-agent', key: 0, props: {key: 0}},
{from: 'order-lookup-agent', to: 'triage-agent', key: 0, props: {key: 0}},
{from: 'refunds-agent', to: 'triage-agent', key: 0, props: {key: 0}}
] AS row
MATCH (a:StewardNode {id: row.from})
MATCH (b:StewardNode {id: row.to})
MERGE (a)-[r:CHILD_OF {key: row.key}]->(b)
SET r = row.props;
UNWIND [
{from: 'ai-platform', to: 'escalation-agent', key: 0, props: {key: 0, role: 'creator'}},
{from: 'ai-platform', to: 'escalation-svid', key: 0, props: {key: 0, role: 'issuer'}},
{from: 'ai-platform', to: 'kb-search', key: 0, props: {key: 0, role: 'operator'}},
{from: 'ai-platform', to: 'order-lookup-agent', key: 0, props: {key: 0, role: 'creator'}},
{from: 'ai-platform', to: 'order-lookup-svid', key: 0, props: {key: 0, role: 'issuer'}},
{from: 'ai-platform', to: 'orders-readonly-token', key: 0, props: {key: 0, role: 'issuer'}},
{from: 'ai-platform', to: 'psp-charge-lookup', key: 0, props: {key: 0, role: 'operator'}},
{from: 'ai-platform', to: 'psp-refunds', key: 0, props: {key: 0, role: 'operator'}},
{from: 'ai-platform', to: 'psp-secret-key', key: 0, props: {key: 0, role: 'issuer'}},
{from: 'ai-platform', to: 'refunds-agent', key: 0, props: {key: 0, role: 'operator'}},
{from: 'ai-platform', to: 'refunds-agent', key: 1, props: {key: 1, role: 'shutdown'}},
{from: 'ai-platform', to: 'refunds-svid', key: 0, props: {key: 0, role: 'business'}},
{from: 'ai-platform', to: 'refunds-svid', key: 1, props: {key: 1, role: 'issuer'}},
{from: 'ai-platform', to: 'support-llm', key: 0, props: {key: 0, role: 'business'}},
{from: 'ai-platform', to: 'support-llm-fallback', key: 0, props: {key: 0, role: 'business'}},
{from: 'ai-platform', to: 'ticket-api', key: 0, props: {key: 0, role: 'operator'}},
{from: 'ai-platform', to: 'triage-agent', key: 0, props: {key: 0, role: 'creator'}},
{from: 'ai-platform', to: 'triage-svid', key: 0, props: {key: 0, role: 'issuer'}},
{from: 'ai-platform', to: 'voucher-service-token', key: 0, props: {key: 0, role: 'issuer'}},
{from: 'ai-platform', to: 'zendesk-oauth', key: 0, props: {key: 0, role: 'issuer'}},
{from: 'commerce-core', to: 'order-history', key: 0, props: {key: 0, role: 'data'}},
{from: 'commerce-core', to: 'order-status-api', key: 0, props: {key: 0, role: 'business'}},
{from: 'commerce-core', to: 'order-status-api', key: 1, props: {key: 1, role: 'operator'}},
{from: 'commerce-core', to: 'orders-readonly-token', key: 0, props: {key: 0, role: 'business'}},
{from: 'cx-product', to: 'escalation-agent', key: 0, props: {key: 0, role: 'approver'}},
{from: 'cx-product', to: 'escalation-agent', key: 1, props: {key: 1, role: 'business'}},
{from: 'cx-product', to: 'goodwill-voucher', key: 0, props: {key: 0, role: 'business'}},
{from: 'cx-product', to: 'help-center-kb', key: 0, props: {key: 0, role: 'data'}},
{from: 'cx-product', to: 'kb-search', key: 0, props: {key: 0, role: 'business'}},
{from: 'cx-product', to: 'order-lookup-agent', key: 0, props: {key: 0, role: 'approver'}},
{from: 'cx-product', to: 'order-lookup-agent', key: 1, props: {key: 1, role: 'business'}},
{from: 'cx-product', to: 'support-desk', key: 0, props: {key: 0, role: 'business'}},
{from: 'cx-product', to: 'triage-agent', key: 0, props: {key: 0, role: 'approver'}},
{from: 'cx-product', to: 'triage-agent', key: 1, props: {key: 1, role: 'business'}},
{from: 'cx-support-leads', to: 'goodwill-voucher', key: 0, props: {key: 0, role: 'approver'}},
{from: 'cx-support-ops', to: 'escalation-agent', key: 0, props: {key: 0, role: 'operator'}},
{from: 'cx-support-ops', to: 'escalation-agent', key: 1, props: {key: 1, role: 'shutdown'}},
{from: 'cx-support-ops', to: 'escalation-svid', key: 0, props: {key: 0, role: 'business'}},
{from: 'cx-support-ops', to: 'goodwill-voucher', key: 0, props: {key: 0, role: 'operator'}},
{from: 'cx-support-ops', to: 'order-lookup-agent', key: 0, props: {key: 0, role: 'operator'}},
{from: 'cx-support-ops', to: 'order-lookup-agent', key: 1, props: {key: 1, role: 'shutdown'}},
{from: 'cx-support-ops', to: 'order-lookup-svid', key: 0, props: {key: 0, role: 'business'}},
{from: 'cx-support-ops', to: 'support-desk', key: 0, props: {key: 0, role: 'operator'}},
{from: 'cx-support-ops', to: 'support-tickets', key: 0, props: {key: 0, role: 'data'}},
{from: 'cx-support-ops', to: 'ticket-api', key: 0, props: {key: 0, role: 'business'}},
{from: 'cx-support-ops', to: 'triage-agent', key: 0, props: {key: 0, role: 'operator'}},
{from: 'cx-support-ops', to: 'triage-agent', key: 1, props: {key: 1, role: 'shutdown'}},
{from: 'cx-support-ops', to: 'triage-svid', key: 0, props: {key: 0, role: 'business'}},
{from: 'cx-support-ops', to: 'voucher-service-token', key: 0, props: {key: 0, role: 'business'}},
{from: 'cx-support-ops', to: 'zendesk-oauth', key: 0, props: {key: 0, role: 'business'}},
{from: 'payments-eng', to: 'payments-ledger', key: 0, props: {key: 0, role: 'data'}},
{from: 'payments-eng', to: 'psp-charge-lookup', key: 0, props: {key: 0, role: 'business'}},
{from: 'payments-eng', to: 'psp-refunds', key: 0, props: {key: 0, role: 'business'}},
{from: 'payments-eng', to: 'psp-secret-key', key: 0, props: {key: 0, role: 'business'}},
{from: 'secops', to: 'support-ai-audit', key: 0, props: {key: 0, role: 'data'}}
] AS row
MATCH (a:StewardNode {id: row.from})
MATCH (b:StewardNode {id: row.to})
MERGE (a)-[r:OWNS {key: row.key}]->(b)
SET r = row.props;
UNWIND [
{from: 'triage-agent', to: 'internet', key: 0, props: {key: 0}}
] AS row
MATCH (a:StewardNode {id: row.from})
MATCH (b:StewardNode {id: row.to})
MERGE (a)-[r:EXPOSED_TO {key: row.key}]->(b)
SET r = row.props;
UNWIND [
{from: 'escalation-agent', to: 'prod-eu', key: 0, props: {key: 0}},
{from: 'escalation-svid', to: 'prod-eu', key: 0, props: {key: 0}},
{from: 'order-lookup-agent', to: 'prod-eu', key: 0, props: {key: 0}},
{from: 'order-lookup-svid', to: 'prod-eu', key: 0, props: {key: 0}},
{from: 'orders-readonly-token', to: 'prod-eu', key: 0, props: {key: 0}},
{from: 'payments-ledger', to: 'psp-vendor', key: 0, props: {key: 0}},
{from: 'psp-secret-key', to: 'prod-eu', key: 0, props: {key: 0}},
{from: 'psp-secret-key', to: 'psp-vendor', key: 0, props: {key: 0}},
{from: 'refunds-agent', to: 'prod-eu', key: 0, props: {key: 0}},
{from: 'refunds-svid', to: 'prod-eu', key: 0, props: {key: 0}},
{from: 'support-desk', to: 'prod-eu', key: 0, props: {key: 0}},
{from: 'triage-agent', to: 'prod-eu', key: 0, props: {key: 0}},
{from: 'triage-svid', to: 'prod-eu', key: 0, props: {key: 0}},
{from: 'voucher-service-token', to: 'prod-eu', key: 0, props: {key: 0}},
{from: 'zendesk-oauth', to: 'prod-eu', key: 0, props: {key: 0}}
] AS row
MATCH (a:StewardNode {id: row.from})
MATCH (b:StewardNode {id: row.to})
MERGE (a)-[r:IN_BOUNDARY {key: row.key}]->(b)
SET r = row.props;
UNWIND [
{from: 'escalation-agent', to: 'support-ai-audit', key: 0, props: {key: 0}},
{from: 'order-lookup-agent', to: 'support-ai-audit', key: 0, props: {key: 0}},
{from: 'refunds-agent', to: 'support-ai-audit', key: 0, props: {key: 0}},
{from: 'triage-agent', to: 'support-ai-audit', key: 0, props: {key: 0}}
] AS row
MATCH (a:StewardNode {id: row.from})
MATCH (b:StewardNode {id: row.to})
MERGE (a)-[r:LOGS_TO {key: row.key}]->(b)
SET r = row.props;
UNWIND [
{from: 'support-llm', to: 'support-llm-fallback', key: 0, props: {key: 0}}
] AS row
MATCH (a:StewardNode {id: row.from})
MATCH (b:StewardNode {id: row.to})
MERGE (a)-[r:FALLS_BACK_TO {key: row.key}]->(b)
SET r = row.props;
UNWIND [
{from: 'triage-agent', to: 'escalation-agent', props: {relation: 'delegates_to', likelihood: 0.32, from_state: 'control', to_state: 'control'}},
{from: 'triage-agent', to: 'order-lookup-agent', props: {relation: 'delegates_to', likelihood: 0.32, from_state: 'control', to_state: 'control'}},
{from: 'triage-agent', to: 'refunds-agent', props: {relation: 'delegates_to', likelihood: 0.32, from_state: 'control', to_state: 'control'}}
] AS row
MATCH (a:StewardNode {id: row.from})
MATCH (b:StewardNode {id: row.to})
MERGE (a)-[r:STEP_DELEGATE]->(b)
SET r = row.props;
UNWIND [
{from: 'escalation-agent', to: 'goodwill-voucher', props: {relation: 'invokes', likelihood: 0.18, from_state: 'control', to_state: 'control'}},
{from: 'escalation-agent', to: 'ticket-api', props: {relation: 'invokes', likelihood: 0.9, from_state: 'control', to_state: 'control'}},
{from: 'order-lookup-agent', to: 'order-status-api', props: {relation: 'invokes', likelihood: 0.9, from_state: 'control', to_state: 'control'}},
{from: 'refunds-agent', to: 'psp-refunds', props: {relation: 'invokes', likelihood: 0.9, from_state: 'control', to_state: 'control'}},
{from: 'triage-agent', to: 'kb-search', props: {relation: 'invokes', likelihood: 0.9, from_state: 'control', to_state: 'control'}},
{from: 'triage-agent', to: 'psp-charge-lookup', props: {relation: 'invokes', likelihood: 0.9, from_state: 'control', to_state: 'control'}},
{from: 'triage-agent', to: 'ticket-api', props: {relation: 'invokes', likelihood: 0.9, from_state: 'control', to_state: 'control'}}
] AS row
MATCH (a:StewardNode {id: row.from})
MATCH (b:StewardNode {id: row.to})
MERGE (a)-[r:STEP_INVOKE]->(b)
SET r = row.props;
UNWIND [
{from: 'escalation-agent', to: 'escalation-svid', props: {relation: 'authenticates_with', likelihood: 0.95, from_state: 'control', to_state: 'control'}},
{from: 'goodwill-voucher', to: 'voucher-service-token', props: {relation: 'authenticates_with', likelihood: 0.35, from_state: 'control', to_state: 'control'}},
{from: 'order-lookup-agent', to: 'order-lookup-svid', props: {relation: 'authenticates_with', likelihood: 0.95, from_state: 'control', to_state: 'control'}},
{from: 'order-status-api', to: 'orders-readonly-token', props: {relation: 'authenticates_with', likelihood: 0.35, from_state: 'control', to_state: 'control'}},
{from: 'psp-charge-lookup', to: 'psp-secret-key', props: {relation: 'authenticates_with', likelihood: 0.7, from_state: 'control', to_state: 'control'}},
{from: 'psp-refunds', to: 'psp-secret-key', props: {relation: 'authenticates_with', likelihood: 0.7, from_state: 'control', to_state: 'control'}},
{from: 'refunds-agent', to: 'psp-secret-key', props: {relation: 'authenticates_with', likelihood: 0.95, from_state: 'control', to_state: 'control'}},
{from: 'refunds-agent', to: 'refunds-svid', props: {relation: 'authenticates_with', likelihood: 0.95, from_state: 'control', to_state: 'control'}},
{from: 'ticket-api', to: 'zendesk-oauth', props: {relation: 'authenticates_with', likelihood: 0.7, from_state: 'control', to_state: 'control'}},
{from: 'triage-agent', to: 'psp-secret-key', props: {relation: 'authenticates_with', likelihood: 0.95, from_state: 'control', to_state: 'control'}},
{from: 'triage-agent', to: 'triage-svid', props: {relation: 'authenticates_with', likelihood: 0.95, from_state: 'control', to_state: 'control'}}
] AS row
MATCH (a:StewardNode {id: row.from})
MATCH (b:StewardNode {id: row.to})
MERGE (a)-[r:STEP_USE_CREDENTIAL]->(b)
SET r = row.props;
UNWIND [
{from: 'psp-secret-key', to: 'psp-charge-lookup', props: {relation: 'authenticates_with', likelihood: 0.6, from_state: 'control', to_state: 'control'}},
{from: 'psp-secret-key', to: 'psp-refunds', props: {relation: 'authenticates_with', likelihood: 0.6, from_state: 'control', to_state: 'control'}},
{from: 'psp-secret-key', to: 'refunds-agent', props: {relation: 'authenticates_with', likelihood: 0.6, from_state: 'control', to_state: 'control'}},
{from: 'psp-secret-key', to: 'triage-agent', props: {relation: 'authenticates_with', likelihood: 0.6, from_state: 'control', to_state: 'control'}}
] AS row
MATCH (a:StewardNode {id: row.from})
MATCH (b:StewardNode {id: row.to})
MERGE (a)-[r:STEP_IMPERSONATE]->(b)
SET r = row.props;
UNWIND [
{from: 'orders-readonly-token', to: 'order-history', props: {relation: 'grants', likelihood: 0.9, from_state: 'control', to_state: 'control'}},
{from: 'psp-secret-key', to: 'payments-ledger#tainted', props: {relation: 'grants', likelihood: 0.95, from_state: 'control', to_state: 'tainted'}},
{from: 'zendesk-oauth', to: 'support-tickets', props: {relation: 'grants', likelihood: 0.9, from_state: 'control', to_state: 'control'}}
] AS row
MATCH (a:StewardNode {id: row.from})
MATCH (b:StewardNode {id: row.to})
MERGE (a)-[r:STEP_GRANT]->(b)
SET r = row.props;
UNWIND [
{from: 'kb-search', to: 'help-center-kb', props: {relation: 'reads', likelihood: 0.9, from_state: 'control', to_state: 'control'}},
{from: 'order-status-api', to: 'order-history', props: {relation: 'reads', likelihood: 0.9, from_state: 'control', to_state: 'control'}},
{from: 'psp-charge-lookup', to: 'payments-ledger', props: {relation: 'reads', likelihood: 0.9, from_state: 'control', to_state: 'control'}}
] AS row
MATCH (a:StewardNode {id: row.from})
MATCH (b:StewardNode {id: row.to})
MERGE (a)-[r:STEP_READ]->(b)
SET r = row.props;
UNWIND [
{from: 'psp-refunds', to: 'payments-ledger#tainted', props: {relation: 'writes', likelihood: 0.9, from_state: 'control', to_state: 'tainted'}},
{from: 'ticket-api', to: 'support-tickets', props: {relation: 'writes', likelihood: 0.9, from_state: 'control', to_state: 'control'}},
{from: 'triage-agent', to: 'chat-transcripts', props: {relation: 'writes', likelihood: 0.9, from_state: 'control', to_state: 'control'}}
] AS row
MATCH (a:StewardNode {id: row.from})
MATCH (b:StewardNode {id: row.to})
MERGE (a)-[r:STEP_WRITE]->(b)
SET r = row.props;
UNWIND [
{from: 'help-center-kb#tainted', to: 'kb-search#tainted', props: {relation: 'reads', likelihood: 0.15, from_state: 'tainted', to_state: 'tainted'}},
{from: 'order-history#tainted', to: 'order-status-api#tainted', props: {relation: 'reads', likelihood: 0.5, from_state: 'tainted', to_state: 'tainted'}},
{from: 'payments-ledger#tainted', to: 'psp-charge-lookup#tainted', props: {relation: 'reads', likelihood: 0.5, from_state: 'tainted', to_state: 'tainted'}}
] AS row
MATCH (a:StewardNode {id: row.from})
MATCH (b:StewardNode {id: row.to})
MERGE (a)-[r:STEP_POISON]->(b)
SET r = row.props;
UNWIND [
{from: 'goodwill-voucher#tainted', to: 'escalation-agent', props: {relation: 'invokes', likelihood: 0.7, from_state: 'tainted', to_state: 'control'}},
{from: 'kb-search#tainted', to: 'triage-agent', props: {relation: 'invokes', likelihood: 0.7, from_state: 'tainted', to_state: 'control'}},
{from: 'order-status-api#tainted', to: 'order-lookup-agent', props: {relation: 'invokes', likelihood: 0.7, from_state: 'tainted', to_state: 'control'}},
{from: 'psp-charge-lookup#tainted', to: 'triage-agent', props: {relation: 'invokes', likelihood: 0.7, from_state: 'tainted', to_state: 'control'}},
{from: 'psp-refunds#tainted', to: 'refunds-agent', props: {relation: 'invokes', likelihood: 0.7, from_state: 'tainted', to_state: 'control'}},
{from: 'ticket-api#tainted', to: 'escalation-agent', props: {relation: 'invokes', likelihood: 0.7, from_state: 'tainted', to_state: 'control'}},
{from: 'ticket-api#tainted', to: 'triage-agent', props: {relation: 'invokes', likelihood: 0.7, from_state: 'tainted', to_state: 'control'}}
] AS row
MATCH (a:StewardNode {id: row.from})
MATCH (b:StewardNode {id: row.to})
MERGE (a)-[r:STEP_RETURN]->(b)
SET r = row.props;
UNWIND [
{from: 'goodwill-voucher#tainted', to: 'goodwill-voucher', props: {}},
{from: 'help-center-kb#tainted', to: 'help-center-kb', props: {}},
{from: 'kb-search#tainted', to: 'kb-search', props: {}},
{from: 'order-history#tainted', to: 'order-history', props: {}},
{from: 'order-status-api#tainted', to: 'order-status-api', props: {}},
{from: 'payments-ledger#tainted', to: 'payments-ledger', props: {}},
{from: 'psp-charge-lookup#tainted', to: 'psp-charge-lookup', props: {}},
{from: 'psp-refunds#tainted', to: 'psp-refunds', props: {}},
{from: 'ticket-api#tainted', to: 'ticket-api', props: {}}
] AS row
MATCH (a:StewardNode {id: row.from})
MATCH (b:StewardNode {id: row.to})
MERGE (a)-[r:TAINTED_STATE_OF]->(b)
SET r = row.props;
