import type { ContractStatus, UserRole } from '../../gql/graphql';

export const STATUSES: readonly ContractStatus[] = [
  'DRAFT',
  'IN_NEGOTIATION',
  'AGREED',
  'ACTIVE',
  'SUSPENDED',
  'EXPIRED',
  'TERMINATED',
];

export const STATUS_COLORS: Record<ContractStatus, string> = {
  DRAFT: 'default',
  IN_NEGOTIATION: 'processing',
  AGREED: 'gold',
  ACTIVE: 'success',
  SUSPENDED: 'warning',
  EXPIRED: 'default',
  TERMINATED: 'error',
};

/** Where a status sits on the lifecycle: DRAFT → IN_NEGOTIATION → AGREED → ACTIVE → ended. */
export function lifecycleStep(status: ContractStatus): {
  current: number;
  state: 'process' | 'error' | 'finish';
} {
  switch (status) {
    case 'DRAFT':
      return { current: 0, state: 'process' };
    case 'IN_NEGOTIATION':
      return { current: 1, state: 'process' };
    case 'AGREED':
      return { current: 2, state: 'process' };
    case 'ACTIVE':
      return { current: 3, state: 'process' };
    case 'SUSPENDED':
      return { current: 3, state: 'error' };
    case 'EXPIRED':
      return { current: 4, state: 'finish' };
    case 'TERMINATED':
      return { current: 4, state: 'error' };
  }
}

export type ContractAction =
  'edit' | 'agree' | 'reopen' | 'sign' | 'suspend' | 'resume' | 'terminate' | 'fulfil' | 'access';

export interface ActionContext {
  status: ContractStatus;
  roles: readonly UserRole[];
  organizationId: string | undefined;
  providerOrganizationIds: readonly string[];
  recipientOrganizationId: string;
  /** Whether the caller's organisation holds a live signature of the agreed version. */
  signedByMyOrganization: boolean;
  fullySigned: boolean;
}

/** What the caller's roles allow now, as the API's rules do (contract.rules.ts); the API has the last word. */
export function allowedActions(context: ActionContext): Set<ContractAction> {
  const { status, roles, organizationId } = context;
  const has = (role: UserRole) => roles.includes(role);
  const provider = organizationId !== undefined && context.providerOrganizationIds.includes(organizationId);
  const recipient = organizationId !== undefined && organizationId === context.recipientOrganizationId;
  const actions = new Set<ContractAction>();
  if (!provider && !recipient) return actions;
  const negotiable = status === 'DRAFT' || status === 'IN_NEGOTIATION';
  if (has('LEGAL') && negotiable) {
    actions.add('edit');
    actions.add('agree');
  }
  if (has('LEGAL') && status === 'AGREED' && !context.fullySigned) actions.add('reopen');
  if (has('SIGNATORY') && status === 'AGREED' && !context.fullySigned && !context.signedByMyOrganization)
    actions.add('sign');
  const adminOrLegal = has('ORG_ADMIN') || has('LEGAL');
  if (provider && adminOrLegal) {
    if (status === 'ACTIVE') actions.add('suspend');
    if (status === 'SUSPENDED') actions.add('resume');
    if (status !== 'TERMINATED' && status !== 'EXPIRED') actions.add('terminate');
  }
  if (recipient && adminOrLegal) actions.add('fulfil');
  if (recipient && (has('RESEARCHER') || has('ENGINEER')) && status === 'ACTIVE') actions.add('access');
  return actions;
}
