import { registerEnumType } from '@nestjs/graphql';
import { UserRole } from '@tetrad/core';
import { type ContractDuty, ContractStatus } from '../contract-enums';

/** What a party must do next for a contract to move on. */
export enum ContractNextActionKind {
  /** Review the draft: edit it or agree to it (LEGAL). */
  EDIT = 'EDIT',
  /** Review the other side's latest version: agree to it or answer with an edit (LEGAL). */
  AGREE = 'AGREE',
  /** Sign the agreed version's hash (SIGNATORY). */
  SIGN = 'SIGN',
  /** Meet an obligation and record the evidence (the recipient's ORG_ADMIN or LEGAL). */
  FULFIL_OBLIGATION = 'FULFIL_OBLIGATION',
  /** A provider suspended the contract: resume or terminate it (ORG_ADMIN or LEGAL). */
  DECIDE_SUSPENSION = 'DECIDE_SUSPENSION',
}

registerEnumType(ContractNextActionKind, {
  name: 'ContractNextActionKind',
  description: 'What a party must do next on a contract.',
});

/**
 * Who may take each action: the same roles contract.rules.ts grants the matching ability
 * (draft/agree, sign, fulfil, suspend).
 */
export const ACTING_ROLES: Record<ContractNextActionKind, readonly UserRole[]> = {
  [ContractNextActionKind.EDIT]: [UserRole.LEGAL],
  [ContractNextActionKind.AGREE]: [UserRole.LEGAL],
  [ContractNextActionKind.SIGN]: [UserRole.SIGNATORY],
  [ContractNextActionKind.FULFIL_OBLIGATION]: [UserRole.ORG_ADMIN, UserRole.LEGAL],
  [ContractNextActionKind.DECIDE_SUSPENSION]: [UserRole.ORG_ADMIN, UserRole.LEGAL],
};

export interface NextActionFacts {
  /** The state as of now (effectiveStatus). */
  status: ContractStatus;
  stored: ContractStatus;
  recipientOrganizationId: string;
  providerOrganizationIds: readonly string[];
  partyOrganizationIds: readonly string[];
  currentVersion: number;
  agreedVersion: number | null;
  /** The organisation of the latest version's author, if known. */
  latestAuthorOrganizationId: string | null;
  /** Organisations with a live (not voided) signature. */
  signedOrganizationIds: readonly string[];
  unmetObligations: readonly { id: string; duty: ContractDuty; dueAt: Date | null }[];
}

export interface NextAction {
  organizationId: string;
  action: ContractNextActionKind;
  roles: readonly UserRole[];
  /** The version to review or sign. */
  version: number | null;
  obligationId: string | null;
  duty: ContractDuty | null;
  dueAt: Date | null;
}

function partyAction(
  organizationId: string,
  action: ContractNextActionKind,
  version: number | null,
): NextAction {
  return {
    organizationId,
    action,
    roles: ACTING_ROLES[action],
    version,
    obligationId: null,
    duty: null,
    dueAt: null,
  };
}

/** Unmet obligations that fall due (standing duties have no date and never block), soonest first. */
function obligationActions(facts: NextActionFacts): NextAction[] {
  return facts.unmetObligations
    .filter((obligation) => obligation.dueAt !== null)
    .sort((a, b) => a.dueAt!.getTime() - b.dueAt!.getTime())
    .map((obligation) => ({
      ...partyAction(facts.recipientOrganizationId, ContractNextActionKind.FULFIL_OBLIGATION, null),
      obligationId: obligation.id,
      duty: obligation.duty,
      dueAt: obligation.dueAt,
    }));
}

/**
 * Which party must act next, in which role, from the contract's state: in a draft every party's
 * legal team; in negotiation the parties other than the latest version's author; once agreed the
 * signatories that have not signed; once signed the recipient's dated obligations, and a
 * provider's decision on its suspension. Nothing for a terminated contract.
 */
export function contractNextActions(facts: NextActionFacts): NextAction[] {
  // Providers first, then the recipient, as the contract reads.
  const parties = [
    ...facts.partyOrganizationIds.filter((id) => id !== facts.recipientOrganizationId),
    facts.recipientOrganizationId,
  ];
  switch (facts.status) {
    case ContractStatus.DRAFT:
      return parties.map((id) => partyAction(id, ContractNextActionKind.EDIT, facts.currentVersion));
    case ContractStatus.IN_NEGOTIATION: {
      const author = facts.latestAuthorOrganizationId;
      const others = parties.filter((id) => id !== author);
      return (others.length > 0 && author && parties.includes(author) ? others : parties).map((id) =>
        partyAction(id, ContractNextActionKind.AGREE, facts.currentVersion),
      );
    }
    case ContractStatus.AGREED: {
      const signed = new Set(facts.signedOrganizationIds);
      return parties
        .filter((id) => !signed.has(id))
        .map((id) => partyAction(id, ContractNextActionKind.SIGN, facts.agreedVersion));
    }
    case ContractStatus.SUSPENDED: {
      const decisions =
        facts.stored === ContractStatus.SUSPENDED
          ? facts.providerOrganizationIds.map((id) =>
              partyAction(id, ContractNextActionKind.DECIDE_SUSPENSION, null),
            )
          : [];
      return [...obligationActions(facts), ...decisions];
    }
    case ContractStatus.ACTIVE:
    case ContractStatus.EXPIRED:
      return obligationActions(facts);
    case ContractStatus.TERMINATED:
      return [];
  }
}
