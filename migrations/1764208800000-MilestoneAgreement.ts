import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Milestone terms become a multi-party agreement (issue 14): PROPOSED until every bound party
 * accepts the exact terms (acceptances bound to the terms' hash), then COMMITTED. The clock-read
 * PLANNED/IN_PROGRESS states go: milestones not yet decided become PROPOSED, since nobody accepted
 * them. Terms name who funds the reward and who receives the risk (backfilled with the consortium's
 * scenario user), and every ledger entry names its payer and payee and can be settled.
 */
export class MilestoneAgreement1764208800000 implements MigrationInterface {
  name = 'MilestoneAgreement1764208800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "milestone_open_due_idx"`);
    await queryRunner.query(`ALTER TYPE "milestone_status" RENAME TO "milestone_status_v1"`);
    await queryRunner.query(
      `CREATE TYPE "milestone_status" AS ENUM ('PROPOSED', 'COMMITTED', 'ACHIEVED', 'MISSED', 'WAIVED')`,
    );
    await queryRunner.query(`ALTER TABLE "milestone" ALTER COLUMN "status" DROP DEFAULT`);
    await queryRunner.query(`
      ALTER TABLE "milestone" ALTER COLUMN "status" TYPE "milestone_status" USING (
        CASE WHEN "status"::text IN ('PLANNED', 'IN_PROGRESS') THEN 'PROPOSED' ELSE "status"::text END
      )::"milestone_status"`);
    await queryRunner.query(`ALTER TABLE "milestone" ALTER COLUMN "status" SET DEFAULT 'PROPOSED'`);
    await queryRunner.query(`DROP TYPE "milestone_status_v1"`);
    await queryRunner.query(
      `CREATE INDEX "milestone_open_due_idx" ON "milestone" ("due_at") WHERE "status" = 'COMMITTED'`,
    );
    await queryRunner.query(`
      ALTER TABLE "milestone"
        ADD "terms_version" integer NOT NULL DEFAULT 1,
        ADD "reward_funder_organization_id" uuid,
        ADD "risk_beneficiary_organization_id" uuid,
        ADD "proposed_by_organization_id" uuid,
        ADD "committed_at" TIMESTAMP(3) WITH TIME ZONE,
        ADD "committed_terms_hash" character(64),
        ADD "decision_summary" text`);
    // Older milestones: the scenario user funds the reward and bears the cost the risk covers.
    await queryRunner.query(`
      UPDATE "milestone" m SET
        "reward_funder_organization_id" = COALESCE(user_org.organization_id, first_share.organization_id),
        "risk_beneficiary_organization_id" = COALESCE(user_org.organization_id, first_share.organization_id)
        FROM "milestone" base
        LEFT JOIN LATERAL (
          SELECT ms.organization_id FROM "membership" ms
           WHERE ms.consortium_id = base.consortium_id AND ms.party_role = 'SCENARIO_USER'
           ORDER BY (ms.status = 'ACTIVE') DESC, ms.created_at LIMIT 1) user_org ON true
        LEFT JOIN LATERAL (
          SELECT (share ->> 'organizationId')::uuid AS organization_id
            FROM jsonb_array_elements(base.shares) share LIMIT 1) first_share ON true
       WHERE m.id = base.id`);
    await queryRunner.query(`
      ALTER TABLE "milestone"
        ALTER COLUMN "reward_funder_organization_id" SET NOT NULL,
        ALTER COLUMN "risk_beneficiary_organization_id" SET NOT NULL`);
    await queryRunner.query(`
      CREATE TABLE "milestone_acceptance" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "milestone_id" uuid NOT NULL,
        "consortium_id" uuid NOT NULL,
        "organization_id" uuid NOT NULL,
        "terms_hash" character(64) NOT NULL,
        "terms_version" integer NOT NULL,
        "accepted_by_user_id" uuid,
        "accepted_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "milestone_acceptance_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "milestone_acceptance_once_uq" UNIQUE ("milestone_id", "organization_id", "terms_hash"),
        CONSTRAINT "milestone_acceptance_milestone_fk" FOREIGN KEY ("milestone_id") REFERENCES "milestone"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE INDEX "milestone_acceptance_milestone_idx" ON "milestone_acceptance" ("milestone_id", "accepted_at")`,
    );
    await queryRunner.query(`
      ALTER TABLE "ledger_entry"
        ADD "payer_organization_id" uuid,
        ADD "payee_organization_id" uuid,
        ADD "settled_at" TIMESTAMP(3) WITH TIME ZONE,
        ADD "settlement_reference" character varying(200),
        ADD "settled_by_user_id" uuid`);
    await queryRunner.query(`
      UPDATE "ledger_entry" e SET
        "payer_organization_id" = CASE WHEN e.kind = 'REWARD' THEN m.reward_funder_organization_id ELSE e.organization_id END,
        "payee_organization_id" = CASE WHEN e.kind = 'REWARD' THEN e.organization_id ELSE m.risk_beneficiary_organization_id END
        FROM "milestone" m WHERE m.id = e.milestone_id`);
    await queryRunner.query(`
      UPDATE "ledger_entry" SET "settled_at" = "created_at", "settlement_reference" = 'own share'
       WHERE "payer_organization_id" = "payee_organization_id"`);
    await queryRunner.query(`
      ALTER TABLE "ledger_entry"
        ALTER COLUMN "payer_organization_id" SET NOT NULL,
        ALTER COLUMN "payee_organization_id" SET NOT NULL`);
    await queryRunner.query(
      `CREATE INDEX "ledger_entry_payer_idx" ON "ledger_entry" ("payer_organization_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ledger_entry_payee_idx" ON "ledger_entry" ("payee_organization_id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ledger_entry_payee_idx"`);
    await queryRunner.query(`DROP INDEX "ledger_entry_payer_idx"`);
    await queryRunner.query(`
      ALTER TABLE "ledger_entry"
        DROP COLUMN "settled_by_user_id", DROP COLUMN "settlement_reference", DROP COLUMN "settled_at",
        DROP COLUMN "payee_organization_id", DROP COLUMN "payer_organization_id"`);
    await queryRunner.query(`DROP TABLE "milestone_acceptance"`);
    await queryRunner.query(`
      ALTER TABLE "milestone"
        DROP COLUMN "decision_summary", DROP COLUMN "committed_terms_hash", DROP COLUMN "committed_at",
        DROP COLUMN "proposed_by_organization_id", DROP COLUMN "risk_beneficiary_organization_id",
        DROP COLUMN "reward_funder_organization_id", DROP COLUMN "terms_version"`);
    await queryRunner.query(`DROP INDEX "milestone_open_due_idx"`);
    await queryRunner.query(`ALTER TYPE "milestone_status" RENAME TO "milestone_status_v2"`);
    await queryRunner.query(
      `CREATE TYPE "milestone_status" AS ENUM ('PLANNED', 'IN_PROGRESS', 'ACHIEVED', 'MISSED', 'WAIVED')`,
    );
    await queryRunner.query(`ALTER TABLE "milestone" ALTER COLUMN "status" DROP DEFAULT`);
    await queryRunner.query(`
      ALTER TABLE "milestone" ALTER COLUMN "status" TYPE "milestone_status" USING (
        CASE WHEN "status"::text IN ('PROPOSED', 'COMMITTED') THEN 'IN_PROGRESS' ELSE "status"::text END
      )::"milestone_status"`);
    await queryRunner.query(`ALTER TABLE "milestone" ALTER COLUMN "status" SET DEFAULT 'PLANNED'`);
    await queryRunner.query(`DROP TYPE "milestone_status_v2"`);
    await queryRunner.query(
      `CREATE INDEX "milestone_open_due_idx" ON "milestone" ("due_at") WHERE "status" IN ('PLANNED', 'IN_PROGRESS')`,
    );
  }
}
