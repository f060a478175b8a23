import { ConflictError } from '@tetrad/core';

export class OrganizationCodeTakenError extends ConflictError {
  constructor(code: string) {
    super(
      `An organisation with unified social credit code ${code} is already registered. Look it up instead of creating it again.`,
    );
  }
}
