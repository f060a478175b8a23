import type { MigrationInterface, QueryRunner } from 'typeorm';

// Placeholder: the audit trail migration is being written (see libs/core/src/audit).
export class CreateAuditTrail1764129600000 implements MigrationInterface {
  name = 'CreateAuditTrail1764129600000';

  async up(_queryRunner: QueryRunner): Promise<void> {}

  async down(_queryRunner: QueryRunner): Promise<void> {}
}
