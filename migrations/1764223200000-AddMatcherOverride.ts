import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Overriding the purpose matcher (issue 14): a steward who approves a dataset the matcher advised
 * DENY or ABSTAIN writes why, and the reason, who and when are kept on the request's item. The
 * check keeps the three together and only on approvals against the matcher's advice.
 */
export class AddMatcherOverride1764223200000 implements MigrationInterface {
  name = 'AddMatcherOverride1764223200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "data_access_request_item"
        ADD "override_reason" text,
        ADD "overridden_by_user_id" uuid,
        ADD "overridden_at" TIMESTAMP(3) WITH TIME ZONE,
        ADD CONSTRAINT "data_access_request_item_override_check" CHECK (
          ("override_reason" IS NULL AND "overridden_by_user_id" IS NULL AND "overridden_at" IS NULL)
          OR ("override_reason" IS NOT NULL AND "overridden_by_user_id" IS NOT NULL AND "overridden_at" IS NOT NULL
              AND "decision" = 'APPROVED' AND "match_decision" IN ('DENY', 'ABSTAIN'))
        )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "data_access_request_item"
        DROP CONSTRAINT "data_access_request_item_override_check",
        DROP COLUMN "overridden_at",
        DROP COLUMN "overridden_by_user_id",
        DROP COLUMN "override_reason"`);
  }
}
